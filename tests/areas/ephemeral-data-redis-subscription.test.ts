/**
 * How the prod stack wires the Redis Cloud Pro subscription (infra/areas/ephemeral-data.ts): the subscription of the prod stack, asserted exactly (data policy 02.ephemeral-data: "an
 * Enterprise Redis cluster in Australia"), and the explicit Redis Cloud provider it is created through. Runs the
 * real program under Pulumi's mock monitor. The component on its own, with fixture args, is
 * tests/components/ephemeral-data/redis-subscription.test.ts.
 */
import { TYPES } from "../../infra/policy/lib/tokens";
import { loadStackConfig } from "../../infra/check/project";
import { ProgramError, runProgram, type Recording } from "../../infra/check/recorder";
import { childrenOf, named, project, providerUrn, runStack } from "../harness/stack";
import { protectionAndPlugin, REDIS_SUBSCRIPTION_PROTECTION, REDISCLOUD_PLUGIN, redisSubscriptionInputs } from "../harness/expected-inputs";
import { recordOnce } from "../harness/record-once";

const COMPONENT = "data-platform:ephemeral-data:RedisSubscription";

const rec = recordOnce(() => runStack());

describe("the subscription (redis-subscription)", () => {
    test("is a component with one child, the subscription, created through the explicit Redis Cloud provider", () => {
        const component = named(rec, "redis-subscription", COMPONENT);
        expect(childrenOf(rec, component).map((r) => ({ type: r.type, name: r.name }))).toEqual([
            { type: TYPES.redisSubscription, name: "redis-subscription" },
        ]);
        const sub = named(rec, "redis-subscription", TYPES.redisSubscription);
        expect(providerUrn(sub.provider)).toBe(named(rec, "rediscloud", TYPES.redisProvider).urn);
    });

    test("runs on AWS in Sydney across availability zones in its own /24, RAM only, sized for one replicated database", () => {
        expect(named(rec, "redis-subscription", TYPES.redisSubscription).inputs).toEqual(
            redisSubscriptionInputs({
                subscriptionName: "allotrac-prod-ephemeral-apse2",
                paymentMethodId: "00000",
                cloudProvider: "AWS",
                region: "ap-southeast-2",
                networkingDeploymentCidr: "10.42.8.0/24",
                creationPlan: { memoryLimitInGb: 2, quantity: 1, throughputMeasurementBy: "operations-per-second", throughputMeasurementValue: 25000 },
            }),
        );
    });

    test("is protected, has nothing secret, and asks for the rediscloud plugin 1.3.5 from RedisLabs' releases", () => {
        const sub = named(rec, "redis-subscription", TYPES.redisSubscription);
        expect(protectionAndPlugin(sub)).toEqual(REDIS_SUBSCRIPTION_PROTECTION);
    });

    test("everything it is created with is known at preview, where a policy can read region, AZs and CIDR", async () => {
        const preview = await runStack({ preview: true });
        expect(named(preview, "redis-subscription", TYPES.redisSubscription).inputs).toEqual(named(rec, "redis-subscription", TYPES.redisSubscription).inputs);
    });
});

/**
 * The provider reads its keys from the environment when the config has none, so these tests run the real program
 * in this process with exactly the credential variables each one sets. Not through `runStack`: the shared program
 * server has the environment jest was started with, which a test cannot change.
 */
