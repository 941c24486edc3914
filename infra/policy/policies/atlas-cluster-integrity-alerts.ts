import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { peek } from "../lib/props";
import { T, TYPES, isOneOfTypes } from "../lib/tokens";

/** One kind of integrity signal the project must alert on, and the alert configurations that give it. */
interface Watch {
    readonly what: string;
    /** How a matching alert is described in a message. */
    readonly how: string;
    readonly matches: (alert: PolicyResource) => boolean;
    /** Why a matching alert still does not give the signal, beyond {@link problemOf}. */
    readonly problem?: (alert: PolicyResource) => string | undefined;
}

/**
 * The highest disk-space threshold (percent used) a disk-pressure alert may fire at. Above 90 % an Atlas node has
 * too little headroom left for anyone to add storage or free space before writes stop, so a later alert is no
 * warning at all (the prod stack alerts at 80 %, Pulumi.prod.yaml `diskPercent`).
 */
export const MAX_DISK_ALERT_PERCENT = 90;

const diskThresholdProblem = (a: PolicyResource): string | undefined => {
    const t = peek(a.props, "metricThresholdConfig.threshold");
    if (t.state === "unknown") return "has a threshold not known until the update runs";
    if (t.state === "known" && Number(t.value) > MAX_DISK_ALERT_PERCENT) return `fires at ${String(t.value)} %, above ${MAX_DISK_ALERT_PERCENT} %`;
    return undefined;
};

const eventIs = (...types: string[]) => (a: PolicyResource) => {
    const e = peek(a.props, "eventType");
    return e.state === "known" && types.includes(e.value as string);
};
const metricAbove = (...metrics: string[]) => (a: PolicyResource) => {
    if (!eventIs("OUTSIDE_METRIC_THRESHOLD")(a)) return false;
    const metric = peek(a.props, "metricThresholdConfig.metricName");
    const op = peek(a.props, "metricThresholdConfig.operator");
    return metric.state === "known" && metrics.includes(metric.value as string) && op.state === "known" && op.value === "GREATER_THAN";
};

/**
 * The four signals of §09's "monitor data integrity" for a replica set and its backups (Atlas Admin API event
 * types; metric names are Atlas host measurements): a failed snapshot breaks §06's daily backup, no primary means
 * writes are failing, a shrinking oplog window or a lagging secondary means the copies drift apart, and a full disk
 * stops writes. Primary loss and replication lag are separate: either can happen without the other.
 */
export const INTEGRITY_WATCHES: readonly Watch[] = [
    { what: "a failed backup snapshot", how: "CPS_SNAPSHOT_FAILED", matches: eventIs("CPS_SNAPSHOT_FAILED") },
    { what: "the loss of the primary", how: "NO_PRIMARY", matches: eventIs("NO_PRIMARY") },
    {
        what: "replication lag",
        how: "REPLICATION_OPLOG_WINDOW_RUNNING_OUT, or OUTSIDE_METRIC_THRESHOLD on OPLOG_SLAVE_LAG_MASTER_TIME GREATER_THAN",
        matches: (a) => eventIs("REPLICATION_OPLOG_WINDOW_RUNNING_OUT")(a) || metricAbove("OPLOG_SLAVE_LAG_MASTER_TIME")(a),
    },
    {
        what: "disk pressure",
        how: "OUTSIDE_METRIC_THRESHOLD on DISK_PARTITION_SPACE_USED_DATA GREATER_THAN",
        matches: metricAbove("DISK_PARTITION_SPACE_USED_DATA"),
        problem: diskThresholdProblem,
    },
];

/**
 * Every Atlas cluster's project has enabled alert configurations, each with a notification target, for the
 * signals in {@link INTEGRITY_WATCHES}. An alert counts only when `enabled` is true (the provider's default is
 * false: a declared but disabled alert looks like monitoring and is none) and it notifies someone (§09 "addressed
 * promptly" needs a person to hear of it).
 *
 * A cluster and its alerts are matched by project: by reference, following `projectId` through the resources it
 * came from until an Atlas project (the cluster takes its project id from the encryption-at-rest configuration,
 * the alerts from the project), or by the same known `projectId` value when the program passed a literal.
 */
