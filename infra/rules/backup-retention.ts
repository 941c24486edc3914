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
