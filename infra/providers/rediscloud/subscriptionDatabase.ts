// The `SubscriptionDatabase` resource of the Redis Cloud provider: token, inputs, outputs and secrets from its published
// schema (v1.3.5), written in the shape of Pulumi's Node.js code generator. See ./README.md.
import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
import * as utilities from "./utilities";

/**
 * Creates a Database within a specified Subscription in your Redis Enterprise Cloud Account.
 *
 * ## Import
 *
 * `rediscloud_subscription_database` can be imported using the ID of the subscription and the ID of the database in the format {subscription ID}/{database ID}, e.g.
 *
 * ```sh
 *  $ pulumi import rediscloud:index/subscriptionDatabase:SubscriptionDatabase database-resource 123456/12345678
 * ```
 */
export class SubscriptionDatabase extends pulumi.CustomResource {
    /**
     * Get an existing SubscriptionDatabase resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: SubscriptionDatabaseState, opts?: pulumi.CustomResourceOptions): SubscriptionDatabase {
        return new SubscriptionDatabase(name, state as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "rediscloud:index/subscriptionDatabase:SubscriptionDatabase";

    /**
     * Returns true if the given object is an instance of SubscriptionDatabase.  This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is SubscriptionDatabase {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === SubscriptionDatabase.__pulumiType;
    }

    // `declare`: the values are assigned by the base constructor (super), so the fields must not be re-initialised
    // after it, which an emitted ES2022 class field would do.
    /**
     * A block defining Redis database alert, documented below, can be specified multiple times
     */
    public declare readonly alerts: pulumi.Output<outputs.SubscriptionDatabaseAlert[] | undefined>;
    /**
     * Relevant only to ram-and-flash clusters. Estimated average size (measured in bytes)
     * of the items stored in the database. Default: 1000
     */
    public declare readonly averageItemSizeInBytes: pulumi.Output<number | undefined>;
    /**
     * SSL certificate to authenticate user connections
     */
    public declare readonly clientSslCertificate: pulumi.Output<string | undefined>;
    /**
     * The data items eviction policy (either: 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl' or 'noeviction'). Default: 'volatile-lru'
     */
    public declare readonly dataEviction: pulumi.Output<string | undefined>;
    /**
     * Rate of database's storage data persistence (either: 'none', 'aof-every-1-second', 'aof-every-write', 'snapshot-every-1-hour', 'snapshot-every-6-hours' or 'snapshot-every-12-hours'). Default: ‘none’
     */
    public declare readonly dataPersistence: pulumi.Output<string | undefined>;
    /**
     * Identifier of the database created
     */
    public declare /*out*/ readonly dbId: pulumi.Output<number>;
    /**
     * Use TLS for authentication. Default: ‘false’
     */
    public declare readonly enableTls: pulumi.Output<boolean | undefined>;
    /**
     * Should use the external endpoint for open-source (OSS) Cluster API.
     * Can only be enabled if OSS Cluster API support is enabled. Default: 'false'
     */
    public declare readonly externalEndpointForOssClusterApi: pulumi.Output<boolean | undefined>;
    /**
     * List of regular expression rules to shard the database by. See
     * [the documentation on clustering](https://docs.redislabs.com/latest/rc/concepts/clustering/) for more information on the
     * hashing policy. This cannot be set when `support_oss_cluster_api` is set to true.
     */
    public declare readonly hashingPolicies: pulumi.Output<string[]>;
    /**
     * Maximum memory usage for this specific database
     */
    public declare readonly memoryLimitInGb: pulumi.Output<number>;
    /**
     * A list of modules objects, documented below. **Modifying this attribute will force creation of a new resource.**
     */
    public declare readonly modules: pulumi.Output<outputs.SubscriptionDatabaseModule[] | undefined>;
    /**
     * A meaningful name to identify the database
     */
    public declare readonly name: pulumi.Output<string>;
    /**
     * Password to access the database. If omitted, a random 32 character long alphanumeric password will be automatically generated
     */
    public declare readonly password: pulumi.Output<string>;
    /**
     * Path that will be used to store database backup files. **Deprecated: Use `remote_backup` block instead**
     * @deprecated Use `remote_backup` block instead
     */
    public declare readonly periodicBackupPath: pulumi.Output<string | undefined>;
    /**
     * TCP port on which the database is available - must be between 10000 and 19999. **Modifying this attribute will force creation of a new resource.**
     */
    public declare readonly port: pulumi.Output<number | undefined>;
    /**
     * Private endpoint to access the database
     */
    public declare /*out*/ readonly privateEndpoint: pulumi.Output<string>;
    /**
     * The protocol that will be used to access the database, (either ‘redis’ or ‘memcached’) Default: ‘redis’. **Modifying this attribute will force creation of a new resource.**
     */
    public declare readonly protocol: pulumi.Output<string | undefined>;
    /**
     * Public endpoint to access the database
     */
    public declare /*out*/ readonly publicEndpoint: pulumi.Output<string>;
    /**
     * Specifies the backup options for the database, documented below
     */
    public declare readonly remoteBackup: pulumi.Output<outputs.SubscriptionDatabaseRemoteBackup | undefined>;
    /**
     * Set of Redis database URIs, in the format `redis://user:password@host:port`, that this
     * database will be a replica of. If the URI provided is Redis Labs Cloud instance, only host and port should be provided.
     * Cannot be enabled when `support_oss_cluster_api` is enabled.
     */
    public declare readonly replicaOfs: pulumi.Output<string[] | undefined>;
    /**
     * Databases replication. Default: ‘true’
     */
    public declare readonly replication: pulumi.Output<boolean | undefined>;
    /**
     * List of source IP addresses or subnet masks. If specified, Redis clients will be able to connect to this database only from within the specified source IP addresses ranges (example: [‘192.168.10.0/32’, ‘192.168.12.0/24’])
     */
    public declare readonly sourceIps: pulumi.Output<string[] | undefined>;
    /**
     * The ID of the subscription to create the database in. **Modifying this attribute will force creation of a new resource.**
     */
    public declare readonly subscriptionId: pulumi.Output<string>;
    /**
     * Support Redis open-source (OSS) Cluster API. Default: ‘false’
     */
    public declare readonly supportOssClusterApi: pulumi.Output<boolean | undefined>;
    /**
     * Throughput measurement method, (either ‘number-of-shards’ or ‘operations-per-second’)
     */
    public declare readonly throughputMeasurementBy: pulumi.Output<string>;
    /**
     * Throughput value (as applies to selected measurement method)
     */
    public declare readonly throughputMeasurementValue: pulumi.Output<number>;

