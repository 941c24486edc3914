/**
 * The typed rediscloud binding (infra/providers/rediscloud) behaves like the generated `@rediscloud/pulumi-rediscloud`
 * v1.3.5 SDK: exact type tokens, inputs under the schema's names, secrets marked (inputs wrapped, outputs in
 * `additionalSecretOutputs`), and default resource options that make the engine fetch plugin v1.3.5 from RedisLabs'
 * GitHub releases, merged under the caller's options. Small programs run under Pulumi's mock monitor.
 */
import { TYPES } from "../../../infra/policy/lib/tokens";
import * as pulumi from "@pulumi/pulumi";
import { ProgramError, runProgram, type Recording, type Registration } from "../../../infra/check/recorder";
import * as rediscloud from "../../../infra/providers/rediscloud";
import { named, providerUrn } from "../../harness/stack";

const VERSION = "1.3.5";
const PLUGIN_URL = "github://api.github.com/RedisLabs/pulumi-rediscloud";

function run(program: () => unknown): Promise<Recording> {
    return runProgram(program, { project: "binding-test", stack: "test", config: {} });
}

/**
 * The provider reads its keys from these when it is given none, and refuses half a pair: every test starts with
 * none of them set (whatever the shell running jest exports), sets what it needs, and the originals come back after.
 */
const CREDENTIAL_VARS = ["REDISCLOUD_API_KEY", "REDISCLOUD_ACCESS_KEY", "REDISCLOUD_SECRET_KEY"] as const;
const savedCredentials = Object.fromEntries(CREDENTIAL_VARS.map((k) => [k, process.env[k]]));
beforeEach(() => {
    for (const k of CREDENTIAL_VARS) delete process.env[k];
});
afterEach(() => {
    for (const k of CREDENTIAL_VARS) {
        if (savedCredentials[k] === undefined) delete process.env[k];
        else process.env[k] = savedCredentials[k];
    }
});

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
        expect(rediscloud.Subscription.__pulumiType).toBe(TYPES.redisSubscription);
        expect(rediscloud.SubscriptionDatabase.__pulumiType).toBe(TYPES.redisDatabase);
        const rec = await run(() => {
            const provider = new rediscloud.Provider("rc", {});
            const sub = new rediscloud.Subscription("sub", minimalSubscription, { provider });
            new rediscloud.SubscriptionDatabase("db", minimalDatabase(sub.id), { provider });
        });
        expect(rec.registrations.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack", TYPES.redisProvider, TYPES.redisSubscription, TYPES.redisDatabase]);
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
        const resources = rec.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack");
        expect(resources.map((r) => r.type)).toEqual([TYPES.redisProvider, TYPES.redisSubscription, TYPES.redisDatabase]);
        for (const r of resources) {
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
        expect(pluginOptions(named(rec, "rc", TYPES.redisProvider))).toEqual({ version: "1.3.4", pluginDownloadURL: "github://api.github.com/example/pulumi-rediscloud" });
        expect(pluginOptions(named(rec, "sub", TYPES.redisSubscription))).toEqual({ version: "1.3.3", pluginDownloadURL: PLUGIN_URL });
        const db = named(rec, "db", TYPES.redisDatabase);
        expect(pluginOptions(db)).toEqual({ version: VERSION, pluginDownloadURL: "https://plugins.example.com/rediscloud" });
        expect(db.options.additionalSecretOutputs).toEqual(["publicEndpoint", "password"]);
        expect(db.options.protect).toBe(true);
    });

    test("an explicit provider is used as given", async () => {
        const rec = await run(() => {
            const provider = new rediscloud.Provider("rc", {});
            new rediscloud.Subscription("sub", minimalSubscription, { provider });
        });
        expect(providerUrn(named(rec, "sub", TYPES.redisSubscription).provider)).toBe(named(rec, "rc", TYPES.redisProvider).urn);
    });
});

