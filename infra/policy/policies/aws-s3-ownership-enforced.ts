import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

/** ACLs are disabled: the bucket owner owns every object (Security Hub S3.12), so access is IAM/policy only. */
export const awsS3OwnershipEnforced = resourcePolicy({
    name: "aws-s3-ownership-enforced",
    description: "S3 object ownership must be BucketOwnerEnforced so that ACLs are disabled.",
    clauses: ["03.rbac", "05.encryption-and-access-control"],
    severity: "high",
    remediation: 'Set `rule: { objectOwnership: "BucketOwnerEnforced" }` on the aws.s3.BucketOwnershipControls.',
    types: T.s3Ownership,
    validate: (args, report) => {
        const ownership = args.props.rule?.objectOwnership;
        if (ownership !== "BucketOwnerEnforced") {
            report(`Ownership controls ${args.name} set objectOwnership to ${ownership ?? "(unset)"}; it must be BucketOwnerEnforced.`);
        }
    },
});
