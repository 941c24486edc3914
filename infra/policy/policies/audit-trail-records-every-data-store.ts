import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { peek } from "../lib/props";
import { describeBucket, s3Stack } from "../lib/s3";
import { T, isOneOfTypes } from "../lib/tokens";

/**
 * Data policy §10 "audit logs maintained for accountability": every data store has a trail that records access to
 * it, and the trail reaches durable storage of the stack (where the companion policy audit-logs-kept-in-australia
 * checks region and retention).
 *
 * | store | what must record it |
 * |---|---|
 * | S3 bucket (not an access-log target, not a trail's own destination) | a CloudTrail trail, logging on, with an advanced event selector for S3 object data events whose `resources.ARN` `startsWith` names the bucket, and no `readOnly` selector (reads *and* writes) |
 * | Cloud Storage bucket | an IAMAuditConfig for `storage.googleapis.com` (or `allServices`) with DATA_READ and DATA_WRITE, and a log sink of the Data Access logs into a log bucket of the stack |
 * | Atlas cluster | database auditing enabled, and a push-based log export of the project's logs |
 * | Auth0 tenant | an active log stream whose partner event source an event bus of the stack takes, and an enabled event rule on that bus matching every event of the partner source, and an event target of that rule delivering into a log group of the stack |
 *
 * Pairing is by reference (property dependencies), so it holds at preview, when names and ARNs are unknown.
 */
export const auditTrailRecordsEveryDataStore = stackPolicy({
    name: "audit-trail-records-every-data-store",
    description: "Every data store (S3 and Cloud Storage bucket, Atlas cluster, Auth0 tenant) must have an audit trail recording access to it.",
    clauses: ["10.staff-access-audit"],
    subjects: [...T.s3Bucket, ...T.gcsBucket, ...T.atlasAdvancedCluster, ...T.auth0Tenant],
    severity: "high",
    remediation:
        "Declare the trail for the store: the AuditTrail component lists every S3 data bucket, DataAccessLogBucket routes " +
        "Cloud Storage's Data Access logs, AtlasLogExport exports the Atlas audit log, Auth0LogArchive keeps the Auth0 log stream.",
    validate: (args, report, _config, isExempt) => {
        const rs = args.resources;
        const of = (types: readonly string[]) => rs.filter((r) => isOneOfTypes(r.type, types));
        const dependsOn = (r: PolicyResource, prop: string, on: PolicyResource) => (r.propertyDependencies[prop] ?? []).some((d) => d.urn === on.urn);
        const s3 = s3Stack(rs);
        const allTrails = of(T.cloudTrail);
        const trails = allTrails.filter((t) => t.props.enableLogging !== false);
        const stores = [...s3.buckets, ...of(T.gcsBucket), ...of(T.atlasAdvancedCluster), ...of(T.auth0Tenant)];
        if (stores.length === 0) args.notApplicable("the stack has no data stores");

        // S3: a trail's own destination is not recorded (its deliveries would log themselves), nor an access-log target.
        // Paired as the other audit policies pair a trail with its bucket (lib/s3.ts deliveryBucketOf).
        const trailDestinations = new Set(allTrails.map((t) => s3.deliveryBucketOf(t, "s3BucketName")?.urn));
        for (const bucket of s3.buckets) {
            if (isExempt(bucket) || s3.isAccessLogTarget(bucket)) continue;
            const name = s3.nameOf(bucket);
            if (trailDestinations.has(bucket.urn)) continue;
            if (name === undefined) {
                report(`${describeBucket(s3, bucket)}: its name is unknown, so no trail can be shown to record it.`, bucket.urn);
            } else if (!trails.some((t) => recordsS3Bucket(t, name))) {
                report(`${describeBucket(s3, bucket)}: no CloudTrail trail records its object reads and writes (S3 data events).`, bucket.urn);
            }
        }

        const gcs = of(T.gcsBucket);
        if (gcs.length > 0) {
            const audited = of(T.gcpAuditConfig).some((c) => {
                const service = c.props.service;
                const types = new Set(((c.props.auditLogConfigs ?? []) as { logType?: string }[]).map((l) => l.logType));
                return (service === "storage.googleapis.com" || service === "allServices") && types.has("DATA_READ") && types.has("DATA_WRITE");
            });
            const logBuckets = of(T.gcpLogBucket);
            const routed = of(T.gcpProjectSink).some(
                (s) =>
                    String(s.props.filter ?? "").includes("cloudaudit.googleapis.com%2Fdata_access") &&
                    s.props.disabled !== true &&
                    logBuckets.some((b) => dependsOn(s, "destination", b)),
            );
            for (const bucket of gcs) {
                if (isExempt(bucket)) continue;
                if (!audited) report(`Cloud Storage bucket ${bucket.name}: Data Access audit logs (DATA_READ and DATA_WRITE for storage.googleapis.com) are off.`, bucket.urn);
                if (!routed) report(`Cloud Storage bucket ${bucket.name}: no log sink keeps its Data Access logs in a log bucket of the stack (_Default keeps them 30 days).`, bucket.urn);
            }
        }

        const clusters = of(T.atlasAdvancedCluster);
        if (clusters.length > 0) {
            const auditing = of(T.atlasAuditing).some((a) => a.props.enabled === true);
            const exported = of(T.atlasPushBasedLogExport).length > 0;
            for (const cluster of clusters) {
                if (isExempt(cluster)) continue;
                if (!auditing) report(`Atlas cluster ${cluster.name}: database auditing is not enabled in the stack.`, cluster.urn);
                if (!exported) report(`Atlas cluster ${cluster.name}: its logs are not exported (push-based log export), so Atlas keeps its audit log only briefly.`, cluster.urn);
            }
        }

        const tenants = of(T.auth0Tenant);
        if (tenants.length > 0) {
            const streams = of(T.auth0LogStream).filter((s) => s.props.status === "active");
            // The bus names the stream's source (a property dependency), or at least waits for the stream where the
            // source's name is not known yet (preview).
            const buses = of(T.eventBus).filter((b) => streams.some((s) => dependsOn(b, "eventSourceName", s) || b.dependencies.some((d) => d.urn === s.urn)));
            const groups = of(T.logGroup);
            // A target delivers only what its rule matches: the rule must be on that bus, enabled, and match every
            // event of the partner source.
            const rules = of(T.eventRule).filter((r) => buses.some((b) => dependsOn(r, "eventBusName", b)) && routesEveryPartnerEvent(r));
            const kept = of(T.eventTarget).some(
                (t) => buses.some((b) => dependsOn(t, "eventBusName", b)) && rules.some((r) => dependsOn(t, "rule", r)) && groups.some((g) => dependsOn(t, "arn", g)),
            );
            for (const tenant of tenants) {
                if (isExempt(tenant)) continue;
                if (streams.length === 0) report(`Auth0 tenant ${tenant.name}: no active log stream.`, tenant.urn);
                else if (!kept) report(`Auth0 tenant ${tenant.name}: no event bus takes its log stream, through an enabled rule matching every event of the stream, into a log group of the stack, so its logs are dropped.`, tenant.urn);
            }
        }
    },
});

