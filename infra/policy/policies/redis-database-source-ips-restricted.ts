import { networkAccessProblem, PRIVATE_MIN_PREFIX, PUBLIC_MIN_PREFIX } from "../facts/network";
import { networkLimitsTunables, resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

/**
 * A Redis Cloud database is reachable only from named networks. An empty `sourceIps` means "any address" in
 * Redis Cloud, so the list must be present, and every entry pass the same rule as config validation
 * (infra/network.ts), with the limits as pack config.
 */
export const redisDatabaseSourceIpsRestricted = resourcePolicy<{ privateMinPrefix: number; publicMinPrefix: number }>({
    name: "redis-database-source-ips-restricted",
    description: "Redis Cloud databases must accept connections only from named networks.",
    clauses: ["03.tenant-data-access", "05.encryption-and-access-control"],
    severity: "critical",
    remediation: "Set `sourceIps` to the CIDR blocks of the application networks (never 0.0.0.0/0).",
    types: T.redisDatabase,
    ...networkLimitsTunables(PRIVATE_MIN_PREFIX, PUBLIC_MIN_PREFIX),
    validate: (args, report, limits) => {
        const ips: unknown[] = args.props.sourceIps ?? [];
        if (ips.length === 0) {
            report(`Redis database ${args.name} has no sourceIps, so it accepts connections from any address.`);
        }
        for (const cidr of ips) {
            const problem = networkAccessProblem(String(cidr), limits);
            if (problem) report(`Redis database ${args.name} accepts connections from ${String(cidr)}: ${problem}.`);
        }
    },
});
