import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

/**
 * Continuous cloud backup (point-in-time restore) is on for every cluster. Daily snapshots alone can lose up to a
 * day of writes; §06 promises that backups "can be restored in the event of data loss", and point-in-time restore
 * is what brings a cluster back to the minute before the loss (the restore procedure in docs/operational-data.md
 * relies on it). The legacy `mongodbatlas.Cluster` has the same `pitEnabled` flag and is judged too: a program that
 * declared one instead of an AdvancedCluster must not slip past (atlas-clusters-in-australia accepts both).
 */
export const atlasClusterPitEnabled = resourcePolicy({
    name: "atlas-cluster-pit-enabled",
    description: "Atlas clusters must have continuous cloud backup (point-in-time restore) enabled.",
    clauses: ["06.operational-backup"],
    severity: "high",
    remediation: "Set `pitEnabled: true` (with `backupEnabled: true`) on the mongodbatlas.AdvancedCluster (or, on a legacy mongodbatlas.Cluster, `pitEnabled: true` with `cloudBackup: true`).",
    types: [...T.atlasAdvancedCluster, ...T.atlasLegacyCluster],
    validate: (args, report) => {
        if (args.props.pitEnabled !== true) {
            report(`Atlas cluster ${args.name} does not have point-in-time restore enabled (pitEnabled must be true).`);
        }
    },
});