/**
 * The rule is enabled and its pattern keeps every event of the Auth0 partner source: `source` is its only filter, and
 * each of its matchers is the partner source's prefix (`aws.partner/auth0.com`) or a source name under it. A pattern
 * unknown at preview, or any other filter (detail-type, detail, account), could drop events, so it does not count.
 */
function routesEveryPartnerEvent(rule: PolicyResource): boolean {
    const state = peek(rule.props, "state");
    if (state.state !== "known" || !(state.value === undefined || state.value === "ENABLED" || state.value === "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS")) return false;
    const pattern = peek(rule.props, "eventPattern");
    if (pattern.state !== "known" || typeof pattern.value !== "string") return false;
    let parsed: unknown;
    try {
        parsed = JSON.parse(pattern.value);
    } catch {
        return false;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return false;
    const keys = Object.keys(parsed);
    const sources = (parsed as { source?: unknown }).source;
    if (keys.length !== 1 || keys[0] !== "source" || !Array.isArray(sources) || sources.length === 0) return false;
    return sources.every(
        (m) =>
            (typeof m === "string" && m.startsWith(AUTH0_PARTNER_SOURCE)) ||
            (typeof m === "object" && m !== null && Object.keys(m).length === 1 && (m as { prefix?: unknown }).prefix === AUTH0_PARTNER_SOURCE),
    );
}

/** Every event source Auth0 creates in EventBridge is named under this prefix. */
const AUTH0_PARTNER_SOURCE = "aws.partner/auth0.com";

/** The trail has an S3 object data-event selector naming the bucket, for reads and writes alike. */
function recordsS3Bucket(trail: PolicyResource, bucketName: string): boolean {
    const selectors = peek(trail.props, "advancedEventSelectors");
    if (selectors.state !== "known" || !Array.isArray(selectors.value)) return false;
    return (selectors.value as { fieldSelectors?: { field?: string; equals?: string[]; startsWith?: string[] }[] }[]).some((sel) => {
        const fields = sel.fieldSelectors ?? [];
        const field = (f: string) => fields.find((x) => x.field === f);
        return (
            (field("eventCategory")?.equals ?? []).includes("Data") &&
            (field("resources.type")?.equals ?? []).includes("AWS::S3::Object") &&
            field("readOnly") === undefined &&
            (field("resources.ARN")?.startsWith ?? []).some((p) => `arn:aws:s3:::${bucketName}/`.startsWith(p) && p.startsWith(`arn:aws:s3:::${bucketName}`))
        );
    });
}
