import { resourcePolicy } from "../lib/define";
import { present } from "../lib/props";
import { T } from "../lib/tokens";

/**
 * Ephemeral data is "not backed up or retained beyond … 24 hours": no persistence to disk (AOF or snapshots)
 * and no backup of any kind. `dataPersistence` must say "none" explicitly rather than rely on a default.
 */
export const redisDatabaseEphemeral = resourcePolicy({
    name: "redis-database-ephemeral",
    description: "Redis Cloud databases must have no persistence and no backups.",
    clauses: ["06.ephemeral-retention", "02.ephemeral-data"],
    severity: "critical",
    remediation: 'Set `dataPersistence: "none"` and remove `remoteBackup` and `periodicBackupPath` from the rediscloud.SubscriptionDatabase.',
    types: T.redisDatabase,
    validate: (args, report) => {
        if (args.props.dataPersistence !== "none") {
            report(`Redis database ${args.name} has dataPersistence ${args.props.dataPersistence ?? "(unset)"}; it must be "none".`);
        }
        if (present(args.props, "remoteBackup")) {
            report(`Redis database ${args.name} configures a remote backup; ephemeral data must never be backed up.`);
        }
        if (present(args.props, "periodicBackupPath")) {
            report(`Redis database ${args.name} configures periodicBackupPath; ephemeral data must never be backed up.`);
        }
    },
});
