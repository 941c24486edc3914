/**
 * `data-platform:redis` (infra/schema/ephemeral-data.ts) and the Redis Cloud credentials check
 * (the Redis Cloud key pair, `pairWith` in infra/config.ts): the prod section validates, and each weakening of the
 * ephemeral-data clauses (02.ephemeral-data, 06.ephemeral-retention, 05.encryption-and-access-control, 03.rbac) is
 * refused with a message naming the key, the bad value and what is allowed, before any resource is registered.
 */
import type { Registration } from "../../infra/check/recorder";
import { redisSchema } from "../../infra/schema/ephemeral-data";
import { prodConfig, runStackExpectingError, type RunStackOptions } from "../harness/stack";

const SECTION = "data-platform:redis";
const HEADER = (n: number) => `Invalid stack configuration (${n} problem${n === 1 ? "" : "s"}); nothing was deployed:\n`;
const NO_BACKUP =
    "no persistence or backup setting (data policy §06 Data Retention & Backup — Redis data never backed up, not retained " +
    'beyond 24 hours): the database is always created with dataPersistence "none" and without remoteBackup or periodicBackupPath; remove this key.';
const CIDR_16 =
    "an IPv4 CIDR block naming a network: a public block no wider than /24, or a private RFC 1918 block no wider than /16; never 0.0.0.0/0 (data policy §03).";

/** The types registered: a refusal must leave nothing but the root stack. */
function types(registrations: readonly Registration[]): string[] {
    return registrations.map((r) => r.type);
}

/** Runs the prod stack with the redis section changed, expecting `count` problems; returns their lines. */
async function refusals(mutate: (redis: Record<string, any>) => void, count = 1, extra: Omit<RunStackOptions, "mutate"> = {}): Promise<string[]> {
    const err = await runStackExpectingError({ ...extra, mutate: (c) => mutate(c[SECTION]) });
    expect(types(err.registrations)).toEqual(["pulumi:pulumi:Stack"]);
    expect(err.message.startsWith(HEADER(count))).toBe(true);
    return err.message.slice(HEADER(count).length).split("\n");
}
async function refusal(mutate: (redis: Record<string, any>) => void, extra: Omit<RunStackOptions, "mutate"> = {}): Promise<string> {
    const lines = await refusals(mutate, 1, extra);
    return lines[0]!;
}

describe("the prod section", () => {
    test("validates, with the defaults applied", () => {
        const r = redisSchema.safeParse(prodConfig()[SECTION]);
        expect(r.error?.issues).toBeUndefined();
        expect(r.data).toEqual({
            subscription: {
                name: "allotrac-prod-ephemeral-apse2",
                cloudProvider: "AWS",
                region: "ap-southeast-2",
                networkingDeploymentCidr: "10.42.8.0/24",
                multipleAvailabilityZones: true,
                paymentMethodId: "00000",
                creationPlan: { memoryLimitInGb: 2, throughputMeasurementBy: "operations-per-second", throughputMeasurementValue: 25000 },
            },
            database: {
                name: "allotrac-prod-pubsub",
                memoryLimitInGb: 2,
                throughputMeasurementBy: "operations-per-second",
                throughputMeasurementValue: 25000,
                sourceIps: ["10.20.0.0/16", "203.0.113.16/28"],
                dataEviction: "volatile-ttl",
                alerts: [
                    { name: "dataset-size", value: 75 },
                    { name: "throughput-higher-than", value: 20000 },
                    { name: "latency", value: 5 },
                ],
            },
        });
    });

    test("without cloudProvider, multipleAvailabilityZones or dataEviction, gets AWS, multi-AZ and volatile-ttl", () => {
        const section = prodConfig()[SECTION];
        delete section.subscription.cloudProvider;
        delete section.subscription.multipleAvailabilityZones;
        delete section.database.dataEviction;
        const r = redisSchema.safeParse(section);
        expect({
            cloudProvider: r.data?.subscription.cloudProvider,
            multipleAvailabilityZones: r.data?.subscription.multipleAvailabilityZones,
            dataEviction: r.data?.database.dataEviction,
        }).toEqual({ cloudProvider: "AWS", multipleAvailabilityZones: true, dataEviction: "volatile-ttl" });
    });
});

