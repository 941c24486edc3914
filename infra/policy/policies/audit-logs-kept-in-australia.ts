import type { PolicyResource } from "@pulumi/policy";
import { AUDIT_RETENTION_DAYS } from "../facts/rules/audit-retention";
import { AU_GCP_REGIONS } from "../facts/residency";
import { stackPolicy } from "../lib/define";
import { knownString, Pairing } from "../lib/pairing";
import { peek } from "../lib/props";
import { s3Stack } from "../lib/s3";
import { T, isOneOfTypes } from "../lib/tokens";

/**
 * Data policy §10 "audit logs maintained for accountability", with §02's residency: every audit trail delivers to
 * storage of this stack in Australia and keeps its logs at least the floor (infra/rules/audit-retention.ts).
 *
 * | trail | must |
 * |---|---|
 * | CloudTrail trail | record every region, validate log files, encrypt with a customer key, deliver to an S3 bucket of the stack whose lifecycle keeps logs at least the floor |
 * | Atlas push-based log export | deliver to an S3 bucket of the stack that keeps logs at least the floor |
 * | Cloud Logging bucket a sink delivers to | be in an Australian region and keep logs at least the floor |
 * | CloudWatch log group an event target delivers to | keep logs at least the floor (or never expire) |
 *
 * The AWS buckets' and log groups' region is their provider's, which aws-resources-in-australia checks; a
 * destination outside the stack cannot be shown to be in Australia, so it fails here.
 */
export const auditLogsKeptInAustralia = stackPolicy<{ minRetentionDays: number }>({
    name: "audit-logs-kept-in-australia",
    description: `Every audit trail must deliver to storage of this stack in Australia that keeps logs at least ${AUDIT_RETENTION_DAYS.min} days.`,
    clauses: ["10.staff-access-audit"],
    subjects: [...T.cloudTrail, ...T.atlasPushBasedLogExport, ...T.gcpLogBucket, ...T.logGroup],
    severity: "high",
    remediation:
        "Deliver the trail to the audit bucket (AuditTrail), a log bucket in australia-southeast1/2 (DataAccessLogBucket) or a " +
        "log group of the stack (Auth0LogArchive), all built from data-platform:audit.retentionDays.",
    // A pack config may raise the floor, never lower it below the rule's.
    config: { minRetentionDays: { type: "integer", minimum: AUDIT_RETENTION_DAYS.min } },
    defaults: { minRetentionDays: AUDIT_RETENTION_DAYS.min },
    validate: (args, report, config, isExempt) => {
        const min = config.minRetentionDays;
        const rs = args.resources;
        const of = (types: readonly string[]) => rs.filter((r) => isOneOfTypes(r.type, types));
        const s3 = s3Stack(rs);
        const lifecycles = new Pairing(of(T.s3Lifecycle), "bucket");
        const trails = of(T.cloudTrail);
        const exports = of(T.atlasPushBasedLogExport);
        const sinks = of(T.gcpProjectSink);
        const targets = of(T.eventTarget);
        const logBuckets = of(T.gcpLogBucket).filter((b) => sinks.some((s) => dependsOn(s, "destination", b)));
        const logGroups = of(T.logGroup).filter((g) => targets.some((t) => dependsOn(t, "arn", g)));
        if (trails.length + exports.length + logBuckets.length + logGroups.length === 0) args.notApplicable("the stack has no audit trail");

        /**
         * Why the stack bucket `r` delivers to through `property` does not keep logs at least `min` days, if it does
         * not. The bucket and its lifecycle are paired as the other S3 policies pair them (lib/s3.ts, lib/pairing.ts).
         */
        const bucketProblem = (r: PolicyResource, property: string): string | undefined => {
            const bucket = s3.deliveryBucketOf(r, property);
            if (bucket === undefined) {
                return `delivers to ${knownString(r, property) ?? "a bucket of unknown name"}, not an S3 bucket of this stack, so it cannot be shown to be in Australia`;
            }
            const name = s3.nameOf(bucket) ?? bucket.name;
            const days = lifecycles
                .of(bucket, s3.nameOf(bucket))
                .flatMap((l) => ((l.props.rules ?? []) as { status?: string; expiration?: { days?: number } }[]).filter((r) => r.status === "Enabled"))
                .map((r) => r.expiration?.days)
                .filter((d): d is number => typeof d === "number");
            const shortest = days.length > 0 ? Math.min(...days) : undefined;
            return shortest !== undefined && shortest < min ? `delivers to S3 bucket ${name}, which expires logs after ${shortest} days, below the ${min}-day floor` : undefined;
        };

        for (const trail of trails) {
            if (isExempt(trail)) continue;
            const problems: string[] = [];
            if (trail.props.isMultiRegionTrail !== true) problems.push("does not record every region (isMultiRegionTrail)");
            if (trail.props.enableLogFileValidation !== true) problems.push("does not validate its log files (enableLogFileValidation)");
            if (peek(trail.props, "kmsKeyId").state === "absent") problems.push("is not encrypted with a customer key (kmsKeyId)");
            const bucket = bucketProblem(trail, "s3BucketName");
            if (bucket) problems.push(bucket);
            if (problems.length > 0) report(`CloudTrail trail ${trail.name} ${problems.join("; ")}.`, trail.urn);
        }
        for (const exp of exports) {
            if (isExempt(exp)) continue;
            const problem = bucketProblem(exp, "bucketName");
            if (problem) report(`Atlas log export ${exp.name} ${problem}.`, exp.urn);
        }
        for (const bucket of logBuckets) {
            if (isExempt(bucket)) continue;
            const location = knownString(bucket, "location");
            const days = bucket.props.retentionDays as number | undefined;
            if (location === undefined || !(AU_GCP_REGIONS as readonly string[]).includes(location)) {
                report(`Log bucket ${bucket.name} is in ${location ?? "an unknown location"}; audit logs stay in Australia (${AU_GCP_REGIONS.join(" | ")}).`, bucket.urn);
            }
            if (typeof days !== "number" || days < min) {
                report(`Log bucket ${bucket.name} keeps logs ${days ?? "the default 30"} days, below the ${min}-day floor.`, bucket.urn);
            }
        }
        for (const group of logGroups) {
            if (isExempt(group)) continue;
            const days = group.props.retentionInDays as number | undefined;
            // 0 or unset: CloudWatch never expires the logs.
            if (typeof days === "number" && days > 0 && days < min) {
                report(`Log group ${group.name} keeps logs ${days} days, below the ${min}-day floor.`, group.urn);
            }
        }
    },
});

function dependsOn(r: PolicyResource, prop: string, on: PolicyResource): boolean {
    return (r.propertyDependencies[prop] ?? []).some((d) => d.urn === on.urn);
}
