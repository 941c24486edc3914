/**
 * The Redis Cloud Pro subscription of the prod stack, asserted exactly (data policy 02.ephemeral-data: "an
 * Enterprise Redis cluster in Australia"), and the explicit Redis Cloud provider it is created through. Runs the
 * real program under Pulumi's mock monitor.
 */
import type { Recording } from "../../../infra/offline/recorder";
import { childrenOf, named, providerUrn, runStack } from "../../harness/stack";

const T = {
    component: "data-platform:ephemeral-data:RedisSubscription",
    subscription: "rediscloud:index/subscription:Subscription",
    provider: "pulumi:providers:rediscloud",
} as const;
const PLUGIN = { version: "1.3.5", pluginDownloadURL: "github://api.github.com/RedisLabs/pulumi-rediscloud" };

let rec: Recording;
beforeAll(async () => {
    rec = await runStack();
});

describe("the subscription (redis-subscription)", () => {
    test("is a component with one child, the subscription, created through the explicit Redis Cloud provider", () => {
        const component = named(rec, "redis-subscription", T.component);
        expect(childrenOf(rec, component).map((r) => ({ type: r.type, name: r.name }))).toEqual([
            { type: T.subscription, name: "redis-subscription" },
        ]);
        const sub = named(rec, "redis-subscription", T.subscription);
        expect(providerUrn(sub.provider)).toBe(named(rec, "rediscloud", T.provider).urn);
    });

    test("runs on AWS in Sydney across availability zones in its own /24, RAM only, sized for one replicated database", () => {
        expect(named(rec, "redis-subscription", T.subscription).inputs).toEqual({
            name: "allotrac-prod-ephemeral-apse2",
            paymentMethod: "credit-card",
            paymentMethodId: "00000",
            memoryStorage: "ram",
            cloudProvider: {
                provider: "AWS",
                regions: [{ region: "ap-southeast-2", networkingDeploymentCidr: "10.42.8.0/24", multipleAvailabilityZones: true }],
            },
            creationPlan: {
                memoryLimitInGb: 2,
                quantity: 1,
                replication: true,
                throughputMeasurementBy: "operations-per-second",
                throughputMeasurementValue: 25000,
            },
        });
    });

    test("is protected, has nothing secret, and asks for the rediscloud plugin 1.3.5 from RedisLabs' releases", () => {
        const sub = named(rec, "redis-subscription", T.subscription);
        expect({
            protect: sub.options.protect,
            secretInputs: sub.secretInputs,
            additionalSecretOutputs: sub.options.additionalSecretOutputs,
            version: sub.options.version,
            pluginDownloadURL: sub.options.pluginDownloadURL,
        }).toEqual({ protect: true, secretInputs: [], additionalSecretOutputs: [], ...PLUGIN });
    });

    test("everything it is created with is known at preview, where a policy can read region, AZs and CIDR", async () => {
        const preview = await runStack({ preview: true });
        expect(named(preview, "redis-subscription", T.subscription).inputs).toEqual(named(rec, "redis-subscription", T.subscription).inputs);
    });
});

describe("the Redis Cloud provider (rediscloud)", () => {
    test("with no keys in the stack config, is given no credentials: the plugin reads REDISCLOUD_ACCESS_KEY / REDISCLOUD_SECRET_KEY", () => {
        const p = named(rec, "rediscloud", T.provider);
        expect({ inputs: p.inputs, additionalSecretOutputs: p.options.additionalSecretOutputs, version: p.options.version, pluginDownloadURL: p.options.pluginDownloadURL }).toEqual({
            inputs: {},
            additionalSecretOutputs: ["apiKey", "secretKey"],
            ...PLUGIN,
        });
    });

    test("with both keys as secret config, is given both as secrets, and neither appears anywhere else", async () => {
        const apiKey = "test-redis-cloud-account-key";
        const secretKey = "test-redis-cloud-user-secret-key";
        const withKeys = await runStack({ secrets: { "rediscloud:apiKey": apiKey, "rediscloud:secretKey": secretKey } });
        const p = named(withKeys, "rediscloud", T.provider);
        expect(p.inputs).toEqual({ apiKey, secretKey });
        expect([...p.secretInputs].sort()).toEqual(["apiKey", "secretKey"]);
        const elsewhere = JSON.stringify([withKeys.registrations.filter((r) => r !== p).map((r) => r.inputs), withKeys.outputs]);
        expect([elsewhere.includes(apiKey), elsewhere.includes(secretKey)]).toEqual([false, false]);
    });
});