describe("residency (02.ephemeral-data): refused through the real program, nothing but the root stack registered", () => {
    test("a region outside Australia", async () => {
        expect(await refusal((r) => (r.subscription.region = "us-east-1"))).toBe(
            '  - data-platform:redis.subscription.region = "us-east-1" is not allowed; expected an Australian Redis Cloud Pro region ' +
                "(ap-southeast-2 | ap-southeast-4 | australia-southeast1 | australia-southeast2); data policy §02 Data Storage — " +
                "Ephemeral pub/sub data in Enterprise Redis in Australia, not retained.",
        );
    });

    test("an Australian region of the other cloud", async () => {
        expect(await refusal((r) => (r.subscription.region = "australia-southeast1"))).toBe(
            '  - data-platform:redis.subscription.region = "australia-southeast1" is not allowed; expected a region of AWS ' +
                "(ap-southeast-2 | ap-southeast-4), because cloudProvider is AWS.",
        );
    });
});

describe("availability", () => {
    test("a single-zone subscription", async () => {
        expect(await refusal((r) => (r.subscription.multipleAvailabilityZones = false))).toBe(
            "  - data-platform:redis.subscription.multipleAvailabilityZones = false is not allowed; expected true: the subscription always " +
                "spans availability zones (the database keeps nothing on disk).",
        );
    });
});

describe("network access (03.rbac, 05.encryption-and-access-control)", () => {
    test("a public source range wider than /24", async () => {
        expect(await refusal((r) => (r.database.sourceIps = ["52.64.0.0/16"]))).toBe(
            `  - data-platform:redis.database.sourceIps[0] = "52.64.0.0/16" is not allowed; expected ${CIDR_16}`,
        );
    });

    test("a source IP range open to the internet", async () => {
        expect(await refusal((r) => (r.database.sourceIps = ["0.0.0.0/0"]))).toBe(
            `  - data-platform:redis.database.sourceIps[0] = "0.0.0.0/0" is not allowed; expected ${CIDR_16}`,
        );
    });

    test("an over-broad source IP range", async () => {
        expect(await refusal((r) => r.database.sourceIps.push("10.0.0.0/8"))).toBe(
            `  - data-platform:redis.database.sourceIps[2] = "10.0.0.0/8" is not allowed; expected ${CIDR_16}`,
        );
    });

    test("no source IPs at all (the provider would then allow 0.0.0.0/0)", async () => {
        expect(await refusal((r) => (r.database.sourceIps = []))).toBe(
            "  - data-platform:redis.database.sourceIps = [] is not allowed; expected a list of at least one CIDR block: " +
                "without sourceIps the database accepts connections from anywhere (0.0.0.0/0).",
        );
    });

    test("the same range twice", async () => {
        expect(await refusal((r) => r.database.sourceIps.push("10.20.0.0/16"))).toBe(
            '  - data-platform:redis.database.sourceIps[2] = "10.20.0.0/16" is not allowed; expected a CIDR block not listed twice.',
        );
    });

    test("a deployment CIDR that is not a private /24", async () => {
        const msg =
            "expected a private IPv4 /24 network inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, such as 10.42.8.0/24 " +
            "(Redis Cloud deploys the subscription into exactly one /24; choose one no VPC that will peer with it uses).";
        expect(await refusal((r) => (r.subscription.networkingDeploymentCidr = "10.42.0.0/16"))).toBe(
            `  - data-platform:redis.subscription.networkingDeploymentCidr = "10.42.0.0/16" is not allowed; ${msg}`,
        );
        expect(await refusal((r) => (r.subscription.networkingDeploymentCidr = "8.8.8.0/24"))).toBe(
            `  - data-platform:redis.subscription.networkingDeploymentCidr = "8.8.8.0/24" is not allowed; ${msg}`,
        );
        expect(await refusal((r) => (r.subscription.networkingDeploymentCidr = "10.42.8.7/24"))).toBe(
            `  - data-platform:redis.subscription.networkingDeploymentCidr = "10.42.8.7/24" is not allowed; ${msg}`,
        );
    });
});

