import { resourcePolicy } from "../lib/define";
import { present } from "../lib/props";
import { T } from "../lib/tokens";

/**
 * A bucket encrypts new objects with a customer-managed Cloud KMS key by default. The key's id is usually
 * unknown at preview (created in the same update), so the check is for presence; `gcp-resources-in-australia`
 * and `gcp-kms-key-rotation` check the key itself.
 */
export const gcpStorageBucketCmek = resourcePolicy({
    name: "gcp-storage-bucket-cmek",
    description: "Cloud Storage buckets must encrypt objects with a customer-managed KMS key by default.",
    clauses: ["05.industry-standard-encryption", "05.encryption-and-access-control", "02.static-files"],
    severity: "high",
    remediation: "Set `encryption: { defaultKmsKeyName: <gcp.kms.CryptoKey id> }` on the gcp.storage.Bucket.",
    types: T.gcsBucket,
    validate: (args, report) => {
        if (!present(args.props, "encryption.defaultKmsKeyName")) {
            report(`Cloud Storage bucket ${args.name} has no default customer-managed key (encryption.defaultKmsKeyName).`);
        }
    },
});
