import { DAILY_BACKUP_RETENTION_DAYS } from "../facts/rules/backup-retention";
import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

const DAYS_PER_UNIT: Record<string, number> = { days: 1, weeks: 7, months: 31, years: 365 };

/** The schedule takes a snapshot every day and keeps each for exactly the published retention period (infra/rules/backup-retention.ts). */
export const atlasBackupDailyRetention = resourcePolicy<{ dailyRetentionDays: number }>({
    name: "atlas-backup-daily-retention",
    description: `Atlas backup schedules must snapshot daily and keep daily snapshots for the published ${DAILY_BACKUP_RETENTION_DAYS} days.`,
    clauses: ["06.operational-backup", "02.operational-data"],
    severity: "critical",
    remediation: `Set \`policyItemDaily: { frequencyInterval: 1, retentionUnit: "days", retentionValue: ${DAILY_BACKUP_RETENTION_DAYS} }\` on the mongodbatlas.CloudBackupSchedule.`,
    types: T.atlasBackupSchedule,
    config: { dailyRetentionDays: { type: "integer", minimum: 1 } },
    defaults: { dailyRetentionDays: DAILY_BACKUP_RETENTION_DAYS },
    validate: (args, report, { dailyRetentionDays }) => {
        const daily = args.props.policyItemDaily;
        if (daily === undefined) {
            report(`Backup schedule ${args.name} has no daily policy item.`);
            return;
        }
        if (daily.frequencyInterval !== 1) {
            report(`Backup schedule ${args.name} takes its daily snapshot every ${daily.frequencyInterval} day(s); it must be every day (frequencyInterval 1).`);
        }
        const perUnit = DAYS_PER_UNIT[daily.retentionUnit];
        const days = perUnit === undefined ? undefined : perUnit * Number(daily.retentionValue);
        if (days !== dailyRetentionDays) {
            report(
                `Backup schedule ${args.name} keeps daily snapshots for ${daily.retentionValue} ${daily.retentionUnit}; ` +
                    `the data policy requires ${dailyRetentionDays} days.`,
            );
        }
    },
});