describe("the Redis Cloud provider (rediscloud)", () => {
    const CREDENTIAL_VARS = ["REDISCLOUD_API_KEY", "REDISCLOUD_ACCESS_KEY", "REDISCLOUD_SECRET_KEY"] as const;
    type CredentialVar = (typeof CREDENTIAL_VARS)[number];
    const saved = Object.fromEntries(CREDENTIAL_VARS.map((k) => [k, process.env[k]]));
    afterEach(() => {
        for (const k of CREDENTIAL_VARS) {
            if (saved[k] === undefined) delete process.env[k];
            else process.env[k] = saved[k];
        }
    });

    // The program itself (Pulumi.yaml `main`), loaded into this test file's module registry.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const program = require(project.main) as () => unknown;

    /** Runs the prod stack in this process with only `env` among the credential variables, and `secrets` as secret config. */
    function runWithEnvironment(env: Partial<Record<CredentialVar, string>>, secrets: Record<string, string> = {}): Promise<Recording> {
        for (const k of CREDENTIAL_VARS) delete process.env[k];
        Object.assign(process.env, env);
        const stackFile = loadStackConfig(project, "prod");
        return runProgram(program, {
            project: project.name,
            stack: "prod",
            config: { ...stackFile.config, ...secrets },
            secretKeys: [...stackFile.secretKeys, ...Object.keys(secrets)],
        });
    }

    test("with no keys in the stack config or the environment, is given no credentials", async () => {
        const p = named(await runWithEnvironment({}), "rediscloud", TYPES.redisProvider);
        expect({ inputs: p.inputs, additionalSecretOutputs: p.options.additionalSecretOutputs, version: p.options.version, pluginDownloadURL: p.options.pluginDownloadURL }).toEqual({
            inputs: {},
            additionalSecretOutputs: ["apiKey", "secretKey"],
            ...REDISCLOUD_PLUGIN,
        });
    });

    test("with both keys as secret config, is given both as secrets (over the environment's), and neither appears anywhere else", async () => {
        const apiKey = "test-redis-cloud-account-key";
        const secretKey = "test-redis-cloud-user-secret-key";
        const withKeys = await runWithEnvironment(
            { REDISCLOUD_ACCESS_KEY: "env-account-key", REDISCLOUD_SECRET_KEY: "env-secret-key" },
            { "rediscloud:apiKey": apiKey, "rediscloud:secretKey": secretKey },
        );
        const p = named(withKeys, "rediscloud", TYPES.redisProvider);
        expect(p.inputs).toEqual({ apiKey, secretKey });
        expect([...p.secretInputs].sort()).toEqual(["apiKey", "secretKey"]);
        const elsewhere = JSON.stringify([withKeys.registrations.filter((r) => r !== p).map((r) => r.inputs), withKeys.outputs]);
        expect([elsewhere.includes(apiKey), elsewhere.includes(secretKey)]).toEqual([false, false]);
    });

    test("with REDISCLOUD_ACCESS_KEY and REDISCLOUD_SECRET_KEY exported (what our docs and CI set), is given both, as secrets", async () => {
        const p = named(await runWithEnvironment({ REDISCLOUD_ACCESS_KEY: "env-account-key", REDISCLOUD_SECRET_KEY: "env-secret-key" }), "rediscloud", TYPES.redisProvider);
        expect({ inputs: p.inputs, secretInputs: [...p.secretInputs].sort() }).toEqual({
            inputs: { apiKey: "env-account-key", secretKey: "env-secret-key" },
            secretInputs: ["apiKey", "secretKey"],
        });
    });

    test("with only REDISCLOUD_ACCESS_KEY exported, the program stops before the Redis Cloud provider or anything on it is registered", async () => {
        const err = await runWithEnvironment({ REDISCLOUD_ACCESS_KEY: "env-account-key" }).then(
            () => undefined,
            (e: unknown) => e,
        );
        expect(err).toBeInstanceOf(ProgramError);
        const { message, registrations } = err as ProgramError;
        expect(message).toBe(
            "rediscloud.Provider rediscloud: apiKey is set (argument or REDISCLOUD_API_KEY / REDISCLOUD_ACCESS_KEY) but secretKey is not; " +
                "set secretKey or REDISCLOUD_SECRET_KEY as well, or neither key (the provider uses the keys only as a pair).",
        );
        // The providers built before it in infra/index.ts (registered concurrently, so compared sorted), and nothing else.
        expect(registrations.map((r) => r.type).sort()).toEqual([
            "pulumi:providers:auth0",
            "pulumi:providers:aws",
            "pulumi:providers:gcp",
            "pulumi:providers:mongodbatlas",
            "pulumi:pulumi:Stack",
        ]);
    });
});
