// Output shapes of the nested types in the rediscloud schema (v1.3.5). See ../README.md.
import * as outputs from "../types/output";

export interface SubscriptionAllowlist {
    /**
     * Set of CIDR ranges that are allowed to access the databases associated with this subscription
     *
     * > **Note:** `allowlist` is only available when you run on your own cloud account, and not one that Redis provided (i.e `cloud_account_id` != 1)
     */
    cidrs?: string[];
    /**
     * Set of security groups that are allowed to access the databases associated with this subscription
     */
    securityGroupIds: string[];
}

export interface SubscriptionCloudProvider {
    /**
     * Cloud account identifier. Default: Redis Labs internal cloud account. **Modifying this attribute will force creation of a new resource.**
     * (using Cloud Account ID = 1 implies using Redis Labs internal cloud account). Note that a GCP subscription can be created
     * only with Redis Labs internal cloud account
     */
    cloudAccountId?: string;
    /**
     * The cloud provider to use with the subscription, (either `AWS` or `GCP`). Default: ‘AWS’. **Modifying this attribute will force creation of a new resource.**
     */
    provider?: string;
    /**
     * A region object, documented below. **Modifying this attribute will force creation of a new resource.**
     */
    regions: outputs.SubscriptionCloudProviderRegion[];
}

export interface SubscriptionCloudProviderRegion {
    /**
     * Support deployment on multiple availability zones within the selected region. Default: ‘false’. **Modifying this attribute will force creation of a new resource.**
     */
    multipleAvailabilityZones?: boolean;
    /**
     * Deployment CIDR mask. The total number of bits must be 24 (x.x.x.x/24). **Modifying this attribute will force creation of a new resource.**
     */
    networkingDeploymentCidr: string;
    /**
     * Either an existing VPC Id (already exists in the specific region) or create a new VPC
     * (if no VPC is specified). VPC Identifier must be in a valid format (for example: ‘vpc-0125be68a4986384ad’) and existing
     * within the hosting account. **Modifying this attribute will force creation of a new resource.**
     */
    networkingVpcId?: string;
    /**
     * List of generated network configuration
     */
    networks: outputs.SubscriptionCloudProviderRegionNetwork[];
    preferredAvailabilityZones: string[];
    /**
     * Deployment region as defined by cloud provider. **Modifying this attribute will force creation of a new resource.**
     */
    region: string;
}

export interface SubscriptionCloudProviderRegionNetwork {
    /**
     * Deployment CIDR mask. The total number of bits must be 24 (x.x.x.x/24). **Modifying this attribute will force creation of a new resource.**
     */
    networkingDeploymentCidr: string;
    /**
     * The subnet that the subscription deploys into
     */
    networkingSubnetId: string;
    /**
     * Either an existing VPC Id (already exists in the specific region) or create a new VPC
     * (if no VPC is specified). VPC Identifier must be in a valid format (for example: ‘vpc-0125be68a4986384ad’) and existing
     * within the hosting account. **Modifying this attribute will force creation of a new resource.**
     */
    networkingVpcId: string;
}

export interface SubscriptionCreationPlan {
    /**
     * Relevant only to ram-and-flash clusters
     * Estimated average size (measured in bytes) of the items stored in the database. The value needs to
     * be the maximum average item size defined in one of your databases.  Default: 1000
     *
     * ~>**Note:** If the number of modules exceeds the `quantity` then additional creation-plan databases will be created with the modules defined in the `modules` block.
     *
     * > **Note:** If changes are made to attributes in the subscription which require the subscription to be recreated (such as `memory_storage`, `cloud_provider` or `payment_method`), the creation_plan will need to be defined in order to change these attributes. This is because the creation_plan is always required when a subscription is created.
     */
    averageItemSizeInBytes: number;
    /**
     * Maximum memory usage that will be used for your largest planned database.
     */
    memoryLimitInGb: number;
    /**
     * a list of modules that will be used by the databases in this subscription. Not currently compatible with ‘ram-and-flash’ memory storage.
     * Example: `modules = ["RedisJSON", RedisBloom"]`
     */
    modules: string[];
    /**
     * The planned number of databases in the subscription
     */
    quantity: number;
    /**
     * Databases replication. Default: ‘true’
     */
    replication: boolean;
    /**
     * Support Redis open-source (OSS) Cluster API. Default: ‘false’
     */
    supportOssClusterApi?: boolean;
    /**
     * Throughput measurement method that will be used by your databases, (either ‘number-of-shards’ or ‘operations-per-second’)
     */
    throughputMeasurementBy: string;
    /**
     * Throughput value that will be used by your databases (as applies to selected measurement method). The value needs to be the maximum throughput measurement value defined in one of your databases
     */
    throughputMeasurementValue: number;
}

