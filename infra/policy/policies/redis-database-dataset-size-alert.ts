import { resourcePolicy } from "../lib/define";
import { isUnknownValue, peek } from "../lib/props";
import { T } from "../lib/tokens";

/**
 * Every Redis database has a `dataset-size` alert: keys written without a TTL are never evicted under the
 * `volatile-*` policies, so a growing dataset is the first sign that ephemeral data outlives its 24-hour window
 * (§06) and the automated signal §09 asks for. A resource policy, not a stack policy: Redis Cloud alerts are blocks
 * of the database itself (`alerts`), not resources of their own. The threshold is a percentage of the memory limit,
 * so a value above 100 can never fire.
 */
export const redisDatabaseDatasetSizeAlert = resourcePolicy({
    name: "redis-database-dataset-size-alert",
    description: "Redis Cloud databases must have a dataset-size alert.",
    clauses: ["09.integrity-monitoring", "06.ephemeral-retention"],
    severity: "medium",
    remediation: 'Add `{ name: "dataset-size", value: <1–100> }` to the rediscloud.SubscriptionDatabase\'s `alerts`.',
    types: T.redisDatabase,
    validate: (args, report) => {
        // Read through `peek`, not `args.props.alerts`: a plain read of an unknown value throws inside the policy
        // proxy and turns this mandatory check into the runtime's advisory, i.e. a pass at preview. Unknown alerts
        // (or an unknown alert, name or value) are a finding instead, as elsewhere in the pack.
        const peeked = peek(args.props, "alerts");
        const unknownAlert = (a: unknown) => isUnknownValue(a) || peek(a, "name").state === "unknown" || peek(a, "value").state === "unknown";
        if (peeked.state === "unknown" || (peeked.state === "known" && Array.isArray(peeked.value) && peeked.value.some(unknownAlert))) {
            report(`Redis database ${args.name} has alerts not known until the update runs, so its dataset-size alert cannot be shown; take them from config or a literal.`);
            return;
        }
        const alerts = (peeked.state === "known" && Array.isArray(peeked.value) ? peeked.value : []) as { name?: unknown; value?: unknown }[];
        const datasetSize = alerts.filter((a) => a.name === "dataset-size");
        if (datasetSize.length === 0) {
            report(`Redis database ${args.name} has no dataset-size alert.`);
            return;
        }
        if (!datasetSize.some((a) => typeof a.value === "number" && a.value >= 1 && a.value <= 100)) {
            report(`Redis database ${args.name} has a dataset-size alert at ${datasetSize.map((a) => String(a.value)).join(", ")}; it must be a percentage of the memory limit from 1 to 100.`);
        }
    },
});
