/**
 * Ephemeral pub/sub data (data policy §02, §03, §05, §06): the Redis Cloud Pro subscription and its database.
 * docs/ephemeral-data.md.
 */
import * as pulumi from "@pulumi/pulumi";
import type * as random from "@pulumi/random";
import { RedisDatabase } from "../components/ephemeral-data/redis-database";
import { RedisSubscription } from "../components/ephemeral-data/redis-subscription";
import type { StackConfig } from "../config";
import type * as rediscloud from "../providers/rediscloud";

export interface EphemeralDataProviders {
    readonly rediscloud: rediscloud.Provider;
    /** For the generated database password. */
    readonly random: random.Provider;
}

/**
 * Creates the area; returns its stack outputs: ids in the clear, and everything a client connects with (endpoints,
 * user, password) as one secret output, shown only with `pulumi stack output --show-secrets redisConnection`.
 */
export function ephemeralData(config: StackConfig, providers: EphemeralDataProviders) {
    const redis = config.redis;
    const redisSubscription = new RedisSubscription(
        "redis-subscription",
        {
            subscriptionName: redis.subscription.name,
            cloudProvider: redis.subscription.cloudProvider,
            region: redis.subscription.region,
            networkingDeploymentCidr: redis.subscription.networkingDeploymentCidr,
            multipleAvailabilityZones: redis.subscription.multipleAvailabilityZones,
            paymentMethodId: redis.subscription.paymentMethodId,
            creationPlan: redis.subscription.creationPlan,
        },
        { providers: [providers.rediscloud] },
    );
    const redisDatabase = new RedisDatabase(
        "redis-pubsub",
        {
            subscriptionId: redisSubscription.subscriptionId,
            databaseName: redis.database.name,
            memoryLimitInGb: redis.database.memoryLimitInGb,
            throughputMeasurementBy: redis.database.throughputMeasurementBy,
            throughputMeasurementValue: redis.database.throughputMeasurementValue,
            sourceIps: redis.database.sourceIps,
            dataEviction: redis.database.dataEviction,
            alerts: redis.database.alerts,
            // From secret config when set; otherwise the component generates one (random provider).
            ...(config.secrets["data-platform:redisPassword"] ? { password: config.secrets["data-platform:redisPassword"] } : {}),
        },
        { providers: [providers.rediscloud, providers.random] },
    );

    return {
        redisDatabase: { subscriptionId: redisSubscription.subscriptionId, databaseId: redisDatabase.databaseId },
        redisConnection: pulumi.secret({
            publicEndpoint: redisDatabase.publicEndpoint,
            privateEndpoint: redisDatabase.privateEndpoint,
            username: "default",
            password: redisDatabase.password,
            tls: true,
        }),
    };
}
