import { AU_REDIS_REGIONS } from "../facts/residency";
import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

/** Ephemeral pub/sub data stays in Australia: every region of every Redis Cloud subscription. */
export const redisSubscriptionsInAustralia = resourcePolicy<{ allowedRegions: string[] }>({
    name: "redis-subscriptions-in-australia",
    description: "Redis Cloud subscriptions must deploy only to Australian regions.",
    clauses: ["02.ephemeral-data", "08.secure-transfers"],
    severity: "critical",
    remediation: `Use only ${AU_REDIS_REGIONS.join(", ")} in cloudProvider.regions[].region.`,
    types: T.redisSubscription,
    config: { allowedRegions: { type: "array", items: { type: "string" }, minItems: 1 } },
    defaults: { allowedRegions: [...AU_REDIS_REGIONS] },
    validate: (args, report, { allowedRegions }) => {
        const regions: any[] = args.props.cloudProvider?.regions ?? [];
        if (regions.length === 0) {
            report(`Redis subscription ${args.name} declares no region.`);
        }
        regions.forEach((r, i) => {
            if (!allowedRegions.includes(r.region)) {
                report(`Redis subscription ${args.name}: cloudProvider.regions[${i}].region is ${r.region ?? "(unset)"} (allowed: ${allowedRegions.join(", ")}).`);
            }
        });
    },
});
