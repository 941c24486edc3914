/**
 * Resource type tokens, once, for the policy pack and the tests alike.
 *
 * {@link TYPES} names one type each: every provider resource (and provider) the stack declares or a policy reads.
 * {@link T} is what the policies match: @pulumi/aws v7 renamed the S3 bucket (`aws:s3/bucketV2:BucketV2` →
 * `aws:s3/bucket:Bucket`) and the side resources (`…V2` → plain names); a program may still use the deprecated
 * classes, so every S3 check accepts both tokens.
 */
export const TYPES = {
    awsProvider: "pulumi:providers:aws",
    gcpProvider: "pulumi:providers:gcp",
    atlasProvider: "pulumi:providers:mongodbatlas",
    auth0Provider: "pulumi:providers:auth0",
    redisProvider: "pulumi:providers:rediscloud",
    randomProvider: "pulumi:providers:random",

    s3Bucket: "aws:s3/bucket:Bucket",
    s3BucketV2: "aws:s3/bucketV2:BucketV2",
    s3Encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    s3EncryptionV2: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    s3Versioning: "aws:s3/bucketVersioning:BucketVersioning",
    s3VersioningV2: "aws:s3/bucketVersioningV2:BucketVersioningV2",
    s3Logging: "aws:s3/bucketLogging:BucketLogging",
    s3LoggingV2: "aws:s3/bucketLoggingV2:BucketLoggingV2",
    s3PublicAccessBlock: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    s3Policy: "aws:s3/bucketPolicy:BucketPolicy",
    s3Ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    s3Replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    s3Lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
    s3LifecycleV2: "aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
    s3ObjectLock: "aws:s3/bucketObjectLockConfiguration:BucketObjectLockConfiguration",
    s3ObjectLockV2: "aws:s3/bucketObjectLockConfigurationV2:BucketObjectLockConfigurationV2",
    s3AccountPublicAccessBlock: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
    kmsKey: "aws:kms/key:Key",
    kmsExternalKey: "aws:kms/externalKey:ExternalKey",
    kmsReplicaKey: "aws:kms/replicaKey:ReplicaKey",
    kmsReplicaExternalKey: "aws:kms/replicaExternalKey:ReplicaExternalKey",
    kmsKeyPolicy: "aws:kms/keyPolicy:KeyPolicy",
    kmsGrant: "aws:kms/grant:Grant",
    cloudTrail: "aws:cloudtrail/trail:Trail",
    eventBus: "aws:cloudwatch/eventBus:EventBus",
    eventRule: "aws:cloudwatch/eventRule:EventRule",
    eventTarget: "aws:cloudwatch/eventTarget:EventTarget",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    organizationsPolicy: "aws:organizations/policy:Policy",
    organizationsPolicyAttachment: "aws:organizations/policyAttachment:PolicyAttachment",

    gcsBucket: "gcp:storage/bucket:Bucket",
    gcpKeyRing: "gcp:kms/keyRing:KeyRing",
    gcpCryptoKey: "gcp:kms/cryptoKey:CryptoKey",
    gcpOrgPolicy: "gcp:orgpolicy/policy:Policy",
    gcpProjectSink: "gcp:logging/projectSink:ProjectSink",
    gcpLogBucket: "gcp:logging/projectBucketConfig:ProjectBucketConfig",
    gcpAuditConfig: "gcp:projects/iAMAuditConfig:IAMAuditConfig",

    atlasProject: "mongodbatlas:index/project:Project",
    atlasAdvancedCluster: "mongodbatlas:index/advancedCluster:AdvancedCluster",
    atlasLegacyCluster: "mongodbatlas:index/cluster:Cluster",
    atlasBackupSchedule: "mongodbatlas:index/cloudBackupSchedule:CloudBackupSchedule",
    atlasBackupCompliancePolicy: "mongodbatlas:index/backupCompliancePolicy:BackupCompliancePolicy",
    atlasAccessList: "mongodbatlas:index/projectIpAccessList:ProjectIpAccessList",
    atlasAuditing: "mongodbatlas:index/auditing:Auditing",
    atlasAccessSetup: "mongodbatlas:index/cloudProviderAccessSetup:CloudProviderAccessSetup",
    atlasAccessAuthorization: "mongodbatlas:index/cloudProviderAccessAuthorization:CloudProviderAccessAuthorization",
    atlasEncryptionAtRest: "mongodbatlas:index/encryptionAtRest:EncryptionAtRest",
    atlasDatabaseUser: "mongodbatlas:index/databaseUser:DatabaseUser",
    atlasAlertConfiguration: "mongodbatlas:index/alertConfiguration:AlertConfiguration",
    atlasResourcePolicy: "mongodbatlas:index/resourcePolicy:ResourcePolicy",
    atlasSnapshotExportBucket: "mongodbatlas:index/cloudBackupSnapshotExportBucket:CloudBackupSnapshotExportBucket",
    atlasPushBasedLogExport: "mongodbatlas:index/pushBasedLogExport:PushBasedLogExport",

    redisSubscription: "rediscloud:index/subscription:Subscription",
    redisDatabase: "rediscloud:index/subscriptionDatabase:SubscriptionDatabase",
    randomPassword: "random:index/randomPassword:RandomPassword",

    auth0ResourceServer: "auth0:index/resourceServer:ResourceServer",
    auth0Connection: "auth0:index/connection:Connection",
    auth0LogStream: "auth0:index/logStream:LogStream",
    auth0Tenant: "auth0:index/tenant:Tenant",
    auth0Client: "auth0:index/client:Client",
    auth0ConnectionClients: "auth0:index/connectionClients:ConnectionClients",
    auth0ConnectionClient: "auth0:index/connectionClient:ConnectionClient",
    auth0OrganizationConnection: "auth0:index/organizationConnection:OrganizationConnection",
    auth0OrganizationConnections: "auth0:index/organizationConnections:OrganizationConnections",
    auth0Guardian: "auth0:index/guardian:Guardian",
    auth0AttackProtection: "auth0:index/attackProtection:AttackProtection",
} as const;