export interface SubscriptionDatabaseAlert {
    /**
     * Alert name. (either: 'dataset-size', 'datasets-size', 'throughput-higher-than', 'throughput-lower-than', 'latency', 'syncsource-error', 'syncsource-lag' or 'connections-limit')
     */
    name: string;
    /**
     * Alert value
     */
    value: number;
}

export interface SubscriptionDatabaseModule {
    /**
     * Name of the Redis database module to enable. **Modifying this attribute will force creation of a new resource.**
     *
     * Example:
     *
     * ```typescript
     * import * as pulumi from "@pulumi/pulumi";
     *
     * const modules = [
     *     {
     *         name: "RedisJSON",
     *     },
     *     {
     *         name: "RedisBloom",
     *     },
     * ];
     * ```
     * ```python
     * import pulumi
     *
     * modules = [
     *     {
     *         "name": "RedisJSON",
     *     },
     *     {
     *         "name": "RedisBloom",
     *     },
     * ]
     * ```
     * ```csharp
     * using System.Collections.Generic;
     * using System.Linq;
     * using Pulumi;
     *
     * return await Deployment.RunAsync(() => 
     * {
     *     var modules = new[]
     *     {
     *
     *         {
     *             { "name", "RedisJSON" },
     *         },
     *
     *         {
     *             { "name", "RedisBloom" },
     *         },
     *     };
     *
     * });
     * ```
     * ```go
     * package main
     *
     * import (
     * 	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
     * )
     *
     * func main() {
     * 	pulumi.Run(func(ctx *pulumi.Context) error {
     * 		_ := []map[string]interface{}{
     * 			map[string]interface{}{
     * 				"name": "RedisJSON",
     * 			},
     * 			map[string]interface{}{
     * 				"name": "RedisBloom",
     * 			},
     * 		}
     * 		return nil
     * 	})
     * }
     * ```
     * ```java
     * package generated_program;
     *
     * import com.pulumi.Context;
     * import com.pulumi.Pulumi;
     * import com.pulumi.core.Output;
     * import java.util.List;
     * import java.util.ArrayList;
     * import java.util.Map;
     * import java.io.File;
     * import java.nio.file.Files;
     * import java.nio.file.Paths;
     *
     * public class App {
     *     public static void main(String[] args) {
     *         Pulumi.run(App::stack);
     *     }
     *
     *     public static void stack(Context ctx) {
     *         final var modules =         
     *             %!v(PANIC=Format method: runtime error: invalid memory address or nil pointer dereference),
     *             %!v(PANIC=Format method: runtime error: invalid memory address or nil pointer dereference);
     *
     *     }
     * }
     * ```
     * ```yaml
     * variables:
     *   modules:
     *     - name: RedisJSON
     *     - name: RedisBloom
     * ```
     */
    name: string;
}

export interface SubscriptionDatabaseRemoteBackup {
    /**
     * Defines the interval between backups. Should be in the following format 'every-x-hours'. x is one of [24,12,6,4,2,1]. For example: 'every-4-hours'
     */
    interval: string;
    /**
     * Defines a URI representing the backup storage location
     */
    storagePath: string;
    /**
     * Defines the provider of the storage location
     */
    storageType: string;
    /**
     * Defines the hour automatic backups are made - only applicable when the interval is `every-12-hours` or `every-24-hours`. For example: '14:00'
     */
    timeUtc?: string;
}
