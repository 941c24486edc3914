/**
 * How long S3 server access logs are kept: they are the audit trail of who read or changed static files (data
 * policy §10 "audit logs maintained for accountability"), so at least 90 days, at most ten years; 365 unless
 * config says otherwise.
 *
 * Read by the config schema (`data-platform:staticFiles.s3.accessLogRetentionDays`) and by `EncryptedS3Bucket`.
 */
export const ACCESS_LOG_RETENTION_DAYS = { min: 90, max: 3650, default: 365 } as const;

/** The rule in words, for messages. */
export const ACCESS_LOG_RETENTION_RULE =
    `a whole number from ${ACCESS_LOG_RETENTION_DAYS.min} to ${ACCESS_LOG_RETENTION_DAYS.max}; access logs are the audit trail of data policy §10`;

/** `true` when `days` is an allowed retention. */
export function isAllowedAccessLogRetention(days: number): boolean {
    return Number.isInteger(days) && days >= ACCESS_LOG_RETENTION_DAYS.min && days <= ACCESS_LOG_RETENTION_DAYS.max;
}