describe("no persistence and no backup (06.ephemeral-retention)", () => {
    test("dataPersistence, in any form, even none", async () => {
        expect(await refusal((r) => (r.database.dataPersistence = "aof-every-1-second"))).toBe(
            `  - data-platform:redis.database.dataPersistence = "aof-every-1-second" is not allowed; expected ${NO_BACKUP}`,
        );
        expect(await refusal((r) => (r.database.dataPersistence = "snapshot-every-12-hours"))).toBe(
            `  - data-platform:redis.database.dataPersistence = "snapshot-every-12-hours" is not allowed; expected ${NO_BACKUP}`,
        );
        expect(await refusal((r) => (r.database.dataPersistence = "none"))).toBe(
            `  - data-platform:redis.database.dataPersistence = "none" is not allowed; expected ${NO_BACKUP}`,
        );
    });

    test("a remote backup", async () => {
        expect(
            await refusal((r) => (r.database.remoteBackup = { interval: "every-24-hours", storageType: "aws-s3", storagePath: "s3://allotrac-redis-backups" })),
        ).toBe(
            '  - data-platform:redis.database.remoteBackup = {"interval":"every-24-hours","storageType":"aws-s3","storagePath":"s3://allotrac-redis-backups"} ' +
                `is not allowed; expected ${NO_BACKUP}`,
        );
    });

    test("the deprecated periodic backup path", async () => {
        expect(await refusal((r) => (r.database.periodicBackupPath = "s3://allotrac-redis-backups"))).toBe(
            `  - data-platform:redis.database.periodicBackupPath = "s3://allotrac-redis-backups" is not allowed; expected ${NO_BACKUP}`,
        );
    });

    test("a backup or persistence key under any name, at any level of the section", async () => {
        expect(await refusal((r) => (r.backup = { enabled: true }))).toBe(
            `  - data-platform:redis.backup = {"enabled":true} is not allowed; expected ${NO_BACKUP}`,
        );
        expect(await refusal((r) => (r.subscription.creationPlan.snapshotEveryHours = 1))).toBe(
            `  - data-platform:redis.subscription.creationPlan.snapshotEveryHours = 1 is not allowed; expected ${NO_BACKUP}`,
        );
        expect(await refusal((r) => (r.database.alerts[0].aofRewrite = true))).toBe(
            `  - data-platform:redis.database.alerts[0].aofRewrite = true is not allowed; expected ${NO_BACKUP}`,
        );
    });

    test("several at once are all reported, with any other problem, in one run", async () => {
        expect(
            await refusals((r) => {
                r.subscription.region = "eu-west-1";
                r.database.dataPersistence = "aof-every-write";
                r.database.remoteBackup = { interval: "every-1-hours" };
            }, 3),
        ).toEqual([
            '  - data-platform:redis.subscription.region = "eu-west-1" is not allowed; expected an Australian Redis Cloud Pro region ' +
                "(ap-southeast-2 | ap-southeast-4 | australia-southeast1 | australia-southeast2); data policy §02 Data Storage — " +
                "Ephemeral pub/sub data in Enterprise Redis in Australia, not retained.",
            `  - data-platform:redis.database.dataPersistence = "aof-every-write" is not allowed; expected ${NO_BACKUP}`,
            `  - data-platform:redis.database.remoteBackup = {"interval":"every-1-hours"} is not allowed; expected ${NO_BACKUP}`,
        ]);
    });

    test("a misspelt key that is not about backups still gets the usual message", async () => {
        expect(await refusal((r) => (r.database.nmae = "x"))).toBe(
            "  - data-platform:redis.database.nmae is not a known key; expected one of name, memoryLimitInGb, throughputMeasurementBy, " +
                "throughputMeasurementValue, sourceIps, dataEviction, alerts (check the spelling).",
        );
    });

    test("an eviction policy that would silently evict keys without a TTL", async () => {
        expect(await refusal((r) => (r.database.dataEviction = "allkeys-lru"))).toBe(
            '  - data-platform:redis.database.dataEviction = "allkeys-lru" is not allowed; expected an eviction policy that never evicts ' +
                "keys without a TTL (volatile-ttl | volatile-lru | volatile-lfu | volatile-random | noeviction); allkeys-* would silently " +
                "evict keys that lack a TTL and hide the retention bug (data policy §06 Data Retention & Backup — Redis data never backed up, " +
                "not retained beyond 24 hours).",
        );
    });

    test("alerts without dataset-size, the early warning for keys without a TTL", async () => {
        expect(await refusal((r) => (r.database.alerts = [{ name: "latency", value: 5 }]))).toBe(
            '  - data-platform:redis.database.alerts = [{"name":"latency","value":5}] is not allowed; expected a list that includes a ' +
                "dataset-size alert: a growing dataset is the first sign of keys without a TTL (data policy §06 Data Retention & Backup — " +
                "Redis data never backed up, not retained beyond 24 hours).",
        );
    });
});

