/**
 * The typed rediscloud binding (infra/providers/rediscloud) behaves like the generated `@rediscloud/pulumi-rediscloud`
 * v1.3.5 SDK: exact type tokens, inputs under the schema's names, secrets marked (inputs wrapped, outputs in
 * `additionalSecretOutputs`), and default resource options that make the engine fetch plugin v1.3.5 from RedisLabs'
 * GitHub releases, merged under the caller's options. Small programs run under Pulumi's mock monitor.
 */
import * as pulumi from "@pulumi/pulumi";
import { runProgram, type Recording, type Registration } from "../../../infra/offline/recorder";
import * as rediscloud from "../../../infra/providers/rediscloud";
import { named, providerUrn } from "../../harness/stack";

const VERSION = "1.3.5";
const PLUGIN_URL = "github://api.github.com/RedisLabs/pulumi-rediscloud";
const T = {
    provider: "pulumi:providers:rediscloud",
    subscription: "rediscloud:index/subscription:Subscription",
    database: "rediscloud:index/subscriptionDatabase:SubscriptionDatabase",
} as const;

function run(program: () => unknown): Promise<Recording> {
    return runProgram(program, { project: "binding-test", stack: "test", config: {} });
}

/** The resource options the engine uses to pick and fetch the plugin. */
function pluginOptions(r: Registration): { version: string | undefined; pluginDownloadURL: string | undefined } {
    return { version: r.options.version, pluginDownloadURL: r.options.pluginDownloadURL };
}

const minimalSubscription: rediscloud.SubscriptionArgs = {
    cloudProvider: { regions: [{ region: "ap-southeast-2", networkingDeploymentCidr: "10.1.2.0/24" }] },
};
const minimalDatabase = (subscriptionId: pulumi.Input<string>): rediscloud.SubscriptionDatabaseArgs => ({
    subscriptionId,
    memoryLimitInGb: 1,
    throughputMeasurementBy: "operations-per-second",
    throughputMeasurementValue: 1000,
});

