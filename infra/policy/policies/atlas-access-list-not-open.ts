import { resourcePolicy } from "../lib/define";
import { T } from "../lib/types";

/** No Atlas project accepts connections from the whole internet, or from an over-broad range. */
export const atlasAccessListNotOpen = resourcePolicy<{ minPrefixLength: number }>({
    name: "atlas-access-list-not-open",
    description: "Atlas IP access list entries must not open the project to the internet.",
    clauses: ["03.tenant-data-access", "05.encryption-and-access-control"],
    severity: "critical",
    remediation: "Replace the entry with the specific CIDR blocks of your application networks (or use private endpoints).",
    types: T.atlasAccessList,
    config: { minPrefixLength: { type: "integer", minimum: 0, maximum: 32 } },
    defaults: { minPrefixLength: 16 },
    validate: (args, report, { minPrefixLength }) => {
        const cidr = args.props.cidrBlock;
        const ip = args.props.ipAddress;
        if (ip === "0.0.0.0") {
            report(`Atlas access list entry ${args.name} allows 0.0.0.0 (any address).`);
        }
        if (typeof cidr === "string") {
            const prefix = Number(cidr.split("/")[1]);
            if (!(prefix >= minPrefixLength)) {
                report(`Atlas access list entry ${args.name} allows ${cidr}; ranges wider than /${minPrefixLength} are refused.`);
            }
        }
    },
});
