/**
 * The Redis Enterprise cluster that ephemeral pub/sub data lives on: a Redis Cloud Pro subscription in an Australian
 * region, spread over its availability zones (data policy "02.ephemeral-data": "Managed using an Enterprise Redis
 * cluster in Australia"; terraform-provider-rediscloud `docs/resources/rediscloud_subscription.md`: `region`,
 * `multiple_availability_zones`).
 *
 * | child | setting |
 * |---|---|
 * | `rediscloud.Subscription` (`${name}`), protected | Redis-managed cloud account, the configured Australian region, its own /24, one or more availability zones, RAM only, billed to the configured payment method, sized by a creation plan with replication |
 *
 * Everything in `cloudProvider` and `memoryStorage` forces a new subscription when changed (provider schema
 * v1.3.5 `willReplaceOnChanges`), and deleting a subscription deletes its databases: the subscription is protected.
 * The creation plan is read only when the subscription is created (and ignored on import).
 *
 * Redis Cloud subscriptions take no tags or labels in provider v1.3.5, so unlike other components the clause is
 * not tagged on the resource; this component's type and docs/ephemeral-data.md link the two.
 */
import * as pulumi from "@pulumi/pulumi";
import * as rediscloud from "../../providers/rediscloud";
import { AU_REDIS_REGIONS, isListed, REDIS_REGION_CLOUD, redisCloudRegionRule, REGION_RULE, type AuRedisRegion } from "../../residency";
import { checkArguments } from "../shared/argument-checks";
import type { ThroughputMeasurement } from "../../schema/ephemeral-data";

/** The capacity Redis Cloud sizes the cluster for at creation: that of the largest planned database. */
export interface RedisCreationPlan {
    /** Memory limit of the largest planned database, GB. */
    readonly memoryLimitInGb: number;
    /** `operations-per-second` or `number-of-shards`. */
    readonly throughputMeasurementBy: ThroughputMeasurement;
    /** Throughput of the largest planned database, in the unit of `throughputMeasurementBy`. */
    readonly throughputMeasurementValue: number;
    /** How many databases the subscription is planned for. Default 1. */
    readonly quantity?: number;
}

export interface RedisSubscriptionArgs {
    /** Subscription name, as shown in the Redis Cloud console. */
    readonly subscriptionName: string;
    /** Cloud the subscription runs in (in the Redis-managed cloud account). */
    readonly cloudProvider: "AWS" | "GCP";
    /** An Australian region of `cloudProvider`. Changing it replaces the subscription. */
    readonly region: AuRedisRegion;
    /** The /24 the cluster is deployed into. Changing it replaces the subscription. */
    readonly networkingDeploymentCidr: string;
    /** Spread the cluster over availability zones. Default `true`. Changing it replaces the subscription. */
    readonly multipleAvailabilityZones?: boolean;
    /** Id of a credit-card payment method of the Redis Cloud account. */
    readonly paymentMethodId: string;
    /** Capacity at creation. */
    readonly creationPlan: RedisCreationPlan;
}

export class RedisSubscription extends pulumi.ComponentResource {
    /** The subscription's id (a number, as a string), which databases are created in. */
    public readonly subscriptionId: pulumi.Output<string>;

    public readonly subscription: rediscloud.Subscription;

    constructor(name: string, args: RedisSubscriptionArgs, opts?: pulumi.ComponentResourceOptions) {
        const australian = isListed(args.region, AU_REDIS_REGIONS);
        checkArguments("RedisSubscription", name, opts, [
            { field: "region", value: args.region, ok: australian, allowed: REGION_RULE.redis },
            {
                field: "region",
                value: args.region,
                ok: !australian || REDIS_REGION_CLOUD[args.region] === args.cloudProvider,
                allowed: redisCloudRegionRule(args.cloudProvider),
            },
        ]);
        super("data-platform:ephemeral-data:RedisSubscription", name, {}, opts);

        this.subscription = new rediscloud.Subscription(
            name,
            {
                name: args.subscriptionName,
                // A card on the Redis Cloud account (the provider's default, set explicitly: changing it replaces the
                // subscription). Marketplace billing would make the payment method id optional.
                paymentMethod: "credit-card",
                paymentMethodId: args.paymentMethodId,
                // RAM only: "ram-and-flash" keeps values on local flash drives, more storage than transient data needs.
                memoryStorage: "ram",
                cloudProvider: {
                    provider: args.cloudProvider,
                    regions: [
                        {
                            region: args.region,
                            networkingDeploymentCidr: args.networkingDeploymentCidr,
                            multipleAvailabilityZones: args.multipleAvailabilityZones ?? true,
                        },
                    ],
                },
                creationPlan: {
                    memoryLimitInGb: args.creationPlan.memoryLimitInGb,
                    quantity: args.creationPlan.quantity ?? 1,
                    // Sized for replicated databases: every database here has a replica (RedisDatabase).
                    replication: true,
                    throughputMeasurementBy: args.creationPlan.throughputMeasurementBy,
                    throughputMeasurementValue: args.creationPlan.throughputMeasurementValue,
                },
            },
            { parent: this, protect: true },
        );

        this.subscriptionId = this.subscription.id;
        this.registerOutputs({ subscriptionId: this.subscriptionId });
    }
}