/** The tokens each policy matches, built from {@link TYPES}. */
export const T = {
    awsProvider: TYPES.awsProvider,
    gcpProvider: TYPES.gcpProvider,
    atlasProvider: TYPES.atlasProvider,
    auth0Provider: TYPES.auth0Provider,
    redisProvider: TYPES.redisProvider,

    s3Bucket: [TYPES.s3Bucket, TYPES.s3BucketV2],
    s3Encryption: [TYPES.s3Encryption, TYPES.s3EncryptionV2],
    s3Versioning: [TYPES.s3Versioning, TYPES.s3VersioningV2],
    s3Logging: [TYPES.s3Logging, TYPES.s3LoggingV2],
    s3PublicAccessBlock: [TYPES.s3PublicAccessBlock],
    s3Policy: [TYPES.s3Policy],
    s3Ownership: [TYPES.s3Ownership],
    s3Lifecycle: [TYPES.s3Lifecycle, TYPES.s3LifecycleV2],
    s3ObjectLock: [TYPES.s3ObjectLock, TYPES.s3ObjectLockV2],
    kmsKey: [TYPES.kmsKey],
    /**
     * Every KMS key resource that carries its own key policy (`policy`, `bypassPolicyLockoutSafetyCheck`). Not
     * {@link T.kmsKey}: imported key material does not rotate automatically and a replica takes its rotation from
     * its primary, so the rotation policy judges only aws.kms.Key.
     */
    kmsKeyWithPolicy: [TYPES.kmsKey, TYPES.kmsExternalKey, TYPES.kmsReplicaKey, TYPES.kmsReplicaExternalKey],
    kmsKeyPolicy: [TYPES.kmsKeyPolicy],
    kmsGrant: [TYPES.kmsGrant],

    gcsBucket: [TYPES.gcsBucket],
    gcpKeyRing: [TYPES.gcpKeyRing],
    gcpCryptoKey: [TYPES.gcpCryptoKey],

    atlasProject: [TYPES.atlasProject],
    atlasAdvancedCluster: [TYPES.atlasAdvancedCluster],
    atlasLegacyCluster: [TYPES.atlasLegacyCluster],
    atlasBackupSchedule: [TYPES.atlasBackupSchedule],
    atlasAccessList: [TYPES.atlasAccessList],
    atlasDatabaseUser: [TYPES.atlasDatabaseUser],
    atlasEncryptionAtRest: [TYPES.atlasEncryptionAtRest],

    redisSubscription: [TYPES.redisSubscription],
    redisDatabase: [TYPES.redisDatabase],

    auth0ResourceServer: [TYPES.auth0ResourceServer],
    auth0Connection: [TYPES.auth0Connection],
    auth0Tenant: [TYPES.auth0Tenant],
    auth0Client: [TYPES.auth0Client],
    auth0ConnectionClients: [TYPES.auth0ConnectionClients, TYPES.auth0ConnectionClient],
    auth0OrganizationConnections: [TYPES.auth0OrganizationConnection, TYPES.auth0OrganizationConnections],
    auth0Guardian: [TYPES.auth0Guardian],
    auth0AttackProtection: [TYPES.auth0AttackProtection],

    // Audit trails (data policy §10) and the stores they record.
    cloudTrail: [TYPES.cloudTrail],
    eventBus: [TYPES.eventBus],
    eventRule: [TYPES.eventRule],
    eventTarget: [TYPES.eventTarget],
    logGroup: [TYPES.logGroup],
    gcpLogBucket: [TYPES.gcpLogBucket],
    gcpAuditConfig: [TYPES.gcpAuditConfig],
    atlasAuditing: [TYPES.atlasAuditing],
    atlasPushBasedLogExport: [TYPES.atlasPushBasedLogExport],

    // Resources that send data to a destination (data-flows-to-declared-processors).
    auth0LogStream: [TYPES.auth0LogStream],
    atlasAlertConfiguration: [TYPES.atlasAlertConfiguration],
    atlasSnapshotExportBucket: [TYPES.atlasSnapshotExportBucket],
    s3Replication: [TYPES.s3Replication],
    gcpProjectSink: [TYPES.gcpProjectSink],
} as const;

/** `true` when `type` is one of `tokens`. */
export function isOneOfTypes(type: string, tokens: readonly string[]): boolean {
    return tokens.includes(type);
}
