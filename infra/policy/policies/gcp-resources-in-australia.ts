import { AU_GCP_REGIONS, isOneOf } from "../facts/residency";
import { resourcePolicy } from "../lib/define";
import { present } from "../lib/props";
import { T } from "../lib/tokens";

/**
 * Every Google Cloud resource with a location is in Australia: bucket and key-ring `location`, any regional
 * resource's `region`, and the provider's default region. Multi-regions (`ASIA`, `US`) and dual-regions outside
 * Australia are refused because they keep copies abroad. Comparison ignores case (GCS reports `AUSTRALIA-…`).
 */
export const gcpResourcesInAustralia = resourcePolicy<{ allowedLocations: string[] }>({
    name: "gcp-resources-in-australia",
    description: "Google Cloud providers and resources must use an Australian location.",
    clauses: ["02.static-files", "08.secure-transfers"],
    severity: "critical",
    remediation: `Set the location/region to one of ${AU_GCP_REGIONS.join(", ")}.`,
    config: { allowedLocations: { type: "array", items: { type: "string" }, minItems: 1 } },
    defaults: { allowedLocations: [...AU_GCP_REGIONS] },
    validate: (args, report, { allowedLocations }) => {
        const allowed = `allowed: ${allowedLocations.join(", ")}`;
        if (args.type === T.gcpProvider) {
            if (!present(args.props, "region")) {
                report(`The Google Cloud provider ${args.name} has no explicit region (${allowed}).`);
            } else if (!isOneOf(args.props.region, allowedLocations)) {
                report(`The Google Cloud provider ${args.name} uses region ${args.props.region} (${allowed}).`);
            }
            return;
        }
        if (!args.type.startsWith("gcp:")) {
            args.notApplicable("not a Google Cloud resource");
        }
        for (const key of ["location", "region"] as const) {
            if (present(args.props, key)) {
                const v = String(args.props[key]);
                if (v !== "global" && !isOneOf(v, allowedLocations)) {
                    report(`${args.type} ${args.name} has ${key} ${v} (${allowed}).`);
                }
            }
        }
    },
});
