/**
 * Composition root: read and validate the stack config (nothing is registered if it is wrong), build one
 * explicit provider per cloud, create the components each clause of the data policy asks for, export outputs.
 *
 * Every resource uses an explicit provider built here from validated config; `Pulumi.<stack>.yaml` sets
 * `pulumi:disable-default-providers: ["*"]`, so a resource that forgot its provider fails instead of landing in
 * whatever region the environment points at.
 */
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { EncryptedGcsBucket, labelValue } from "./components/static-files/encrypted-gcs-bucket";
import { EncryptedS3Bucket } from "./components/static-files/encrypted-s3-bucket";
import { StorageDataAccessAudit } from "./components/static-files/storage-data-access-audit";
import { loadConfig } from "./config";

export = async function main() {
    const config = loadConfig();
    const stack = pulumi.getStack();
    const project = pulumi.getProject();

    // ---- Providers (one per cloud, pinned to validated Australian regions) --------------------------------
    const awsProvider = new aws.Provider("aws-au", {
        region: config.aws.region,
        allowedAccountIds: [config.aws.accountId],
        defaultTags: { tags: { "managed-by": "pulumi", "pulumi-project": project, "pulumi-stack": stack } },
    });
    const gcpProvider = new gcp.Provider("gcp-au", {
        project: config.gcp.project,
        region: config.gcp.region,
        defaultLabels: { "managed-by": "pulumi", "pulumi-project": labelValue(project), "pulumi-stack": labelValue(stack) },
    });

    // ---- Static files: S3 (§02, §05, §10) ------------------------------------------------------------------
    const s3 = config.staticFiles.s3;
    const accessLogs = new EncryptedS3Bucket(
        "s3-access-logs",
        {
            bucketName: s3.accessLogBucketName,
            purpose: "S3 server access logs of the static-file buckets",
            role: {
                kind: "access-log-target",
                sourceBucketNames: s3.buckets.map((b) => b.name),
                sourceAccountId: config.aws.accountId,
                retentionDays: s3.accessLogRetentionDays,
            },
        },
        { providers: [awsProvider] },
    );
    const s3Buckets = s3.buckets.map(
        (b) =>
            new EncryptedS3Bucket(
                `s3-${b.key}`,
                { bucketName: b.name, purpose: b.purpose, role: { kind: "data", accessLogs: { bucketName: accessLogs.bucketName } } },
                { providers: [awsProvider] },
            ),
    );

    // ---- Static files: Cloud Storage (§02, §05, §10) -----------------------------------------------------
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
                },
                { providers: [gcpProvider] },
            ),
    );
    new StorageDataAccessAudit("gcs-data-access-audit", { project: config.gcp.project }, { providers: [gcpProvider] });

    return {
        s3Buckets: Object.fromEntries(s3.buckets.map((b, i) => [b.key, { name: s3Buckets[i]!.bucketName, arn: s3Buckets[i]!.bucketArn }])),
        s3AccessLogBucket: accessLogs.bucketName,
        gcsBuckets: Object.fromEntries(gcs.buckets.map((b, i) => [b.key, { name: gcsBuckets[i]!.bucketName, url: gcsBuckets[i]!.url }])),
    };
};
