import { resourcePolicy } from "../lib/define";
import { peek } from "../lib/props";
import { T } from "../lib/tokens";

/**
 * Soft delete keeps a deleted object (and a deleted bucket's objects) recoverable for its retention period, even
 * when versioning is bypassed by deleting every version. A retention of 0 seconds is Cloud Storage's way of turning
 * it off; an absent `softDeletePolicy` keeps the 7-day default, and Cloud Storage refuses any other value below
 * 7 days, so 0 is the only setting to refuse. Static files are tenants' documents and media, and the stack holds
 * them to §06's "can be restored in the event of data loss" as it does operational data.
 */
export const gcpStorageBucketSoftDeleteOn = resourcePolicy({
    name: "gcp-storage-bucket-soft-delete-on",
    description: "Cloud Storage buckets must not turn soft delete off.",
    clauses: ["06.operational-backup", "02.static-files"],
    severity: "high",
    remediation: "Remove `softDeletePolicy`, or set `softDeletePolicy.retentionDurationSeconds` to at least 604800 (7 days), on the gcp.storage.Bucket.",
    types: T.gcsBucket,
    validate: (args, report) => {
        const retention = peek(args.props, "softDeletePolicy.retentionDurationSeconds");
        if (retention.state === "known" && Number(retention.value) === 0) {
            report(`Cloud Storage bucket ${args.name} turns soft delete off (softDeletePolicy.retentionDurationSeconds is 0).`);
        }
    },
});
