import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

/** Versioning keeps every object's history, so an overwrite or delete can be undone (Security Hub S3.14). */
export const awsS3VersioningEnabled = resourcePolicy({
    name: "aws-s3-versioning-enabled",
    description: "S3 bucket versioning must be Enabled.",
    clauses: ["09.integrity-monitoring", "02.static-files"],
    severity: "medium",
    remediation: 'Set `versioningConfiguration: { status: "Enabled" }` on the aws.s3.BucketVersioning.',
    types: T.s3Versioning,
    validate: (args, report) => {
        const status = args.props.versioningConfiguration?.status;
        if (status !== "Enabled") {
            report(`Bucket versioning ${args.name} has status ${status ?? "(unset)"}; it must be Enabled.`);
        }
    },
});
