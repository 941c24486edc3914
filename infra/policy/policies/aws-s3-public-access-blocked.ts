import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

const SETTINGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/** All four S3 Block Public Access settings are on (Security Hub S3.8, CIS AWS 2.1.4). */
export const awsS3PublicAccessBlocked = resourcePolicy({
    name: "aws-s3-public-access-blocked",
    description: "An S3 bucket's public access block must turn on all four settings.",
    clauses: ["03.tenant-data-access", "05.encryption-and-access-control"],
    severity: "critical",
    remediation: `Set ${SETTINGS.join(", ")} to true on the aws.s3.BucketPublicAccessBlock.`,
    types: T.s3PublicAccessBlock,
    validate: (args, report) => {
        const off = SETTINGS.filter((s) => args.props[s] !== true);
        if (off.length > 0) {
            report(`Public access block ${args.name} leaves ${off.join(", ")} off; all four must be true.`);
        }
    },
});
