import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

/**
 * A bucket can never be made public (public access prevention `enforced`, CIS GCP 5.1) and is governed by IAM
 * alone (uniform bucket-level access, CIS GCP 5.2), so object ACLs cannot grant access behind RBAC's back.
 */
export const gcpStorageBucketPrivate = resourcePolicy({
    name: "gcp-storage-bucket-private",
    description: "Cloud Storage buckets must enforce public access prevention and uniform bucket-level access.",
    clauses: ["03.tenant-data-access", "03.rbac", "05.encryption-and-access-control"],
    severity: "critical",
    remediation: 'Set `publicAccessPrevention: "enforced"` and `uniformBucketLevelAccess: true` on the gcp.storage.Bucket.',
    types: T.gcsBucket,
    validate: (args, report) => {
        if (args.props.publicAccessPrevention !== "enforced") {
            report(`Cloud Storage bucket ${args.name} has publicAccessPrevention ${args.props.publicAccessPrevention ?? "(unset, i.e. inherited)"}; it must be enforced.`);
        }
        if (args.props.uniformBucketLevelAccess !== true) {
            report(`Cloud Storage bucket ${args.name} does not use uniform bucket-level access.`);
        }
    },
});