describe("capacity and names", () => {
    test("a database bigger than the subscription's creation plan", async () => {
        expect(await refusal((r) => (r.database.memoryLimitInGb = 4))).toBe(
            "  - data-platform:redis.database.memoryLimitInGb = 4 is not allowed; expected at most the subscription's creationPlan.memoryLimitInGb (2).",
        );
    });

    test("a database measured differently from the plan", async () => {
        expect(
            await refusal((r) => {
                r.database.throughputMeasurementBy = "number-of-shards";
                r.database.throughputMeasurementValue = 2;
            }),
        ).toBe(
            '  - data-platform:redis.database.throughputMeasurementBy = "number-of-shards" is not allowed; expected the subscription\'s ' +
                "creationPlan.throughputMeasurementBy (operations-per-second).",
        );
    });

    test("a throughput outside its measurement's range", async () => {
        expect(await refusal((r) => (r.database.throughputMeasurementValue = 25))).toBe(
            "  - data-platform:redis.database.throughputMeasurementValue = 25 is not allowed; expected a whole number of " +
                "operations per second from 1000 to 10000000 (throughputMeasurementBy is operations-per-second).",
        );
    });

    test("a dataset-size alert above 100%, and the same alert twice", async () => {
        expect(await refusal((r) => (r.database.alerts[0].value = 120))).toBe(
            "  - data-platform:redis.database.alerts[0].value = 120 is not allowed; expected a percentage of the memory limit from 1 to 100.",
        );
        expect(await refusal((r) => r.database.alerts.push({ name: "latency", value: 10 }))).toBe(
            '  - data-platform:redis.database.alerts[3].name = "latency" is not allowed; expected an alert name not used by another entry of this list.',
        );
    });

    test("a database name over 40 characters, and a payment method id that is not a number", async () => {
        const long = "allotrac-prod-pubsub-ephemeral-data-sydney";
        expect(await refusal((r) => (r.database.name = long))).toBe(
            `  - data-platform:redis.database.name = "${long}" is not allowed; expected a Redis Cloud name: 1–40 letters, digits and '-', ` +
                "starting with a letter and ending with a letter or digit.",
        );
        expect(await refusal((r) => (r.subscription.paymentMethodId = "visa-1234"))).toBe(
            '  - data-platform:redis.subscription.paymentMethodId = "visa-1234" is not allowed; expected the numeric id of a payment method ' +
                'of the Redis Cloud account, quoted, such as "12345" (console: Billing & Payments).',
        );
    });
});

describe("Redis Cloud credentials", () => {
    test("half a key pair in the stack config is refused, naming the missing key, before anything is registered", async () => {
        const err = await runStackExpectingError({ secrets: { "rediscloud:apiKey": "test-account-key" } });
        expect(types(err.registrations)).toEqual(["pulumi:pulumi:Stack"]);
        expect(err.message).toBe(
            HEADER(1) +
                "  - rediscloud:secretKey is not set; expected a secret set together with rediscloud:apiKey: the provider uses " +
                "configured credentials only as a pair, and with one half takes the rest from the environment, possibly another account's " +
                "(set both with `pulumi config set --secret`, or neither and export REDISCLOUD_SECRET_KEY and REDISCLOUD_ACCESS_KEY).",
        );
        expect(err.message.includes("test-account-key")).toBe(false);
    });

    test("a key written in plain text in the stack file is refused without repeating it", async () => {
        const err = await runStackExpectingError({
            mutate: (c) => {
                c["rediscloud:apiKey"] = "plain-text-account-key";
                c["rediscloud:secretKey"] = "plain-text-secret-key";
            },
        });
        expect(types(err.registrations)).toEqual(["pulumi:pulumi:Stack"]);
        expect(err.message.includes("plain-text-")).toBe(false);
        expect(err.message).toBe(
            HEADER(2) +
                "  - rediscloud:apiKey = (a plain-text value, not shown) is not allowed; expected a secret: remove it from the stack file and run `pulumi config set --secret rediscloud:apiKey`.\n" +
                "  - rediscloud:secretKey = (a plain-text value, not shown) is not allowed; expected a secret: remove it from the stack file and run `pulumi config set --secret rediscloud:secretKey`.",
        );
    });
});
