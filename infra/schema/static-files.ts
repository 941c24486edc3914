/** Stack config for static files (data policy §02 "Static Files: … AWS S3 and Google Cloud Buckets"). */
import { z } from "zod";
import { ACCESS_LOG_RETENTION_DAYS } from "../rules/access-log-retention";
import { MAX_KEY_ROTATION_DAYS } from "../rules/key-rotation";
import { intBetween, logicalKey, purpose, uniqueKeys } from "./common";

export const s3BucketName = z
    .string({ error: "an S3 bucket name: 3–63 lower-case letters, digits, '-' and '.', starting and ending with a letter or digit" })
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
        error: "an S3 bucket name: 3–63 lower-case letters, digits, '-' and '.', starting and ending with a letter or digit",
    })
    .refine((n) => !n.includes(".."), { error: "an S3 bucket name without '..'" });

const gcsBucketName = z
    .string({ error: "a Cloud Storage bucket name: 3–63 lower-case letters, digits, '-' and '_', starting and ending with a letter or digit" })
    .regex(/^[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]$/, {
        error: "a Cloud Storage bucket name: 3–63 lower-case letters, digits, '-' and '_', starting and ending with a letter or digit",
    })
    .refine((n) => !n.startsWith("goog") && !n.includes("google"), { error: "a Cloud Storage bucket name without 'goog' prefix or 'google'" });

const bucketEntry = <N extends z.ZodType<string>>(name: N) =>
    z.strictObject({
        /** Logical key, part of the URN: never change it for a deployed bucket. */
        key: logicalKey,
        /** Globally unique bucket name. */
        name,
        /** What the bucket holds. */
        purpose,
    });

/** `data-platform:staticFiles` */
export const staticFilesSchema = z.strictObject({
    s3: z.strictObject({
        buckets: z
            .array(bucketEntry(s3BucketName), { error: "a list of buckets, each {key, name, purpose}" })
            .min(1, { error: "at least one bucket" })
            .superRefine(uniqueKeys),
        /** Name of the bucket that receives S3 server access logs for the buckets above. */
        accessLogBucketName: s3BucketName,
        /** How long S3 server access logs are kept (infra/rules/access-log-retention.ts). Default 365 days. */
        accessLogRetentionDays: intBetween(
            ACCESS_LOG_RETENTION_DAYS.min,
            ACCESS_LOG_RETENTION_DAYS.max,
            "access logs are the audit trail of data policy §10",
        ).default(ACCESS_LOG_RETENTION_DAYS.default),
    }),
    gcs: z.strictObject({
        buckets: z
            .array(bucketEntry(gcsBucketName), { error: "a list of buckets, each {key, name, purpose}" })
            .min(1, { error: "at least one bucket" })
            .superRefine(uniqueKeys),
        /** Rotation period of each bucket's Cloud KMS key: at most, and by default, the rule's maximum (infra/rules/key-rotation.ts). */
        keyRotationDays: intBetween(1, MAX_KEY_ROTATION_DAYS, `CIS GCP Foundations requires KMS key rotation at least every ${MAX_KEY_ROTATION_DAYS} days`).default(
            MAX_KEY_ROTATION_DAYS,
        ),
        /** How long deleted objects stay recoverable. Default 7 days (the Cloud Storage default). */
        softDeleteRetentionDays: intBetween(7, 90, "Cloud Storage accepts 7 to 90 days of soft delete").default(7),
    }),
});
export type StaticFilesConfig = z.infer<typeof staticFilesSchema>;
