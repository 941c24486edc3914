import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

/** Object versioning keeps overwritten and deleted objects recoverable. */
export const gcpStorageBucketVersioningEnabled = resourcePolicy({
    name: "gcp-storage-bucket-versioning-enabled",
    description: "Cloud Storage buckets must have object versioning enabled.",
    clauses: ["09.integrity-monitoring", "02.static-files"],
    severity: "medium",
    remediation: "Set `versioning: { enabled: true }` on the gcp.storage.Bucket.",
    types: T.gcsBucket,
    validate: (args, report) => {
        if (args.props.versioning?.enabled !== true) {
            report(`Cloud Storage bucket ${args.name} does not have versioning enabled.`);
        }
    },
});
