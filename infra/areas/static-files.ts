/**
 * Static files (data policy §02 "Static Files: … AWS S3 and Google Cloud Buckets", §05, §10): the S3 buckets with
 * their access-log bucket, the Cloud Storage buckets, and Cloud Storage's Data Access audit logs.
 * docs/static-files.md.
 */
import type * as aws from "@pulumi/aws";
import type * as gcp from "@pulumi/gcp";
import { AuditTrail } from "../components/audit/audit-trail";
import { DataAccessLogBucket } from "../components/audit/data-access-log-bucket";
import { EncryptedGcsBucket } from "../components/static-files/encrypted-gcs-bucket";
import { EncryptedS3Bucket } from "../components/static-files/encrypted-s3-bucket";
import { StorageDataAccessAudit } from "../components/static-files/storage-data-access-audit";
import type { GcpProjectServices } from "../components/shared/project-services";
import type { StackConfig } from "../config";

export interface StaticFilesProviders {
    readonly aws: aws.Provider;
    readonly gcp: gcp.Provider;
    /** The project's service APIs; the GCS resources wait for those they call. */
    readonly gcpServices: GcpProjectServices;
}

/**
 * Creates the area; returns its stack outputs (`outputs`: bucket names, ARNs and URLs by config key) and the audit
 * bucket, which the other areas' audit trails deliver to.
 */
export function staticFiles(config: StackConfig, providers: StaticFilesProviders) {
    const s3 = config.staticFiles.s3;
    const accessLogs = new EncryptedS3Bucket(
        "s3-access-logs",
        {
            bucketName: s3.accessLogBucketName,
            purpose: "S3 server access logs of the static-file buckets",
            role: {
                kind: "access-log-target",
                // The audit bucket is access-logged too: who read the audit trail is itself audited (§10).
                sourceBucketNames: [...s3.buckets.map((b) => b.name), config.audit.bucketName],
                sourceAccountId: config.aws.accountId,
                retentionDays: s3.accessLogRetentionDays,
            },
        },
        { providers: [providers.aws] },
    );
    const s3Buckets = s3.buckets.map(
        (b) =>
            new EncryptedS3Bucket(
                `s3-${b.key}`,
                {
                    bucketName: b.name,
                    purpose: b.purpose,
                    role: {
                        kind: "data",
                        accessLogs: { bucketName: accessLogs.bucketName, targetPolicy: accessLogs.policy },
                        // The key's administrators: the account's root principal (IAM decides who), from the pinned account id.
                        key: { accountId: config.aws.accountId, region: config.aws.region },
                    },
                },
                { providers: [providers.aws] },
            ),
    );

    // Data policy §10: every read and write of a data bucket, kept in Australia for the audit retention.
    const trail = new AuditTrail(
        "audit-trail",
        {
            trailName: config.audit.trailName,
            bucketName: config.audit.bucketName,
            accountId: config.aws.accountId,
            region: config.aws.region,
            retentionDays: config.audit.retentionDays,
            dataBucketNames: s3.buckets.map((b) => b.name),
            accessLogs: { bucketName: accessLogs.bucketName, targetPolicy: accessLogs.policy },
        },
        { providers: [providers.aws] },
    );

    const gcs = config.staticFiles.gcs;
    const gcsBuckets = gcs.buckets.map(
        (b) =>
            new EncryptedGcsBucket(
                `gcs-${b.key}`,
                {
                    bucketName: b.name,
                    project: config.gcp.project,
                    location: config.gcp.region,
                    keyRotationDays: gcs.keyRotationDays,
                    softDeleteRetentionDays: gcs.softDeleteRetentionDays,
                    waitFor: providers.gcpServices.for("cloudkms", "storage"),
                },
                { providers: [providers.gcp] },
            ),
    );
    new StorageDataAccessAudit(
        "gcs-data-access-audit",
        { project: config.gcp.project, waitFor: providers.gcpServices.for("cloudresourcemanager", "logging") },
        { providers: [providers.gcp] },
    );
    // The Data Access logs above, kept the audit retention in Australia (`_Default` keeps them 30 days).
    new DataAccessLogBucket(
        "gcs-data-access-logs",
        {
            project: config.gcp.project,
            location: config.gcp.region,
            retentionDays: config.audit.retentionDays,
            waitFor: providers.gcpServices.for("logging"),
        },
        { providers: [providers.gcp] },
    );

    const outputs = {
        s3Buckets: Object.fromEntries(s3.buckets.map((b, i) => [b.key, { name: s3Buckets[i]!.bucketName, arn: s3Buckets[i]!.bucketArn }])),
        s3AccessLogBucket: accessLogs.bucketName,
        auditTrail: { arn: trail.trailArn, bucket: trail.bucket.bucketName },
        gcsBuckets: Object.fromEntries(gcs.buckets.map((b, i) => [b.key, { name: gcsBuckets[i]!.bucketName, url: gcsBuckets[i]!.url }])),
    };
    return { outputs, auditBucket: trail.bucket };
}
