import { stackPolicy } from "../lib/define";
import { T } from "../lib/tokens";
import { describeBucket, s3Stack } from "../lib/s3";

/**
 * In @pulumi/aws v7 a bucket's controls are separate resources, so a bucket can exist without them. This stack
 * policy pairs each bucket with its side resources by reference and flags a bucket missing any of: default
 * encryption, public access block, bucket policy, versioning, ownership controls, access logging.
 *
 * The one structural exception: a bucket that receives other buckets' S3 server access logs needs no access
 * logging of its own (logging a log bucket into itself is a loop AWS advises against, and into another bucket
 * only moves the problem). The exception is derived from the stack, not declared, so it cannot be claimed for a
 * bucket that is not a log target.
 */
export const awsS3BucketControlsPaired = stackPolicy({
    name: "aws-s3-bucket-controls-paired",
    description: "Every S3 bucket must have encryption, a public access block, a bucket policy, versioning, ownership controls and access logging.",
    clauses: ["02.static-files", "05.encryption-and-access-control", "10.staff-access-audit"],
    subjects: T.s3Bucket,
    severity: "critical",
    remediation:
        "Declare the missing aws.s3 side resources for the bucket, passing the bucket itself (not a copied name) as " +
        "`bucket`, or use the EncryptedS3Bucket component, which declares all of them.",
    validate: (args, report, _config, isExempt) => {
        const s3 = s3Stack(args.resources);
        if (s3.buckets.length === 0) {
            args.notApplicable("the stack has no S3 buckets");
        }
        for (const bucket of s3.buckets) {
            if (isExempt(bucket)) continue;
            const missing: string[] = [];
            if (s3.encryptionOf(bucket).length === 0) missing.push("default encryption (BucketServerSideEncryptionConfiguration)");
            if (s3.publicAccessBlockOf(bucket).length === 0) missing.push("a public access block (BucketPublicAccessBlock)");
            if (s3.policyOf(bucket).length === 0) missing.push("a bucket policy (BucketPolicy)");
            if (s3.versioningOf(bucket).length === 0) missing.push("versioning (BucketVersioning)");
            if (s3.ownershipOf(bucket).length === 0) missing.push("ownership controls (BucketOwnershipControls)");
            if (s3.loggingOf(bucket).length === 0 && !s3.isAccessLogTarget(bucket)) missing.push("access logging (BucketLogging)");
            if (missing.length > 0) {
                report(`${describeBucket(s3, bucket)} is missing ${missing.join(", ")}.`, bucket.urn);
            }
        }
    },
});
