import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { peek } from "../lib/props";
import { describeBucket, s3Stack } from "../lib/s3";
import { T, isOneOfTypes } from "../lib/tokens";

const AWS_MANAGED_KEY = /(^|:)alias\/aws\//;

/**
 * Each bucket's default encryption is SSE-KMS (or DSSE-KMS) with a customer-managed key, and SSE-KMS uses an
 * S3 Bucket Key. The key is customer-managed when the encryption config takes it from an aws.kms.Key of this
 * stack (by reference, known at preview) or names a key that is not an AWS-managed `alias/aws/…` key.
 *
 * Access-log targets may use SSE-S3 (AES-256) instead: S3 server access logging does not deliver to buckets
 * whose default encryption is SSE-KMS (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html).
 * Like the logging exception, this is derived from the stack (the bucket receives access logs), not declared.
 */
export const awsS3BucketEncryptionCustomerKey = stackPolicy({
    name: "aws-s3-bucket-encryption-customer-key",
    description: "S3 default encryption must be SSE-KMS with a customer-managed key and an S3 Bucket Key.",
    clauses: ["05.industry-standard-encryption", "05.encryption-and-access-control", "02.static-files"],
    subjects: T.s3Bucket,
    severity: "high",
    remediation:
        'Set rules[0].applyServerSideEncryptionByDefault to { sseAlgorithm: "aws:kms", kmsMasterKeyId: <an aws.kms.Key of ' +
        "this stack> } and rules[0].bucketKeyEnabled to true.",
    validate: (args, report, _config, isExempt) => {
        const s3 = s3Stack(args.resources);
        if (s3.buckets.length === 0) {
            args.notApplicable("the stack has no S3 buckets");
        }
        for (const bucket of s3.buckets) {
            if (isExempt(bucket)) continue;
            for (const enc of s3.encryptionOf(bucket)) {
                const problem = encryptionProblem(enc, s3.isAccessLogTarget(bucket));
                if (problem) report(`${describeBucket(s3, bucket)}: ${problem}`, bucket.urn);
            }
        }
    },
});

function encryptionProblem(enc: PolicyResource, isLogTarget: boolean): string | undefined {
    const rule = enc.props.rules?.[0];
    const algorithm = rule?.applyServerSideEncryptionByDefault?.sseAlgorithm;
    if (algorithm === "AES256") {
        return isLogTarget ? undefined : "default encryption is SSE-S3 (AES256), not SSE-KMS with a customer-managed key.";
    }
    if (algorithm !== "aws:kms" && algorithm !== "aws:kms:dsse") {
        return `default encryption algorithm is ${algorithm ?? "(unset)"}; it must be aws:kms or aws:kms:dsse.`;
    }
    const keyId = peek(rule, "applyServerSideEncryptionByDefault.kmsMasterKeyId");
    const fromStackKey = (enc.propertyDependencies["rules"] ?? []).some((d) => isOneOfTypes(d.type, T.kmsKey));
    if (keyId.state === "absent") {
        return "SSE-KMS names no key, so S3 uses the AWS-managed aws/s3 key, not a customer-managed one.";
    }
    if (keyId.state === "known" && AWS_MANAGED_KEY.test(String(keyId.value))) {
        return `SSE-KMS uses the AWS-managed key ${String(keyId.value)}, not a customer-managed one.`;
    }
    if (keyId.state === "unknown" && !fromStackKey) {
        return "SSE-KMS takes its key from something other than an aws.kms.Key of this stack, so it cannot be shown to be customer-managed.";
    }
    if (algorithm === "aws:kms" && rule?.bucketKeyEnabled !== true) {
        return "SSE-KMS is used without an S3 Bucket Key (bucketKeyEnabled must be true).";
    }
    return undefined;
}
