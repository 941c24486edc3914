/**
 * How the prod stack wires the Redis database (infra/areas/ephemeral-data.ts): the database of the prod stack that holds ephemeral pub/sub data, asserted exactly: TLS only, no persistence,
 * no backup of any kind, replicated, reachable only from the configured networks, TTL-respecting eviction, alerts,
 * and a password that stays secret from its source to the stack outputs (data policy 02.ephemeral-data,
 * 06.ephemeral-retention, 05.encryption-and-access-control, 03.rbac). Runs the real program under Pulumi's mock monitor.
 * The component on its own, with fixture args, is tests/components/ephemeral-data/redis-database.test.ts.
 */
import { TYPES } from "../../infra/policy/lib/tokens";
import * as pulumi from "@pulumi/pulumi";
import { mockRedisNumber } from "../../infra/check/mock-outputs";
import { UNKNOWN } from "../../infra/check/recorder";
import { childrenOf, named, ofType, placement, runStack } from "../harness/stack";
import { protectionAndPlugin, REDIS_DATABASE_PROTECTION, REDIS_PASSWORD_INPUTS, redisDatabaseChildren } from "../harness/expected-inputs";
import { recordOnce } from "../harness/record-once";

const COMPONENT = "data-platform:ephemeral-data:RedisDatabase";
const SUBSCRIPTION_ID = String(mockRedisNumber("redis-subscription", 1_000_000));
const DB_ID = mockRedisNumber("redis-pubsub", 10_000_000);

/** The database's inputs in the prod stack, except the password (asserted on its own). */
const PROD_DATABASE = {
    subscriptionId: SUBSCRIPTION_ID,
    name: "allotrac-prod-pubsub",
    protocol: "redis",
    memoryLimitInGb: 2,
    throughputMeasurementBy: "operations-per-second",
    throughputMeasurementValue: 25000,
    replication: true,
    enableTls: true,
    dataPersistence: "none",
    dataEviction: "volatile-ttl",
    sourceIps: ["10.20.0.0/16", "203.0.113.16/28"],
    alerts: [
        { name: "dataset-size", value: 75 },
        { name: "throughput-higher-than", value: 20000 },
        { name: "latency", value: 5 },
    ],
    supportOssClusterApi: false,
};

/** The whole stack's secret outputs: the Redis connection details, and the Atlas connection string. */
const SECRET_STACK_OUTPUTS = ["atlasConnectionString", "redisConnection"];

/** A value as a component registers it when it is secret (Pulumi's wire form of a secret). */
function secretOnTheWire(value: unknown): Record<string, unknown> {
    return { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value };
}

const rec = recordOnce(() => runStack());

describe("the database (redis-pubsub)", () => {
    test("is a component with a generated password and the database, each through its explicit provider", () => {
        const component = named(rec, "redis-pubsub", COMPONENT);
        expect(placement(childrenOf(rec, component))).toEqual(
            redisDatabaseChildren("redis-pubsub", { random: named(rec, "random-redis", TYPES.randomProvider).urn, rediscloud: named(rec, "rediscloud", TYPES.redisProvider).urn }),
        );
    });

    test("is TLS-only, never persisted, replicated, open only to the configured networks, evicts by TTL, alerts", () => {
        const db = named(rec, "redis-pubsub", TYPES.redisDatabase);
        const password = named(rec, "redis-pubsub-password", TYPES.randomPassword);
        const generated = rec.states.get(password.urn)?.["result"];
        expect(db.inputs).toEqual({ ...PROD_DATABASE, password: generated });
    });

    test("has no backup of any kind: no remoteBackup, no deprecated periodicBackupPath, persistence none", () => {
        const db = named(rec, "redis-pubsub", TYPES.redisDatabase);
        expect({
            remoteBackup: Object.keys(db.inputs).includes("remoteBackup"),
            periodicBackupPath: Object.keys(db.inputs).includes("periodicBackupPath"),
            dataPersistence: db.inputs["dataPersistence"],
        }).toEqual({ remoteBackup: false, periodicBackupPath: false, dataPersistence: "none" });
    });

    test("is created in the subscription, with the generated password, by reference", () => {
        const db = named(rec, "redis-pubsub", TYPES.redisDatabase);
        expect(db.propertyDependencies["subscriptionId"]).toEqual([named(rec, "redis-subscription", TYPES.redisSubscription).urn]);
        expect(db.propertyDependencies["password"]).toEqual([named(rec, "redis-pubsub-password", TYPES.randomPassword).urn]);
    });

    test("is protected; its password is a secret input, and it and both endpoints are secret outputs; it asks for the rediscloud plugin 1.3.5", () => {
        const db = named(rec, "redis-pubsub", TYPES.redisDatabase);
        expect(protectionAndPlugin(db)).toEqual(REDIS_DATABASE_PROTECTION);
    });

    test("the component's outputs: the database id in the clear, both endpoints as secrets, no password", () => {
        const port = 10000 + (DB_ID % 10000);
        const host = `c${DB_ID % 1000}.mock.ec2.redns.redis-cloud.com`;
        expect(rec.states.get(named(rec, "redis-pubsub", COMPONENT).urn)).toEqual({
            databaseId: DB_ID,
            publicEndpoint: secretOnTheWire(`redis-${port}.${host}:${port}`),
            privateEndpoint: secretOnTheWire(`redis-${port}.internal.${host}:${port}`),
        });
    });
});

