/**
 * `RedisDatabase` on its own, with fixture args (data policy 02.ephemeral-data, 06.ephemeral-retention,
 * 05.encryption-and-access-control, 03.rbac): TLS only, no persistence, no backup of any kind, replicated, reachable
 * only from the given networks, the given (or TTL-respecting) eviction and alerts, a password generated or given and
 * secret either way, and the refusal of a sourceIps that would open it to the world. How the prod stack wires it from
 * config is tests/areas/ephemeral-data-redis-database.test.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { RedisDatabase, type RedisDatabaseArgs } from "../../../infra/components/ephemeral-data/redis-database";
import * as rediscloud from "../../../infra/providers/rediscloud";
import { mockRedisNumber } from "../../../infra/check/mock-outputs";
import { tryBuildAlone, fixtureBuild } from "../../harness/build-alone";
import { childrenOf, named, ofType, placement } from "../../harness/stack";
import { protectionAndPlugin, REDIS_DATABASE_PROTECTION, REDIS_PASSWORD_INPUTS, redisDatabaseChildren } from "../../harness/expected-inputs";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:ephemeral-data:RedisDatabase";
const DB_ID = mockRedisNumber("db", 10_000_000);

/** Fixture args: not prod's, so that a prod config edit cannot change what this file asserts. */
const ARGS: RedisDatabaseArgs = {
    subscriptionId: "fixture-subscription",
    databaseName: "fixture-db",
    memoryLimitInGb: 1,
    throughputMeasurementBy: "number-of-shards",
    throughputMeasurementValue: 2,
    sourceIps: ["10.1.0.0/16"],
    alerts: [{ name: "latency", value: 3 }],
};

/** The database's inputs for {@link ARGS}, except the password (asserted on its own). */
const DATABASE = {
    subscriptionId: "fixture-subscription",
    name: "fixture-db",
    protocol: "redis",
    memoryLimitInGb: 1,
    throughputMeasurementBy: "number-of-shards",
    throughputMeasurementValue: 2,
    replication: true,
    enableTls: true,
    dataPersistence: "none",
    dataEviction: "volatile-ttl",
    sourceIps: ["10.1.0.0/16"],
    alerts: [{ name: "latency", value: 3 }],
    supportOssClusterApi: false,
};

/** A value as a component registers it when it is secret (Pulumi's wire form of a secret). */
function secretOnTheWire(value: unknown): Record<string, unknown> {
    return { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value };
}

const build = fixtureBuild(ARGS, (args) =>
    new RedisDatabase("db", args, { providers: [new rediscloud.Provider("rediscloud", {}), new random.Provider("random", {})] }),
);

describe("with a generated password", () => {
    const rec = recordOnce(() => build({}));

    test("is a component with a generated password and the database, each through the given provider", () => {
        const component = named(rec, "db", COMPONENT);
        expect(placement(childrenOf(rec, component))).toEqual(
            redisDatabaseChildren("db", { random: named(rec, "random", TYPES.randomProvider).urn, rediscloud: named(rec, "rediscloud", TYPES.redisProvider).urn }),
        );
    });

    test("the database: TLS-only, never persisted, no backup, replicated, open only to the given networks, evicts by TTL, alerts; the generated password by reference", () => {
        const db = named(rec, "db", TYPES.redisDatabase);
        const password = named(rec, "db-password", TYPES.randomPassword);
        expect(db.inputs).toEqual({ ...DATABASE, password: rec.states.get(password.urn)?.["result"] });
        expect(db.propertyDependencies["password"]).toEqual([password.urn]);
    });

    test("is protected; its password is a secret input, and it and both endpoints are secret outputs; it asks for the rediscloud plugin 1.3.5", () => {
        const db = named(rec, "db", TYPES.redisDatabase);
        expect(protectionAndPlugin(db)).toEqual(REDIS_DATABASE_PROTECTION);
    });

    test("the password: 40 letters and digits, a secret output of the random provider, protected", () => {
        const p = named(rec, "db-password", TYPES.randomPassword);
        expect(p.inputs).toEqual(REDIS_PASSWORD_INPUTS);
        expect(p.options.additionalSecretOutputs).toEqual(["bcryptHash", "result"]);
        expect(p.options.protect).toBe(true);
        expect(String(rec.states.get(p.urn)?.["result"])).toMatch(/^[A-Za-z0-9]{40}$/);
    });

    test("the component's outputs: the database id in the clear, both endpoints as secrets, no password", () => {
        const port = 10000 + (DB_ID % 10000);
        const host = `c${DB_ID % 1000}.mock.ec2.redns.redis-cloud.com`;
        expect(rec.states.get(named(rec, "db", COMPONENT).urn)).toEqual({
            databaseId: DB_ID,
            publicEndpoint: secretOnTheWire(`redis-${port}.${host}:${port}`),
            privateEndpoint: secretOnTheWire(`redis-${port}.internal.${host}:${port}`),
        });
    });
});

test("with a given password and eviction policy: no password generated, the given one used as a secret, the eviction as given", async () => {
    const given = "fixture-password-given-to-the-component";
    const rec = await build({ password: pulumi.secret(given), dataEviction: "volatile-lru" });
    expect(ofType(rec, TYPES.randomPassword)).toEqual([]);
    const db = named(rec, "db", TYPES.redisDatabase);
    expect(db.inputs).toEqual({ ...DATABASE, dataEviction: "volatile-lru", password: given });
    expect(db.secretInputs).toEqual(["password"]);
    expect(rec.registrations.filter((r) => JSON.stringify([r.urn, r.inputs]).includes(given)).map((r) => `${r.type}::${r.name}`)).toEqual([
        `${TYPES.redisDatabase}::db`,
    ]);
});

describe("RedisDatabase on its own", () => {
    function construct(sourceIps: string[]) {
        return tryBuildAlone(
            () =>
                new RedisDatabase("db", {
                    subscriptionId: "1",
                    databaseName: "d",
                    memoryLimitInGb: 1,
                    throughputMeasurementBy: "operations-per-second",
                    throughputMeasurementValue: 1000,
                    sourceIps,
                    alerts: [{ name: "dataset-size", value: 75 }],
                    password: pulumi.secret("x"),
                }),
        );
    }
    const refused = (sourceIps: string) => ({
        error:
            `RedisDatabase db: sourceIps = ${sourceIps} is not allowed; expected at least one CIDR block, each an IPv4 CIDR block naming a network: ` +
            "a public block no wider than /24, or a private RFC 1918 block no wider than /16; never 0.0.0.0/0 (data policy §03).",
        registered: ["pulumi:pulumi:Stack"],
    });

    test("refuses an empty sourceIps (the provider would open the database to 0.0.0.0/0), any /0 and public blocks wider than /24, registering nothing", async () => {
        expect(await construct([])).toEqual(refused("[]"));
        expect(await construct(["10.0.0.0/16", "0.0.0.0/0"])).toEqual(refused('["10.0.0.0/16","0.0.0.0/0"]'));
        // A public /16 is somebody else's network: refused like the schema refuses it.
        expect(await construct(["52.64.0.0/16"])).toEqual(refused('["52.64.0.0/16"]'));
    });

    test("builds the database for named networks (password given, so no generated one)", async () => {
        expect(await construct(["10.0.0.0/16", "203.0.113.16/28"])).toEqual({ error: undefined, registered: ["pulumi:pulumi:Stack", COMPONENT, TYPES.redisDatabase] });
    });
});
