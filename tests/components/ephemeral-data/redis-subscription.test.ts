/**
 * `RedisSubscription` on its own, with fixture args (data policy 02.ephemeral-data: "an Enterprise Redis cluster in
 * Australia"): a RAM-only subscription in the given Australian region of its cloud, across availability zones unless
 * told otherwise, sized for replicated databases, protected, on the given Redis Cloud provider; and the refusal of any
 * other region. How the prod stack wires it from config, and the Redis Cloud provider's credentials, is
 * tests/areas/ephemeral-data-redis-subscription.test.ts.
 */
import { TYPES } from "../../../infra/policy/lib/tokens";
import { RedisSubscription, type RedisSubscriptionArgs } from "../../../infra/components/ephemeral-data/redis-subscription";
import * as rediscloud from "../../../infra/providers/rediscloud";
import { tryBuildAlone, fixtureBuild } from "../../harness/build-alone";
import { childrenOf, named, placement } from "../../harness/stack";
import { protectionAndPlugin, REDIS_SUBSCRIPTION_PROTECTION, redisSubscriptionInputs } from "../../harness/expected-inputs";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:ephemeral-data:RedisSubscription";

/** Fixture args: not prod's, so that a prod config edit cannot change what this file asserts. */
const ARGS: RedisSubscriptionArgs = {
    subscriptionName: "fixture-subscription",
    cloudProvider: "GCP",
    region: "australia-southeast2",
    networkingDeploymentCidr: "10.9.9.0/24",
    paymentMethodId: "12345",
    creationPlan: { memoryLimitInGb: 3, throughputMeasurementBy: "number-of-shards", throughputMeasurementValue: 2, quantity: 2 },
};

const buildWith = fixtureBuild(ARGS, (args) => new RedisSubscription("sub", args, { providers: [new rediscloud.Provider("rediscloud", {})] }));

describe("with fixture args", () => {
    const rec = recordOnce(() => buildWith({}));

    test("is a component with one child, the subscription, created through the given Redis Cloud provider; outputs its id", () => {
        const component = named(rec, "sub", COMPONENT);
        expect(placement(childrenOf(rec, component))).toEqual([
            { type: TYPES.redisSubscription, name: "sub", provider: named(rec, "rediscloud", TYPES.redisProvider).urn },
        ]);
        expect(Object.keys(rec.states.get(component.urn)!)).toEqual(["subscriptionId"]);
    });

    test("runs in the given region of its cloud across availability zones in the given /24, RAM only, sized as planned for replicated databases", () => {
        expect(named(rec, "sub", TYPES.redisSubscription).inputs).toEqual(redisSubscriptionInputs({ ...ARGS, creationPlan: { ...ARGS.creationPlan, quantity: 2 } }));
    });

    test("is protected, has nothing secret, and asks for the rediscloud plugin 1.3.5 from RedisLabs' releases", () => {
        const sub = named(rec, "sub", TYPES.redisSubscription);
        expect(protectionAndPlugin(sub)).toEqual(REDIS_SUBSCRIPTION_PROTECTION);
    });
});

test("a single availability zone when told, and one database planned by default", async () => {
    const { quantity: _, ...plan } = ARGS.creationPlan;
    const rec = await buildWith({ multipleAvailabilityZones: false, creationPlan: plan });
    const inputs = named(rec, "sub", TYPES.redisSubscription).inputs as Record<string, any>;
    expect(inputs["cloudProvider"].regions[0].multipleAvailabilityZones).toBe(false);
    expect(inputs["creationPlan"].quantity).toBe(1);
});

describe("RedisSubscription on its own (no config validation in front of it)", () => {
    function build(cloudProvider: "AWS" | "GCP", region: string) {
        return tryBuildAlone(
            () =>
                new RedisSubscription("s", {
                    subscriptionName: "s",
                    cloudProvider,
                    region: region as "ap-southeast-2",
                    networkingDeploymentCidr: "10.0.0.0/24",
                    paymentMethodId: "1",
                    creationPlan: { memoryLimitInGb: 1, throughputMeasurementBy: "operations-per-second", throughputMeasurementValue: 1000 },
                }),
        );
    }

    test.each([
        {
            refused: "a region outside Australia",
            cloud: "AWS" as const,
            region: "us-east-1",
            error:
                'RedisSubscription s: region = "us-east-1" is not allowed; expected an Australian Redis Cloud Pro region ' +
                "(ap-southeast-2 | ap-southeast-4 | australia-southeast1 | australia-southeast2); data policy §02 Data Storage — Ephemeral pub/sub data in Enterprise Redis in Australia, not retained.",
        },
        {
            refused: "an Australian region of the other cloud",
            cloud: "GCP" as const,
            region: "ap-southeast-2",
            error:
                'RedisSubscription s: region = "ap-southeast-2" is not allowed; expected a region of GCP (australia-southeast1 | australia-southeast2), ' +
                "because cloudProvider is GCP.",
        },
    ])("refuses $refused before anything is registered", async ({ cloud, region, error }) => {
        expect(await build(cloud, region)).toEqual({ error, registered: ["pulumi:pulumi:Stack"] });
    });

    test("builds the subscription in a region of its cloud", async () => {
        expect(await build("GCP", "australia-southeast1")).toEqual({ error: undefined, registered: ["pulumi:pulumi:Stack", COMPONENT, TYPES.redisSubscription] });
    });
});
