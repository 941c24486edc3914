import { stackPolicy } from "../lib/define";
import { knownString, Pairing } from "../lib/pairing";
import { T, isOneOfTypes } from "../lib/tokens";

/**
 * Every Atlas cluster has a CloudBackupSchedule of this stack. Without one, Atlas applies its default policy,
 * whose daily retention is not the published 30 days. Paired by reference (the schedule's `clusterName` comes
 * from the cluster) or, failing that, by the cluster's known name.
 */
export const atlasClusterHasBackupSchedule = stackPolicy({
    name: "atlas-cluster-has-backup-schedule",
    description: "Every Atlas cluster must have a backup schedule declared in the stack.",
    clauses: ["06.operational-backup", "02.operational-data"],
    subjects: T.atlasAdvancedCluster,
    severity: "critical",
    remediation: "Declare a mongodbatlas.CloudBackupSchedule whose clusterName is the cluster's name output.",
    validate: (args, report, _config, isExempt) => {
        const clusters = args.resources.filter((r) => isOneOfTypes(r.type, T.atlasAdvancedCluster));
        if (clusters.length === 0) {
            args.notApplicable("the stack has no Atlas clusters");
        }
        const schedules = new Pairing(args.resources.filter((r) => isOneOfTypes(r.type, T.atlasBackupSchedule)), "clusterName");
        for (const cluster of clusters) {
            if (isExempt(cluster)) continue;
            if (schedules.of(cluster, knownString(cluster, "name")).length === 0) {
                report(`Atlas cluster ${cluster.name} has no CloudBackupSchedule in this stack.`, cluster.urn);
            }
        }
    },
});