    /**
     * Create a SubscriptionDatabase resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: SubscriptionDatabaseArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, argsOrState?: SubscriptionDatabaseArgs | SubscriptionDatabaseState, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state = argsOrState as SubscriptionDatabaseState | undefined;
            resourceInputs["alerts"] = state ? state.alerts : undefined;
            resourceInputs["averageItemSizeInBytes"] = state ? state.averageItemSizeInBytes : undefined;
            resourceInputs["clientSslCertificate"] = state ? state.clientSslCertificate : undefined;
            resourceInputs["dataEviction"] = state ? state.dataEviction : undefined;
            resourceInputs["dataPersistence"] = state ? state.dataPersistence : undefined;
            resourceInputs["dbId"] = state ? state.dbId : undefined;
            resourceInputs["enableTls"] = state ? state.enableTls : undefined;
            resourceInputs["externalEndpointForOssClusterApi"] = state ? state.externalEndpointForOssClusterApi : undefined;
            resourceInputs["hashingPolicies"] = state ? state.hashingPolicies : undefined;
            resourceInputs["memoryLimitInGb"] = state ? state.memoryLimitInGb : undefined;
            resourceInputs["modules"] = state ? state.modules : undefined;
            resourceInputs["name"] = state ? state.name : undefined;
            resourceInputs["password"] = state ? state.password : undefined;
            resourceInputs["periodicBackupPath"] = state ? state.periodicBackupPath : undefined;
            resourceInputs["port"] = state ? state.port : undefined;
            resourceInputs["privateEndpoint"] = state ? state.privateEndpoint : undefined;
            resourceInputs["protocol"] = state ? state.protocol : undefined;
            resourceInputs["publicEndpoint"] = state ? state.publicEndpoint : undefined;
            resourceInputs["remoteBackup"] = state ? state.remoteBackup : undefined;
            resourceInputs["replicaOfs"] = state ? state.replicaOfs : undefined;
            resourceInputs["replication"] = state ? state.replication : undefined;
            resourceInputs["sourceIps"] = state ? state.sourceIps : undefined;
            resourceInputs["subscriptionId"] = state ? state.subscriptionId : undefined;
            resourceInputs["supportOssClusterApi"] = state ? state.supportOssClusterApi : undefined;
            resourceInputs["throughputMeasurementBy"] = state ? state.throughputMeasurementBy : undefined;
            resourceInputs["throughputMeasurementValue"] = state ? state.throughputMeasurementValue : undefined;
        } else {
            const args = argsOrState as SubscriptionDatabaseArgs | undefined;
            if ((!args || args.memoryLimitInGb === undefined) && !opts.urn) {
                throw new Error("Missing required property 'memoryLimitInGb'");
            }
            if ((!args || args.subscriptionId === undefined) && !opts.urn) {
                throw new Error("Missing required property 'subscriptionId'");
            }
            if ((!args || args.throughputMeasurementBy === undefined) && !opts.urn) {
                throw new Error("Missing required property 'throughputMeasurementBy'");
            }
            if ((!args || args.throughputMeasurementValue === undefined) && !opts.urn) {
                throw new Error("Missing required property 'throughputMeasurementValue'");
            }
            resourceInputs["alerts"] = args ? args.alerts : undefined;
            resourceInputs["averageItemSizeInBytes"] = args ? args.averageItemSizeInBytes : undefined;
            resourceInputs["clientSslCertificate"] = args ? args.clientSslCertificate : undefined;
            resourceInputs["dataEviction"] = args ? args.dataEviction : undefined;
            resourceInputs["dataPersistence"] = args ? args.dataPersistence : undefined;
            resourceInputs["enableTls"] = args ? args.enableTls : undefined;
            resourceInputs["externalEndpointForOssClusterApi"] = args ? args.externalEndpointForOssClusterApi : undefined;
            resourceInputs["hashingPolicies"] = args ? args.hashingPolicies : undefined;
            resourceInputs["memoryLimitInGb"] = args ? args.memoryLimitInGb : undefined;
            resourceInputs["modules"] = args ? args.modules : undefined;
            resourceInputs["name"] = args ? args.name : undefined;
            resourceInputs["password"] = args?.password ? pulumi.secret(args.password) : undefined;
            resourceInputs["periodicBackupPath"] = args ? args.periodicBackupPath : undefined;
            resourceInputs["port"] = args ? args.port : undefined;
            resourceInputs["protocol"] = args ? args.protocol : undefined;
            resourceInputs["remoteBackup"] = args ? args.remoteBackup : undefined;
            resourceInputs["replicaOfs"] = args ? args.replicaOfs : undefined;
            resourceInputs["replication"] = args ? args.replication : undefined;
            resourceInputs["sourceIps"] = args ? args.sourceIps : undefined;
            resourceInputs["subscriptionId"] = args ? args.subscriptionId : undefined;
            resourceInputs["supportOssClusterApi"] = args ? args.supportOssClusterApi : undefined;
            resourceInputs["throughputMeasurementBy"] = args ? args.throughputMeasurementBy : undefined;
            resourceInputs["throughputMeasurementValue"] = args ? args.throughputMeasurementValue : undefined;
            resourceInputs["dbId"] = undefined /*out*/;
            resourceInputs["privateEndpoint"] = undefined /*out*/;
            resourceInputs["publicEndpoint"] = undefined /*out*/;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        const secretOpts = { additionalSecretOutputs: ["password"] };
        opts = pulumi.mergeOptions(opts, secretOpts);
        super(SubscriptionDatabase.__pulumiType, name, resourceInputs, opts);
    }
}

