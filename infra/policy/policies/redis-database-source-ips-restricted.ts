import { resourcePolicy } from "../lib/define";
import { T } from "../lib/types";

/**
 * A Redis Cloud database is reachable only from named networks. An empty `sourceIps` means "any address" in
 * Redis Cloud, so the list must be present and every entry narrower than the configured prefix.
 */
export const redisDatabaseSourceIpsRestricted = resourcePolicy<{ minPrefixLength: number }>({
    name: "redis-database-source-ips-restricted",
    description: "Redis Cloud databases must accept connections only from named networks.",
    clauses: ["03.tenant-data-access", "05.encryption-and-access-control"],
    severity: "critical",
    remediation: "Set `sourceIps` to the CIDR blocks of the application networks (never 0.0.0.0/0).",
    types: T.redisDatabase,
    config: { minPrefixLength: { type: "integer", minimum: 0, maximum: 32 } },
    defaults: { minPrefixLength: 8 },
    validate: (args, report, { minPrefixLength }) => {
        const ips: unknown[] = args.props.sourceIps ?? [];
        if (ips.length === 0) {
            report(`Redis database ${args.name} has no sourceIps, so it accepts connections from any address.`);
        }
        for (const cidr of ips) {
            const prefix = Number(String(cidr).split("/")[1]);
            if (!(prefix >= minPrefixLength)) {
                report(`Redis database ${args.name} accepts connections from ${String(cidr)}; ranges wider than /${minPrefixLength} are refused.`);
            }
        }
    },
});
