import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

/** Cloud Backup is on for every cluster: the precondition of the daily, 30-day backups of §02 and §06. */
export const atlasClusterBackupEnabled = resourcePolicy({
    name: "atlas-cluster-backup-enabled",
    description: "Atlas clusters must have Cloud Backup enabled.",
    clauses: ["06.operational-backup", "02.operational-data"],
    severity: "critical",
    remediation: "Set `backupEnabled: true` on the mongodbatlas.AdvancedCluster.",
    types: T.atlasAdvancedCluster,
    validate: (args, report) => {
        if (args.props.backupEnabled !== true) {
            report(`Atlas cluster ${args.name} does not have Cloud Backup enabled (backupEnabled must be true).`);
        }
    },
});
