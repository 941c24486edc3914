/** Stack config for the audit trails of data policy §10 ("audit logs maintained for accountability"). */
import { z } from "zod";
import { AUDIT_RETENTION_DAYS } from "../rules/audit-retention";
import { intBetween } from "./common";
import type { ConfigIssue } from "./issues";
import { s3BucketName } from "./static-files";

/** `data-platform:audit` */
export const auditSchema = z.strictObject({
    /**
     * Days every audit trail is kept (infra/rules/audit-retention.ts): the CloudTrail bucket's expiry, the Data Access
     * log bucket, the Auth0 log group (rounded up to a CloudWatch value) and the Atlas log export. No default: the
     * number is a decision the stack file records.
     */
    retentionDays: intBetween(
        AUDIT_RETENTION_DAYS.min,
        AUDIT_RETENTION_DAYS.max,
        `the audit trails of data policy §10 are kept at least ${AUDIT_RETENTION_DAYS.min} days`,
    ),
    /** Name of the S3 bucket (in the AWS provider's Australian region) CloudTrail and the Atlas log export deliver to. */
    bucketName: s3BucketName,
    /** Name of the CloudTrail trail (part of its ARN, which the bucket and key policies name). */
    trailName: z
        .string({ error: "a CloudTrail trail name: 3–128 letters, digits, '.', '_' and '-', starting and ending with a letter or digit" })
        .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/, {
            error: "a CloudTrail trail name: 3–128 letters, digits, '.', '_' and '-', starting and ending with a letter or digit",
        }),
});
export type AuditConfig = z.infer<typeof auditSchema>;

/**
 * The Auth0 log stream's partner event source is kept by an event bus and log group of the stack's own AWS provider,
 * so the stream must target that provider's account and region (an event source elsewhere would never be associated,
 * and its events dropped).
 */
export function auditStackChecks(sections: {
    readonly aws: { readonly accountId: string; readonly region: string };
    readonly auth0: { readonly logStream: { readonly awsAccountId: string; readonly awsRegion: string } };
}): ConfigIssue[] {
    const stream = sections.auth0.logStream;
    const issues: ConfigIssue[] = [];
    if (stream.awsAccountId !== sections.aws.accountId) {
        issues.push({
            key: "data-platform:auth0.logStream.awsAccountId",
            value: JSON.stringify(stream.awsAccountId),
            expected: `data-platform:aws.accountId (${JSON.stringify(sections.aws.accountId)}): the stack keeps the audit log stream with its own AWS provider`,
        });
    }
    if (stream.awsRegion !== sections.aws.region) {
        issues.push({
            key: "data-platform:auth0.logStream.awsRegion",
            value: JSON.stringify(stream.awsRegion),
            expected: `data-platform:aws.region (${JSON.stringify(sections.aws.region)}): the stack keeps the audit log stream with its own AWS provider`,
        });
    }
    return issues;
}
