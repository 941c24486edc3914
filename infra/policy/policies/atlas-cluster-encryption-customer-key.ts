import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

const CUSTOMER_KEY_PROVIDERS = ["AWS", "GCP", "AZURE"];

/**
 * Atlas always encrypts storage, but with MongoDB's keys unless the cluster uses the project's customer-managed
 * key (Encryption at Rest using Customer Key Management).
 */
export const atlasClusterEncryptionCustomerKey = resourcePolicy({
    name: "atlas-cluster-encryption-customer-key",
    description: "Atlas clusters must encrypt data at rest with a customer-managed key.",
    clauses: ["05.industry-standard-encryption", "02.operational-data"],
    severity: "high",
    remediation: 'Configure mongodbatlas.EncryptionAtRest for the project and set `encryptionAtRestProvider: "AWS"` on the cluster.',
    types: T.atlasAdvancedCluster,
    validate: (args, report) => {
        const provider = args.props.encryptionAtRestProvider;
        if (!CUSTOMER_KEY_PROVIDERS.includes(provider)) {
            report(`Atlas cluster ${args.name} has encryptionAtRestProvider ${provider ?? "(unset)"}; it must be one of ${CUSTOMER_KEY_PROVIDERS.join(", ")}.`);
        }
    },
});