export const atlasClusterIntegrityAlerts = stackPolicy({
    name: "atlas-cluster-integrity-alerts",
    description: "Every Atlas cluster's project must alert on snapshot failure, primary loss, replication lag and disk pressure.",
    clauses: ["09.integrity-monitoring", "06.operational-backup"],
    // The legacy mongodbatlas.Cluster is a cluster too: skipping it would let a program opt out of monitoring by class.
    subjects: [...T.atlasAdvancedCluster, ...T.atlasLegacyCluster],
    severity: "high",
    remediation:
        "Declare enabled mongodbatlas.AlertConfiguration resources on the cluster's project, each with a notification, for " +
        "CPS_SNAPSHOT_FAILED, NO_PRIMARY, REPLICATION_OPLOG_WINDOW_RUNNING_OUT and DISK_PARTITION_SPACE_USED_DATA (IntegrityAlerts does).",
    validate: (args, report, _config, isExempt) => {
        const clusters = args.resources.filter((r) => isOneOfTypes(r.type, T.atlasAdvancedCluster) || isOneOfTypes(r.type, T.atlasLegacyCluster));
        if (clusters.length === 0) {
            args.notApplicable("the stack has no Atlas clusters");
        }
        const byUrn = new Map(args.resources.map((r) => [r.urn, r]));
        const alerts = args.resources.filter((r) => isOneOfTypes(r.type, T.atlasAlertConfiguration));
        const alertProjects = new Map(alerts.map((a) => [a, projectKeys(a, byUrn)]));
        for (const cluster of clusters) {
            if (isExempt(cluster)) continue;
            const keys = projectKeys(cluster, byUrn);
            const ofProject = alerts.filter((a) => [...alertProjects.get(a)!].some((k) => keys.has(k)));
            for (const watch of INTEGRITY_WATCHES) {
                const candidates = ofProject.filter(watch.matches);
                const why_ = (a: PolicyResource) => problemOf(a) ?? watch.problem?.(a);
                if (candidates.some((a) => why_(a) === undefined)) continue;
                const why = candidates.length === 0 ? "no alert configuration matches" : candidates.map((a) => `${a.name} ${why_(a)}`).join("; ");
                report(`Atlas cluster ${cluster.name}: no enabled alert with a notification target on ${watch.what} (${watch.how}) in its project: ${why}.`, cluster.urn);
            }
        }
    },
});

/** Why an alert configuration does not count, or `undefined` when it does. */
function problemOf(alert: PolicyResource): string | undefined {
    const enabled = peek(alert.props, "enabled");
    if (!(enabled.state === "known" && enabled.value === true)) return "is not enabled";
    const notifications = peek(alert.props, "notifications");
    const list = notifications.state === "known" && Array.isArray(notifications.value) ? notifications.value : [];
    if (!list.some(delivers)) return "has no notification target";
    return undefined;
}

/**
 * The fields a notification of each type needs before Atlas can deliver it to anyone: a `typeName` alone is not a
 * channel (a GROUP notice with e-mail and SMS off, or an EMAIL one without an address, reaches nobody).
 */
const CHANNEL_FIELDS: Readonly<Record<string, readonly string[]>> = {
    EMAIL: ["emailAddress"],
    SMS: ["mobileNumber"],
    PAGER_DUTY: ["serviceKey"],
    SLACK: ["apiToken", "channelName"],
    DATADOG: ["datadogApiKey"],
    OPS_GENIE: ["opsGenieApiKey"],
    VICTOR_OPS: ["victorOpsApiKey"],
    WEBHOOK: ["webhookUrl"],
    MICROSOFT_TEAMS: ["microsoftTeamsWebhookUrl"],
    TEAM: ["teamId"],
};
/** Atlas users, groups, organizations (and teams) are reached by e-mail or SMS, whichever is switched on. */
const PERSON_TYPES = new Set(["GROUP", "ORG", "USER", "TEAM"]);

/** `true` when notification `n` names a channel that reaches someone. */
function delivers(n: unknown): boolean {
    const type = peek(n, "typeName");
    if (type.state !== "known") return false;
    const t = String(type.value);
    if (PERSON_TYPES.has(t)) {
        const on = (f: string) => {
            const v = peek(n, f);
            return v.state === "known" && v.value === true;
        };
        if (!on("emailEnabled") && !on("smsEnabled")) return false;
    }
    const fields = CHANNEL_FIELDS[t] ?? (PERSON_TYPES.has(t) ? [] : undefined);
    return fields !== undefined && fields.every((f) => peek(n, f).state !== "absent");
}

/** The keys of the project a resource belongs to: the project URNs its `projectId` comes from, and its known `projectId`. */
function projectKeys(r: PolicyResource, byUrn: ReadonlyMap<string, PolicyResource>): Set<string> {
    const keys = new Set<string>();
    const id = peek(r.props, "projectId");
    if (id.state === "known" && typeof id.value === "string") keys.add(`id:${id.value}`);
    const seen = new Set<string>();
    const queue = (r.propertyDependencies["projectId"] ?? []).map((d) => d.urn);
    while (queue.length > 0) {
        const urn = queue.shift()!;
        if (seen.has(urn)) continue;
        seen.add(urn);
        const dep = byUrn.get(urn);
        if (!dep) continue;
        if (dep.type === TYPES.atlasProject) keys.add(urn);
        else queue.push(...(dep.propertyDependencies["projectId"] ?? []).map((d) => d.urn));
    }
    return keys;
}
