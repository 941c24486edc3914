import { networkAccessProblem, PRIVATE_MIN_PREFIX, PUBLIC_MIN_PREFIX } from "../facts/network";
import { networkLimitsTunables, resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

/**
 * No Atlas project accepts connections from the internet or from an over-broad range: the same rule as config
 * validation (infra/network.ts), with the limits as pack config.
 */
export const atlasAccessListNotOpen = resourcePolicy<{ privateMinPrefix: number; publicMinPrefix: number }>({
    name: "atlas-access-list-not-open",
    description: "Atlas IP access list entries must not open the project to the internet.",
    clauses: ["03.tenant-data-access", "05.encryption-and-access-control"],
    severity: "critical",
    remediation: "Replace the entry with the specific CIDR blocks of your application networks (or use private endpoints).",
    types: T.atlasAccessList,
    ...networkLimitsTunables(PRIVATE_MIN_PREFIX, PUBLIC_MIN_PREFIX),
    validate: (args, report, limits) => {
        const cidr = args.props.cidrBlock;
        const ip = args.props.ipAddress;
        if (ip === "0.0.0.0") {
            report(`Atlas access list entry ${args.name} allows 0.0.0.0 (any address).`);
        }
        if (typeof cidr === "string") {
            const problem = networkAccessProblem(cidr, limits);
            if (problem) report(`Atlas access list entry ${args.name} allows ${cidr}: ${problem}.`);
        }
    },
});
