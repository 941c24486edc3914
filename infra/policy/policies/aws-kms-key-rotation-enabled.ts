import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

/**
 * Customer-managed KMS keys rotate (CIS AWS 3.6, Security Hub KMS.4) and stay single-Region: a multi-Region
 * key replicates its key material to other Regions, outside Australia.
 */
export const awsKmsKeyRotationEnabled = resourcePolicy({
    name: "aws-kms-key-rotation-enabled",
    description: "Customer-managed KMS keys must rotate automatically and must be single-Region.",
    clauses: ["05.industry-standard-encryption", "05.encryption-and-access-control"],
    severity: "high",
    remediation: "Set `enableKeyRotation: true` and leave `multiRegion` unset or false on the aws.kms.Key.",
    types: T.kmsKey,
    validate: (args, report) => {
        const spec = args.props.customerMasterKeySpec ?? "SYMMETRIC_DEFAULT";
        if (spec === "SYMMETRIC_DEFAULT" && args.props.enableKeyRotation !== true) {
            report(`KMS key ${args.name} does not rotate: enableKeyRotation must be true.`);
        }
        if (args.props.multiRegion === true) {
            report(`KMS key ${args.name} is multi-Region, which replicates its key material outside Australia.`);
        }
    },
});