describe("type tokens", () => {
    test("are the schema's, on the classes and on the wire", async () => {
        expect(rediscloud.Provider.__pulumiType).toBe("rediscloud");
        expect(rediscloud.Subscription.__pulumiType).toBe(T.subscription);
        expect(rediscloud.SubscriptionDatabase.__pulumiType).toBe(T.database);
        const rec = await run(() => {
            const provider = new rediscloud.Provider("rc", {});
            const sub = new rediscloud.Subscription("sub", minimalSubscription, { provider });
            new rediscloud.SubscriptionDatabase("db", minimalDatabase(sub.id), { provider });
        });
        expect(rec.registrations.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack", T.provider, T.subscription, T.database]);
    });

    test("isInstance recognises each class by its token, and nothing else", async () => {
        const seen: Record<string, boolean> = {};
        await run(() => {
            const provider = new rediscloud.Provider("rc", {});
            const sub = new rediscloud.Subscription("sub", minimalSubscription, { provider });
            const db = new rediscloud.SubscriptionDatabase("db", minimalDatabase(sub.id), { provider });
            Object.assign(seen, {
                provider: rediscloud.Provider.isInstance(provider),
                subscription: rediscloud.Subscription.isInstance(sub),
                database: rediscloud.SubscriptionDatabase.isInstance(db),
                subscriptionIsNotDatabase: rediscloud.SubscriptionDatabase.isInstance(sub),
                databaseIsNotProvider: rediscloud.Provider.isInstance(db),
                undefinedIsNothing: rediscloud.Subscription.isInstance(undefined),
                plainObjectIsNothing: rediscloud.Subscription.isInstance({ __pulumiType: "rediscloud:index/other:Other" }),
            });
        });
        expect(seen).toEqual({
            provider: true,
            subscription: true,
            database: true,
            subscriptionIsNotDatabase: false,
            databaseIsNotProvider: false,
            undefinedIsNothing: false,
            plainObjectIsNothing: false,
        });
    });
});

describe("default resource options", () => {
    test("every resource and the provider ask for plugin 1.3.5 from RedisLabs' GitHub releases", async () => {
        const rec = await run(() => {
            const provider = new rediscloud.Provider("rc", {});
            const sub = new rediscloud.Subscription("sub", minimalSubscription, { provider });
            new rediscloud.SubscriptionDatabase("db", minimalDatabase(sub.id), { provider });
        });
        for (const r of rec.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack")) {
            expect({ type: r.type, ...pluginOptions(r) }).toEqual({ type: r.type, version: VERSION, pluginDownloadURL: PLUGIN_URL });
        }
    });

    test("are merged under the caller's options: an explicit version, download URL or secret output wins or adds", async () => {
        const rec = await run(() => {
            const provider = new rediscloud.Provider("rc", {}, { version: "1.3.4", pluginDownloadURL: "github://api.github.com/example/pulumi-rediscloud" });
            const sub = new rediscloud.Subscription("sub", minimalSubscription, { provider, version: "1.3.3" });
            new rediscloud.SubscriptionDatabase("db", minimalDatabase(sub.id), {
                provider,
                pluginDownloadURL: "https://plugins.example.com/rediscloud",
                additionalSecretOutputs: ["publicEndpoint"],
                protect: true,
            });
        });
        expect(pluginOptions(named(rec, "rc", T.provider))).toEqual({ version: "1.3.4", pluginDownloadURL: "github://api.github.com/example/pulumi-rediscloud" });
        expect(pluginOptions(named(rec, "sub", T.subscription))).toEqual({ version: "1.3.3", pluginDownloadURL: PLUGIN_URL });
        const db = named(rec, "db", T.database);
        expect(pluginOptions(db)).toEqual({ version: VERSION, pluginDownloadURL: "https://plugins.example.com/rediscloud" });
        expect(db.options.additionalSecretOutputs).toEqual(["publicEndpoint", "password"]);
        expect(db.options.protect).toBe(true);
    });

    test("an explicit provider is used as given", async () => {
        const rec = await run(() => {
            const provider = new rediscloud.Provider("rc", {});
            new rediscloud.Subscription("sub", minimalSubscription, { provider });
        });
        expect(providerUrn(named(rec, "sub", T.subscription).provider)).toBe(named(rec, "rc", T.provider).urn);
    });
});

describe("the provider", () => {
    const saved = { ...process.env };
    afterEach(() => {
        for (const k of ["REDISCLOUD_API_KEY", "REDISCLOUD_SECRET_KEY"]) {
            if (saved[k] === undefined) delete process.env[k];
            else process.env[k] = saved[k];
        }
    });

    test("sends apiKey and secretKey as secrets, marks them secret outputs, and url in the clear", async () => {
        const rec = await run(() => {
            new rediscloud.Provider("rc", { apiKey: "test-api-key", secretKey: "test-secret-key", url: "https://api.redislabs.com/v1" });
        });
        const p = named(rec, "rc", T.provider);
        expect(p.inputs).toEqual({ apiKey: "test-api-key", secretKey: "test-secret-key", url: "https://api.redislabs.com/v1" });
        expect([...p.secretInputs].sort()).toEqual(["apiKey", "secretKey"]);
        expect(p.options.additionalSecretOutputs).toEqual(["apiKey", "secretKey"]);
    });

    test("without arguments or environment, sends no credentials (the plugin reads its own environment)", async () => {
        delete process.env["REDISCLOUD_API_KEY"];
        delete process.env["REDISCLOUD_SECRET_KEY"];
        const rec = await run(() => {
            new rediscloud.Provider("rc");
        });
        expect(named(rec, "rc", T.provider).inputs).toEqual({});
    });

    test("falls back to REDISCLOUD_API_KEY / REDISCLOUD_SECRET_KEY as the schema's defaultInfo says, still as secrets", async () => {
        process.env["REDISCLOUD_API_KEY"] = "env-api-key";
        process.env["REDISCLOUD_SECRET_KEY"] = "env-secret-key";
        const rec = await run(() => {
            new rediscloud.Provider("rc", {});
        });
        const p = named(rec, "rc", T.provider);
        expect(p.inputs).toEqual({ apiKey: "env-api-key", secretKey: "env-secret-key" });
        expect([...p.secretInputs].sort()).toEqual(["apiKey", "secretKey"]);
    });

    test("an explicit argument wins over the environment", async () => {
        process.env["REDISCLOUD_API_KEY"] = "env-api-key";
        const rec = await run(() => {
            new rediscloud.Provider("rc", { apiKey: pulumi.secret("arg-api-key") });
        });
        expect(named(rec, "rc", T.provider).inputs["apiKey"]).toBe("arg-api-key");
    });
});

describe("Subscription", () => {
    test("passes every input under the schema's name, and none it was not given", async () => {
        const rec = await run(() => {
            new rediscloud.Subscription("sub", {
                name: "s",
                paymentMethod: "credit-card",
                paymentMethodId: "123",
                memoryStorage: "ram",
                allowlist: { securityGroupIds: ["sg-1"], cidrs: ["10.0.0.0/16"] },
                cloudProvider: {
                    provider: "AWS",
                    cloudAccountId: "1",
                    regions: [
                        {
                            region: "ap-southeast-2",
                            networkingDeploymentCidr: "10.1.2.0/24",
                            multipleAvailabilityZones: true,
                            preferredAvailabilityZones: ["apse2-az1", "apse2-az2", "apse2-az3"],
                            networkingVpcId: "vpc-1",
                        },
                    ],
                },
                creationPlan: {
                    memoryLimitInGb: 1,
                    quantity: 1,
                    replication: true,
                    throughputMeasurementBy: "operations-per-second",
                    throughputMeasurementValue: 1000,
                    supportOssClusterApi: false,
                    averageItemSizeInBytes: 1000,
                    modules: ["RedisJSON"],
                },
            });
        });
        const sub = named(rec, "sub", T.subscription);
        expect(Object.keys(sub.inputs).sort()).toEqual(["allowlist", "cloudProvider", "creationPlan", "memoryStorage", "name", "paymentMethod", "paymentMethodId"]);
        expect(sub.inputs["cloudProvider"]).toEqual({
            provider: "AWS",
            cloudAccountId: "1",
            regions: [
                {
                    region: "ap-southeast-2",
                    networkingDeploymentCidr: "10.1.2.0/24",
                    multipleAvailabilityZones: true,
                    preferredAvailabilityZones: ["apse2-az1", "apse2-az2", "apse2-az3"],
                    networkingVpcId: "vpc-1",
                },
            ],
        });
        expect(sub.secretInputs).toEqual([]);
        expect(sub.options.additionalSecretOutputs).toEqual([]);
    });

    test("refuses to be created without its one required input, cloudProvider", async () => {
        let message = "";
        await run(() => {
            try {
                new rediscloud.Subscription("sub", {} as rediscloud.SubscriptionArgs);
            } catch (e) {
                message = (e as Error).message;
            }
        });
        expect(message).toBe("Missing required property 'cloudProvider'");
    });

    test("get() looks a subscription up by id", async () => {
        let id: string | undefined;
        let isSubscription = false;
        await run(async () => {
            const sub = rediscloud.Subscription.get("existing", "1234567");
            isSubscription = rediscloud.Subscription.isInstance(sub);
            id = await new Promise<string>((resolve) => sub.id.apply((v) => resolve(v)));
        });
        expect({ id, isSubscription }).toEqual({ id: "1234567", isSubscription: true });
    });
});

describe("SubscriptionDatabase", () => {
    test("passes all 23 schema inputs under their names; the password is a secret input and a secret output", async () => {
        const rec = await run(() => {
            new rediscloud.SubscriptionDatabase("db", {
                subscriptionId: "1234567",
                name: "d",
                protocol: "redis",
                port: 12000,
                memoryLimitInGb: 1,
                throughputMeasurementBy: "operations-per-second",
                throughputMeasurementValue: 1000,
                replication: true,
                enableTls: true,
                clientSslCertificate: "-----BEGIN CERTIFICATE-----",
                password: "a-password",
                dataPersistence: "none",
                dataEviction: "volatile-ttl",
                sourceIps: ["10.0.0.0/16"],
                alerts: [{ name: "dataset-size", value: 80 }],
                modules: [{ name: "RedisJSON" }],
                supportOssClusterApi: false,
                externalEndpointForOssClusterApi: false,
                hashingPolicies: ["(?<tag>.*)"],
                replicaOfs: ["redis://example:12000"],
                averageItemSizeInBytes: 1000,
                remoteBackup: { interval: "every-24-hours", storagePath: "s3://b/p", storageType: "aws-s3" },
                periodicBackupPath: "s3://b/p",
            });
        });
        const db = named(rec, "db", T.database);
        expect(Object.keys(db.inputs).sort()).toEqual([
            "alerts",
            "averageItemSizeInBytes",
            "clientSslCertificate",
            "dataEviction",
            "dataPersistence",
            "enableTls",
            "externalEndpointForOssClusterApi",
            "hashingPolicies",
            "memoryLimitInGb",
            "modules",
            "name",
            "password",
            "periodicBackupPath",
            "port",
            "protocol",
            "remoteBackup",
            "replicaOfs",
            "replication",
            "sourceIps",
            "subscriptionId",
            "supportOssClusterApi",
            "throughputMeasurementBy",
            "throughputMeasurementValue",
        ]);
        expect(db.secretInputs).toEqual(["password"]);
        expect(db.options.additionalSecretOutputs).toEqual(["password"]);
    });

    test("names each missing required input", async () => {
        const messages: string[] = [];
        await run(() => {
            const full = minimalDatabase("1234567") as unknown as Record<string, unknown>;
            for (const key of ["memoryLimitInGb", "subscriptionId", "throughputMeasurementBy", "throughputMeasurementValue"]) {
                try {
                    new rediscloud.SubscriptionDatabase(`db-${key}`, { ...full, [key]: undefined } as unknown as rediscloud.SubscriptionDatabaseArgs);
                } catch (e) {
                    messages.push((e as Error).message);
                }
            }
        });
        expect(messages).toEqual([
            "Missing required property 'memoryLimitInGb'",
            "Missing required property 'subscriptionId'",
            "Missing required property 'throughputMeasurementBy'",
            "Missing required property 'throughputMeasurementValue'",
        ]);
    });

    test("declares the output-only properties (dbId, endpoints), which resolve from the provider's state", async () => {
        const rec = await run(() => {
            const db = new rediscloud.SubscriptionDatabase("db", minimalDatabase("7654321"));
            return { dbId: db.dbId, publicEndpoint: db.publicEndpoint, privateEndpoint: db.privateEndpoint, subscriptionId: db.subscriptionId };
        });
        const dbId = rec.outputs["dbId"] as number;
        const port = 10000 + (dbId % 10000);
        expect(rec.outputs).toEqual({
            dbId,
            publicEndpoint: `redis-${port}.c${dbId % 1000}.mock.ec2.redns.redis-cloud.com:${port}`,
            privateEndpoint: `redis-${port}.internal.c${dbId % 1000}.mock.ec2.redns.redis-cloud.com:${port}`,
            subscriptionId: "7654321",
        });
        expect(Number.isInteger(dbId)).toBe(true);
    });

    test("an output-only property is not sent as an input", async () => {
        const rec = await run(() => {
            new rediscloud.SubscriptionDatabase("db", minimalDatabase("7654321"));
        });
        expect(named(rec, "db", T.database).inputs).toEqual({
            subscriptionId: "7654321",
            memoryLimitInGb: 1,
            throughputMeasurementBy: "operations-per-second",
            throughputMeasurementValue: 1000,
        });
    });
});
