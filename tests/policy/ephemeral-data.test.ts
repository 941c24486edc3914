/**
 * Redis Cloud policies through the real pack: the prod subscription and database (at preview) pass; each
 * single mutation fails with the exact message.
 */
import { mandatory, policySuite, violationsOf, withInputs } from "../harness/policy";

const suite = policySuite();

const check = suite.violations;

test("the prod subscription and database raise nothing at all", async () => {
    for (const name of ["redis-subscription", "redis-pubsub"]) {
        const reg = suite.rec.registrations.find((r) => r.name === name && r.custom)!;
        expect({ name, diagnostics: (await suite.pack.analyze(reg, suite.rec)).diagnostics }).toEqual({ name, diagnostics: [] });
    }
});

describe("redis-subscriptions-in-australia", () => {
    const policy = "redis-subscriptions-in-australia";
    test("fails a region outside Australia", async () => {
        expect(await check("redis-subscription", policy, (p) => (p["cloudProvider"].regions[0].region = "us-east-1"))).toEqual([
            mandatory(
                "Redis subscription redis-subscription: cloudProvider.regions[0].region is us-east-1 " +
                    "(allowed: ap-southeast-2, ap-southeast-4, australia-southeast1, australia-southeast2).",
            ),
        ]);
    });
    test("fails a subscription without a region", async () => {
        expect(await check("redis-subscription", policy, (p) => (p["cloudProvider"].regions = []))).toEqual([
            mandatory("Redis subscription redis-subscription declares no region."),
        ]);
    });
});

describe("redis-database-tls-enabled", () => {
    test("fails without TLS", async () => {
        expect(await check("redis-pubsub", "redis-database-tls-enabled", (p) => (p["enableTls"] = false))).toEqual([
            mandatory("Redis database redis-pubsub does not require TLS (enableTls must be true)."),
        ]);
    });
    test("fails when TLS is left to the provider's default (plain text)", async () => {
        expect(await check("redis-pubsub", "redis-database-tls-enabled", (p) => delete p["enableTls"])).toEqual([
            mandatory("Redis database redis-pubsub does not require TLS (enableTls must be true)."),
        ]);
    });
});

describe("redis-database-ephemeral", () => {
    const policy = "redis-database-ephemeral";
    test("fails AOF persistence", async () => {
        expect(await check("redis-pubsub", policy, (p) => (p["dataPersistence"] = "aof-every-1-second"))).toEqual([
            mandatory('Redis database redis-pubsub has dataPersistence aof-every-1-second; it must be "none".'),
        ]);
    });
    test("fails a remote backup", async () => {
        expect(await check("redis-pubsub", policy, (p) => (p["remoteBackup"] = { interval: "every-24-hours", storagePath: "s3://b", storageType: "aws-s3" }))).toEqual([
            mandatory("Redis database redis-pubsub configures a remote backup; ephemeral data must never be backed up."),
        ]);
    });
    test("fails the deprecated periodic backup path", async () => {
        expect(await check("redis-pubsub", policy, (p) => (p["periodicBackupPath"] = "s3://bucket/path"))).toEqual([
            mandatory("Redis database redis-pubsub configures periodicBackupPath; ephemeral data must never be backed up."),
        ]);
    });
});

describe("redis-database-source-ips-restricted", () => {
    const policy = "redis-database-source-ips-restricted";
    test("fails 0.0.0.0/0", async () => {
        expect(await check("redis-pubsub", policy, (p) => (p["sourceIps"] = ["0.0.0.0/0"]))).toEqual([
            mandatory("Redis database redis-pubsub accepts connections from 0.0.0.0/0: wider than /16 (0.0.0.0/0 and other internet-wide ranges are refused)."),
        ]);
    });
    test("fails an empty list, which Redis Cloud treats as any address", async () => {
        expect(await check("redis-pubsub", policy, (p) => (p["sourceIps"] = []))).toEqual([
            mandatory("Redis database redis-pubsub has no sourceIps, so it accepts connections from any address."),
        ]);
    });
    test("fails a public /16", async () => {
        expect(await check("redis-pubsub", policy, (p) => (p["sourceIps"] = ["52.64.0.0/16"]))).toEqual([
            mandatory("Redis database redis-pubsub accepts connections from 52.64.0.0/16: a public block wider than /24."),
        ]);
    });
    test("the limits are pack config", async () => {
        const reg = suite.rec.registrations.find((r) => r.name === "redis-pubsub" && r.custom)!;
        const result = await suite.pack.analyze(withInputs(reg, (p) => (p["sourceIps"] = ["10.0.0.0/16"])), suite.rec, { [policy]: { privateMinPrefix: 20 } });
        expect(violationsOf(result, policy)).toEqual([
            mandatory("Redis database redis-pubsub accepts connections from 10.0.0.0/16: wider than /20 (0.0.0.0/0 and other internet-wide ranges are refused)."),
        ]);
    });
});