describe("the provider", () => {
    /** What constructing a provider alone did: the error it threw (if any), the types registered, and its inputs. */
    async function construct(args?: rediscloud.ProviderArgs): Promise<{ error: string | undefined; registered: string[]; inputs?: Record<string, unknown>; secretInputs?: string[] }> {
        try {
            const rec = await run(() => {
                new rediscloud.Provider("rc", args);
            });
            const p = named(rec, "rc", TYPES.redisProvider);
            return { error: undefined, registered: rec.registrations.map((r) => r.type), inputs: p.inputs, secretInputs: [...p.secretInputs].sort() };
        } catch (e) {
            if (!(e instanceof ProgramError)) throw e;
            return { error: e.message, registered: e.registrations.map((r) => r.type) };
        }
    }
    const REGISTERED = ["pulumi:pulumi:Stack", TYPES.redisProvider];
    const BOTH_SECRET = ["apiKey", "secretKey"];

    test("sends apiKey and secretKey as secrets, marks them secret outputs, and url in the clear", async () => {
        const rec = await run(() => {
            new rediscloud.Provider("rc", { apiKey: "test-api-key", secretKey: "test-secret-key", url: "https://api.redislabs.com/v1" });
        });
        const p = named(rec, "rc", TYPES.redisProvider);
        expect(p.inputs).toEqual({ apiKey: "test-api-key", secretKey: "test-secret-key", url: "https://api.redislabs.com/v1" });
        expect([...p.secretInputs].sort()).toEqual(["apiKey", "secretKey"]);
        expect(p.options.additionalSecretOutputs).toEqual(["apiKey", "secretKey"]);
    });

    test("without arguments or environment, sends no credentials", async () => {
        expect(await construct()).toEqual({ error: undefined, registered: REGISTERED, inputs: {}, secretInputs: [] });
    });

    test("falls back to REDISCLOUD_API_KEY / REDISCLOUD_SECRET_KEY as the schema's defaultInfo says, still as secrets", async () => {
        process.env["REDISCLOUD_API_KEY"] = "env-api-key";
        process.env["REDISCLOUD_SECRET_KEY"] = "env-secret-key";
        expect(await construct({})).toEqual({
            error: undefined,
            registered: REGISTERED,
            inputs: { apiKey: "env-api-key", secretKey: "env-secret-key" },
            secretInputs: BOTH_SECRET,
        });
    });

    test("falls back to REDISCLOUD_ACCESS_KEY for the account key (the Terraform provider's name, which our docs and CI export)", async () => {
        process.env["REDISCLOUD_ACCESS_KEY"] = "env-access-key";
        process.env["REDISCLOUD_SECRET_KEY"] = "env-secret-key";
        expect(await construct({})).toEqual({
            error: undefined,
            registered: REGISTERED,
            inputs: { apiKey: "env-access-key", secretKey: "env-secret-key" },
            secretInputs: BOTH_SECRET,
        });
    });

    test("prefers REDISCLOUD_API_KEY when both account-key variables are set", async () => {
        process.env["REDISCLOUD_API_KEY"] = "env-api-key";
        process.env["REDISCLOUD_ACCESS_KEY"] = "env-access-key";
        process.env["REDISCLOUD_SECRET_KEY"] = "env-secret-key";
        expect((await construct({})).inputs).toEqual({ apiKey: "env-api-key", secretKey: "env-secret-key" });
    });

    test("an explicit argument wins over the environment", async () => {
        process.env["REDISCLOUD_API_KEY"] = "env-api-key";
        process.env["REDISCLOUD_SECRET_KEY"] = "env-secret-key";
        expect((await construct({ apiKey: pulumi.secret("arg-api-key") })).inputs).toEqual({ apiKey: "arg-api-key", secretKey: "env-secret-key" });
    });

    test("refuses half a key pair, from the environment or the arguments, before the provider is registered", async () => {
        const noSecretKey =
            "rediscloud.Provider rc: apiKey is set (argument or REDISCLOUD_API_KEY / REDISCLOUD_ACCESS_KEY) but secretKey is not; " +
            "set secretKey or REDISCLOUD_SECRET_KEY as well, or neither key (the provider uses the keys only as a pair).";
        const noApiKey =
            "rediscloud.Provider rc: secretKey is set (argument or REDISCLOUD_SECRET_KEY) but apiKey is not; " +
            "set apiKey or REDISCLOUD_API_KEY / REDISCLOUD_ACCESS_KEY as well, or neither key (the provider uses the keys only as a pair).";
        const onlyStack = ["pulumi:pulumi:Stack"];

        process.env["REDISCLOUD_ACCESS_KEY"] = "env-access-key";
        expect(await construct({})).toEqual({ error: noSecretKey, registered: onlyStack });
        delete process.env["REDISCLOUD_ACCESS_KEY"];

        process.env["REDISCLOUD_SECRET_KEY"] = "env-secret-key";
        expect(await construct({})).toEqual({ error: noApiKey, registered: onlyStack });
        delete process.env["REDISCLOUD_SECRET_KEY"];

        expect(await construct({ apiKey: "arg-api-key" })).toEqual({ error: noSecretKey, registered: onlyStack });
        expect(await construct({ secretKey: "arg-secret-key" })).toEqual({ error: noApiKey, registered: onlyStack });
        // An empty argument is no key (it would not be sent).
        expect(await construct({ apiKey: "", secretKey: "arg-secret-key" })).toEqual({ error: noApiKey, registered: onlyStack });
    });

    test("an argument and the environment may make the pair between them", async () => {
        process.env["REDISCLOUD_SECRET_KEY"] = "env-secret-key";
        expect(await construct({ apiKey: "arg-api-key" })).toEqual({
            error: undefined,
            registered: REGISTERED,
            inputs: { apiKey: "arg-api-key", secretKey: "env-secret-key" },
            secretInputs: BOTH_SECRET,
        });
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
        const sub = named(rec, "sub", TYPES.redisSubscription);
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
        const db = named(rec, "db", TYPES.redisDatabase);
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
        expect(named(rec, "db", TYPES.redisDatabase).inputs).toEqual({
            subscriptionId: "7654321",
            memoryLimitInGb: 1,
            throughputMeasurementBy: "operations-per-second",
            throughputMeasurementValue: 1000,
        });
    });
});