/**
 * Input properties used for looking up and filtering SubscriptionDatabase resources.
 */
export interface SubscriptionDatabaseState {
    /**
     * A block defining Redis database alert, documented below, can be specified multiple times
     */
    alerts?: pulumi.Input<pulumi.Input<inputs.SubscriptionDatabaseAlert>[]>;
    /**
     * Relevant only to ram-and-flash clusters. Estimated average size (measured in bytes)
     * of the items stored in the database. Default: 1000
     */
    averageItemSizeInBytes?: pulumi.Input<number>;
    /**
     * SSL certificate to authenticate user connections
     */
    clientSslCertificate?: pulumi.Input<string>;
    /**
     * The data items eviction policy (either: 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl' or 'noeviction'). Default: 'volatile-lru'
     */
    dataEviction?: pulumi.Input<string>;
    /**
     * Rate of database's storage data persistence (either: 'none', 'aof-every-1-second', 'aof-every-write', 'snapshot-every-1-hour', 'snapshot-every-6-hours' or 'snapshot-every-12-hours'). Default: ‘none’
     */
    dataPersistence?: pulumi.Input<string>;
    /**
     * Identifier of the database created
     */
    dbId?: pulumi.Input<number>;
    /**
     * Use TLS for authentication. Default: ‘false’
     */
    enableTls?: pulumi.Input<boolean>;
    /**
     * Should use the external endpoint for open-source (OSS) Cluster API.
     * Can only be enabled if OSS Cluster API support is enabled. Default: 'false'
     */
    externalEndpointForOssClusterApi?: pulumi.Input<boolean>;
    /**
     * List of regular expression rules to shard the database by. See
     * [the documentation on clustering](https://docs.redislabs.com/latest/rc/concepts/clustering/) for more information on the
     * hashing policy. This cannot be set when `support_oss_cluster_api` is set to true.
     */
    hashingPolicies?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Maximum memory usage for this specific database
     */
    memoryLimitInGb?: pulumi.Input<number>;
    /**
     * A list of modules objects, documented below. **Modifying this attribute will force creation of a new resource.**
     */
    modules?: pulumi.Input<pulumi.Input<inputs.SubscriptionDatabaseModule>[]>;
    /**
     * A meaningful name to identify the database
     */
    name?: pulumi.Input<string>;
    /**
     * Password to access the database. If omitted, a random 32 character long alphanumeric password will be automatically generated
     */
    password?: pulumi.Input<string>;
    /**
     * Path that will be used to store database backup files. **Deprecated: Use `remote_backup` block instead**
     * @deprecated Use `remote_backup` block instead
     */
    periodicBackupPath?: pulumi.Input<string>;
    /**
     * TCP port on which the database is available - must be between 10000 and 19999. **Modifying this attribute will force creation of a new resource.**
     */
    port?: pulumi.Input<number>;
    /**
     * Private endpoint to access the database
     */
    privateEndpoint?: pulumi.Input<string>;
    /**
     * The protocol that will be used to access the database, (either ‘redis’ or ‘memcached’) Default: ‘redis’. **Modifying this attribute will force creation of a new resource.**
     */
    protocol?: pulumi.Input<string>;
    /**
     * Public endpoint to access the database
     */
    publicEndpoint?: pulumi.Input<string>;
    /**
     * Specifies the backup options for the database, documented below
     */
    remoteBackup?: pulumi.Input<inputs.SubscriptionDatabaseRemoteBackup>;
    /**
     * Set of Redis database URIs, in the format `redis://user:password@host:port`, that this
     * database will be a replica of. If the URI provided is Redis Labs Cloud instance, only host and port should be provided.
     * Cannot be enabled when `support_oss_cluster_api` is enabled.
     */
    replicaOfs?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Databases replication. Default: ‘true’
     */
    replication?: pulumi.Input<boolean>;
    /**
     * List of source IP addresses or subnet masks. If specified, Redis clients will be able to connect to this database only from within the specified source IP addresses ranges (example: [‘192.168.10.0/32’, ‘192.168.12.0/24’])
     */
    sourceIps?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The ID of the subscription to create the database in. **Modifying this attribute will force creation of a new resource.**
     */
    subscriptionId?: pulumi.Input<string>;
    /**
     * Support Redis open-source (OSS) Cluster API. Default: ‘false’
     */
    supportOssClusterApi?: pulumi.Input<boolean>;
    /**
     * Throughput measurement method, (either ‘number-of-shards’ or ‘operations-per-second’)
     */
    throughputMeasurementBy?: pulumi.Input<string>;
    /**
     * Throughput value (as applies to selected measurement method)
     */
    throughputMeasurementValue?: pulumi.Input<number>;
}

