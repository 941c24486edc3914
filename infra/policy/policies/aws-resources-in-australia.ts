import { AU_AWS_REGIONS } from "../facts/residency";
import { resourcePolicy } from "../lib/define";
import { present } from "../lib/props";
import { T } from "../lib/tokens";

/**
 * Every AWS resource lands in an Australian region: the provider's `region`, and the per-resource `region`
 * override that @pulumi/aws v7 added to most resources ("Enhanced Region Support"), which beats the provider's.
 * The policy reads the provider through `args.provider`, so a resource on the default provider is checked
 * against the stack's `aws:region` too.
 */
export const awsResourcesInAustralia = resourcePolicy<{ allowedRegions: string[] }>({
    name: "aws-resources-in-australia",
    description: "AWS providers and resources must use an Australian region.",
    clauses: ["02.static-files", "08.secure-transfers"],
    severity: "critical",
    remediation: `Set the AWS provider's region (and any per-resource \`region\`) to one of ${AU_AWS_REGIONS.join(", ")}.`,
    config: { allowedRegions: { type: "array", items: { type: "string" }, minItems: 1 } },
    defaults: { allowedRegions: [...AU_AWS_REGIONS] },
    validate: (args, report, { allowedRegions }) => {
        const allowed = `allowed: ${allowedRegions.join(", ")}`;
        if (args.type === T.awsProvider) {
            if (!present(args.props, "region")) {
                report(`The AWS provider ${args.name} has no explicit region, so it would use whatever AWS_REGION says (${allowed}).`);
            } else if (!allowedRegions.includes(args.props.region)) {
                report(`The AWS provider ${args.name} uses region ${args.props.region} (${allowed}).`);
            }
            return;
        }
        if (!args.type.startsWith("aws:")) {
            args.notApplicable("not an AWS resource");
        }
        if (present(args.props, "region")) {
            if (!allowedRegions.includes(args.props.region)) {
                report(`${args.type} ${args.name} overrides its region to ${args.props.region} (${allowed}).`);
            }
        } else if (args.provider && present(args.provider.props, "region") && !allowedRegions.includes(args.provider.props.region)) {
            report(`${args.type} ${args.name} would be created in ${args.provider.props.region} by provider ${args.provider.name} (${allowed}).`);
        }
    },
});
