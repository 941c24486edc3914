/**
 * How long the audit trails of the data stores are kept (data policy §10 "audit logs maintained for
 * accountability"): the CloudTrail trail's bucket, the Google Cloud Data Access log bucket, the Auth0 log group and
 * the Atlas log export all read one config value (`data-platform:audit.retentionDays`). The floor is 400 days, as
 * for the S3 access logs: a year of history plus a quarter to notice an incident and investigate it. The ceiling,
 * ten years, is the most a Cloud Logging bucket keeps (3650 days).
 *
 * Read by the config schema, the audit components and the policy pack (the floor lives here only).
 */
export const AUDIT_RETENTION_DAYS = { min: 400, max: 3650 } as const;

/** The rule in words, for messages. */
export const AUDIT_RETENTION_RULE =
    `a whole number from ${AUDIT_RETENTION_DAYS.min} to ${AUDIT_RETENTION_DAYS.max}; the audit trails of data policy §10 are kept at least ${AUDIT_RETENTION_DAYS.min} days`;

/** `true` when `days` is an allowed audit retention. */
export function isAllowedAuditRetention(days: number): boolean {
    return Number.isInteger(days) && days >= AUDIT_RETENTION_DAYS.min && days <= AUDIT_RETENTION_DAYS.max;
}

/**
 * The retention periods a CloudWatch log group accepts (PutRetentionPolicy: any other value is refused), in days.
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
 */
export const CLOUDWATCH_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/**
 * The shortest CloudWatch retention that keeps logs at least `days` (CloudWatch cannot keep exactly 500 days, so
 * a log group keeps 545). Every allowed audit retention has one: the largest CloudWatch value, 3653, is above the
 * ceiling.
 */
export function cloudWatchRetentionAtLeast(days: number): number {
    const found = CLOUDWATCH_RETENTION_DAYS.find((d) => d >= days);
    if (found === undefined) throw new Error(`no CloudWatch log retention keeps ${days} days (at most ${CLOUDWATCH_RETENTION_DAYS.at(-1)})`);
    return found;
}
