/**
 * Type tokens the policies match. @pulumi/aws v7 renamed the S3 bucket (`aws:s3/bucketV2:BucketV2` →
 * `aws:s3/bucket:Bucket`) and the side resources (`…V2` → plain names); a program may still use the
 * deprecated classes, so every S3 check accepts both tokens.
 */
export const T = {
    awsProvider: "pulumi:providers:aws",
    gcpProvider: "pulumi:providers:gcp",
    atlasProvider: "pulumi:providers:mongodbatlas",
    auth0Provider: "pulumi:providers:auth0",
    redisProvider: "pulumi:providers:rediscloud",

    s3Bucket: ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"],
    s3Encryption: [
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
    ],
    s3Versioning: ["aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioningV2:BucketVersioningV2"],
    s3Logging: ["aws:s3/bucketLogging:BucketLogging", "aws:s3/bucketLoggingV2:BucketLoggingV2"],
    s3PublicAccessBlock: ["aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"],
    s3Policy: ["aws:s3/bucketPolicy:BucketPolicy"],
    s3Ownership: ["aws:s3/bucketOwnershipControls:BucketOwnershipControls"],
    kmsKey: ["aws:kms/key:Key"],

    gcsBucket: ["gcp:storage/bucket:Bucket"],
    gcpKeyRing: ["gcp:kms/keyRing:KeyRing"],
    gcpCryptoKey: ["gcp:kms/cryptoKey:CryptoKey"],

    atlasProject: ["mongodbatlas:index/project:Project"],
    atlasAdvancedCluster: ["mongodbatlas:index/advancedCluster:AdvancedCluster"],
    atlasLegacyCluster: ["mongodbatlas:index/cluster:Cluster"],
    atlasBackupSchedule: ["mongodbatlas:index/cloudBackupSchedule:CloudBackupSchedule"],
    atlasAccessList: ["mongodbatlas:index/projectIpAccessList:ProjectIpAccessList"],
    atlasEncryptionAtRest: ["mongodbatlas:index/encryptionAtRest:EncryptionAtRest"],

    redisSubscription: ["rediscloud:index/subscription:Subscription"],
    redisDatabase: ["rediscloud:index/subscriptionDatabase:SubscriptionDatabase"],

    auth0ResourceServer: ["auth0:index/resourceServer:ResourceServer"],
    auth0Connection: ["auth0:index/connection:Connection"],

    // Resources that send data to a destination (data-flows-to-declared-processors).
    auth0LogStream: ["auth0:index/logStream:LogStream"],
    atlasAlertConfiguration: ["mongodbatlas:index/alertConfiguration:AlertConfiguration"],
    atlasSnapshotExportBucket: ["mongodbatlas:index/cloudBackupSnapshotExportBucket:CloudBackupSnapshotExportBucket"],
    s3Replication: ["aws:s3/bucketReplicationConfig:BucketReplicationConfig"],
    gcpProjectSink: ["gcp:logging/projectSink:ProjectSink"],
} as const;

/** `true` when `type` is one of `tokens`. */
export function isOneOfTypes(type: string, tokens: readonly string[]): boolean {
    return tokens.includes(type);
}