describe("the generated password (redis-pubsub-password)", () => {
    test("is 40 letters and digits, a secret output of the random provider, through the explicit random provider", () => {
        const p = named(rec, "redis-pubsub-password", TYPES.randomPassword);
        expect(p.inputs).toEqual(REDIS_PASSWORD_INPUTS);
        expect(p.options.additionalSecretOutputs).toEqual(["bcryptHash", "result"]);
        // Protected: replacing it (a rename, say) would change the password under every client.
        expect(p.options.protect).toBe(true);
        expect(named(rec, "random-redis", TYPES.randomProvider).inputs).toEqual({});
        expect(String(rec.states.get(p.urn)?.["result"])).toMatch(/^[A-Za-z0-9]{40}$/);
    });

    test("is not generated when the password comes from secret config, which is then used, as a secret", async () => {
        const fromConfig = "test-redis-password-from-secret-config";
        const withPassword = await runStack({ secrets: { "data-platform:redisPassword": fromConfig } });
        expect(ofType(withPassword, TYPES.randomPassword)).toEqual([]);
        const db = named(withPassword, "redis-pubsub", TYPES.redisDatabase);
        expect(db.inputs).toEqual({ ...PROD_DATABASE, password: fromConfig });
        expect(db.secretInputs).toEqual(["password"]);
    });
});

describe("the stack outputs", () => {
    test("give the ids in the clear and the connection details as one secret output", () => {
        const password = rec.states.get(named(rec, "redis-pubsub-password", TYPES.randomPassword).urn)?.["result"];
        const port = 10000 + (DB_ID % 10000);
        const host = `c${DB_ID % 1000}.mock.ec2.redns.redis-cloud.com`;
        expect({ redisDatabase: rec.outputs["redisDatabase"], redisConnection: rec.outputs["redisConnection"] }).toEqual({
            redisDatabase: { subscriptionId: SUBSCRIPTION_ID, databaseId: DB_ID },
            redisConnection: {
                publicEndpoint: `redis-${port}.${host}:${port}`,
                privateEndpoint: `redis-${port}.internal.${host}:${port}`,
                username: "default",
                password,
                tls: true,
            },
        });
        // redisConnection is secret; redisDatabase (ids) is not.
        expect(rec.secretOutputs).toEqual(SECRET_STACK_OUTPUTS);
    });

    test("a password from secret config appears in no name, input or output except the database's secret input and the secret output", async () => {
        const fromConfig = "test-redis-password-from-secret-config";
        const withPassword = await runStack({ secrets: { "data-platform:redisPassword": fromConfig } });
        const holders = withPassword.registrations
            .filter((r) => JSON.stringify([r.urn, r.inputs]).includes(fromConfig))
            .map((r) => `${r.type}::${r.name}`);
        expect(holders).toEqual([`${TYPES.redisDatabase}::redis-pubsub`]);
        expect(withPassword.secretOutputs).toEqual(SECRET_STACK_OUTPUTS);
        const holdingOutputs = Object.entries(withPassword.outputs)
            .filter(([, v]) => JSON.stringify(v).includes(fromConfig))
            .map(([k]) => k);
        // Only the secret one holds it.
        expect(holdingOutputs).toEqual(["redisConnection"]);
    });
});

describe("at preview (computed outputs unknown, as in `pulumi preview`)", () => {
    test("every setting a policy checks (TLS, persistence, source IPs, eviction) is known; only ids and the password are not", async () => {
        const preview = await runStack({ preview: true });
        expect(named(preview, "redis-pubsub", TYPES.redisDatabase).inputs).toEqual({ ...PROD_DATABASE, subscriptionId: UNKNOWN, password: UNKNOWN });
    });
});