/**
 * The set of arguments for constructing a SubscriptionDatabase resource.
 */
export interface SubscriptionDatabaseArgs {
    /**
     * A block defining Redis database alert, documented below, can be specified multiple times
     */
    alerts?: pulumi.Input<pulumi.Input<inputs.SubscriptionDatabaseAlert>[]>;
    /**
     * Relevant only to ram-and-flash clusters. Estimated average size (measured in bytes)
     * of the items stored in the database. Default: 1000
     */
    averageItemSizeInBytes?: pulumi.Input<number>;
    /**
     * SSL certificate to authenticate user connections
     */
    clientSslCertificate?: pulumi.Input<string>;
    /**
     * The data items eviction policy (either: 'allkeys-lru', 'allkeys-lfu', 'allkeys-random', 'volatile-lru', 'volatile-lfu', 'volatile-random', 'volatile-ttl' or 'noeviction'). Default: 'volatile-lru'
     */
    dataEviction?: pulumi.Input<string>;
    /**
     * Rate of database's storage data persistence (either: 'none', 'aof-every-1-second', 'aof-every-write', 'snapshot-every-1-hour', 'snapshot-every-6-hours' or 'snapshot-every-12-hours'). Default: ‘none’
     */
    dataPersistence?: pulumi.Input<string>;
    /**
     * Use TLS for authentication. Default: ‘false’
     */
    enableTls?: pulumi.Input<boolean>;
    /**
     * Should use the external endpoint for open-source (OSS) Cluster API.
     * Can only be enabled if OSS Cluster API support is enabled. Default: 'false'
     */
    externalEndpointForOssClusterApi?: pulumi.Input<boolean>;
    /**
     * List of regular expression rules to shard the database by. See
     * [the documentation on clustering](https://docs.redislabs.com/latest/rc/concepts/clustering/) for more information on the
     * hashing policy. This cannot be set when `support_oss_cluster_api` is set to true.
     */
    hashingPolicies?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Maximum memory usage for this specific database
     */
    memoryLimitInGb: pulumi.Input<number>;
    /**
     * A list of modules objects, documented below. **Modifying this attribute will force creation of a new resource.**
     */
    modules?: pulumi.Input<pulumi.Input<inputs.SubscriptionDatabaseModule>[]>;
    /**
     * A meaningful name to identify the database
     */
    name?: pulumi.Input<string>;
    /**
     * Password to access the database. If omitted, a random 32 character long alphanumeric password will be automatically generated
     */
    password?: pulumi.Input<string>;
    /**
     * Path that will be used to store database backup files. **Deprecated: Use `remote_backup` block instead**
     * @deprecated Use `remote_backup` block instead
     */
    periodicBackupPath?: pulumi.Input<string>;
    /**
     * TCP port on which the database is available - must be between 10000 and 19999. **Modifying this attribute will force creation of a new resource.**
     */
    port?: pulumi.Input<number>;
    /**
     * The protocol that will be used to access the database, (either ‘redis’ or ‘memcached’) Default: ‘redis’. **Modifying this attribute will force creation of a new resource.**
     */
    protocol?: pulumi.Input<string>;
    /**
     * Specifies the backup options for the database, documented below
     */
    remoteBackup?: pulumi.Input<inputs.SubscriptionDatabaseRemoteBackup>;
    /**
     * Set of Redis database URIs, in the format `redis://user:password@host:port`, that this
     * database will be a replica of. If the URI provided is Redis Labs Cloud instance, only host and port should be provided.
     * Cannot be enabled when `support_oss_cluster_api` is enabled.
     */
    replicaOfs?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * Databases replication. Default: ‘true’
     */
    replication?: pulumi.Input<boolean>;
    /**
     * List of source IP addresses or subnet masks. If specified, Redis clients will be able to connect to this database only from within the specified source IP addresses ranges (example: [‘192.168.10.0/32’, ‘192.168.12.0/24’])
     */
    sourceIps?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * The ID of the subscription to create the database in. **Modifying this attribute will force creation of a new resource.**
     */
    subscriptionId: pulumi.Input<string>;
    /**
     * Support Redis open-source (OSS) Cluster API. Default: ‘false’
     */
    supportOssClusterApi?: pulumi.Input<boolean>;
    /**
     * Throughput measurement method, (either ‘number-of-shards’ or ‘operations-per-second’)
     */
    throughputMeasurementBy: pulumi.Input<string>;
    /**
     * Throughput value (as applies to selected measurement method)
     */
    throughputMeasurementValue: pulumi.Input<number>;
}
