/**
 * How long a daily backup of operational data is kept. Data policy §02 and §06: "backed up daily, with a 30-day
 * retention period". Exactly, not "at least": fewer days breaks the promise of restorable backups, and more keeps
 * deleted tenant data longer than the published policy says (and than APP 11.2's "destroy when no longer needed").
 *
 * Read by the config schema (`data-platform:atlas.backup.dailyRetentionDays`), by `ClusterBackups` (which refuses
 * any other figure from a caller that bypasses config) and by the `atlas-backup-daily-retention` policy's default.
 */
export const DAILY_BACKUP_RETENTION_DAYS = 30;

/** The rule in words, for messages. */
export const DAILY_BACKUP_RETENTION_RULE =
    `${DAILY_BACKUP_RETENTION_DAYS}: data policy §02 and §06 publish a ${DAILY_BACKUP_RETENTION_DAYS}-day retention period ` +
    "for daily backups of operational data, so neither fewer nor more days";

/**
 * The fewest days a superseded (noncurrent) version of an object in an S3 data bucket may be kept. A noncurrent
 * version is the only copy an overwritten or deleted static file can be restored from (the stack takes no other
 * backup of the buckets), so it is held to the period §06 publishes for restorable copies: 30 days. A floor, not an
 * exact figure: the data buckets declare no noncurrent expiry today (versions are kept until deleted on purpose),
 * and the policy refuses only an expiry that would make a file unrecoverable sooner than the published period.
 *
 * Read by the `aws-s3-noncurrent-version-retention` policy's default; no stack config sets it, because no data
 * bucket expires noncurrent versions.
 */
export const MIN_NONCURRENT_VERSION_RETENTION_DAYS = DAILY_BACKUP_RETENTION_DAYS;
