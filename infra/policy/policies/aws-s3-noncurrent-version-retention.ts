import type { PolicyResource } from "@pulumi/policy";
import { MIN_NONCURRENT_VERSION_RETENTION_DAYS } from "../../rules/backup-retention";
import { stackPolicy } from "../lib/define";
import { Pairing } from "../lib/pairing";
import { peek } from "../lib/props";
import { describeBucket, s3Stack } from "../lib/s3";
import { T, isOneOfTypes } from "../lib/tokens";

/**
 * No S3 data bucket expires noncurrent versions sooner than `minNoncurrentDays` (default
 * {@link MIN_NONCURRENT_VERSION_RETENTION_DAYS}, see infra/rules/backup-retention.ts for why 30). Versioning
 * (`aws-s3-versioning-enabled`) makes an overwrite or delete recoverable only for as long as the lifecycle keeps the
 * superseded version. Access-log targets are not data buckets: their logs' retention is the audit rule's
 * (infra/rules/access-log-retention.ts). A stack policy because only the stack tells a data bucket from a log target
 * (some BucketLogging delivers into it).
 */
export const awsS3NoncurrentVersionRetention = stackPolicy({
    name: "aws-s3-noncurrent-version-retention",
    description: "S3 data buckets must keep noncurrent object versions for at least the configured number of days.",
    clauses: ["06.operational-backup", "02.static-files"],
    subjects: T.s3Bucket,
    severity: "high",
    remediation: "Remove the noncurrentVersionExpiration from the bucket's aws.s3.BucketLifecycleConfiguration, or raise its noncurrentDays to the minimum.",
    config: { minNoncurrentDays: { type: "integer", minimum: 1 } },
    defaults: { minNoncurrentDays: MIN_NONCURRENT_VERSION_RETENTION_DAYS },
    validate: (args, report, config, isExempt) => {
        const s3 = s3Stack(args.resources);
        const dataBuckets = s3.buckets.filter((b) => !s3.isAccessLogTarget(b));
        if (dataBuckets.length === 0) {
            args.notApplicable("the stack has no S3 data buckets");
        }
        const lifecycles = new Pairing(args.resources.filter((r) => isOneOfTypes(r.type, T.s3Lifecycle)), "bucket");
        for (const bucket of dataBuckets) {
            if (isExempt(bucket)) continue;
            for (const lifecycle of lifecycles.of(bucket, s3.nameOf(bucket))) {
                for (const finding of shortExpiries(lifecycle, config.minNoncurrentDays)) {
                    report(`${describeBucket(s3, bucket)}: lifecycle ${lifecycle.name} ${finding}; noncurrent versions must be kept at least ${config.minNoncurrentDays} days.`, bucket.urn);
                }
            }
        }
    },
});

/** The enabled rules of `lifecycle` that expire noncurrent versions before `min` days, as message fragments. */
function shortExpiries(lifecycle: PolicyResource, min: number): string[] {
    const rules = peek(lifecycle.props, "rules");
    if (rules.state !== "known" || !Array.isArray(rules.value)) return [];
    return rules.value.flatMap((rule: unknown, i: number) => {
        const status = peek(rule, "status");
        if (status.state === "known" && status.value === "Disabled") return [];
        const days = peek(rule, "noncurrentVersionExpiration.noncurrentDays");
        if (days.state !== "known" || Number(days.value) >= min) return [];
        const id = peek(rule, "id");
        const label = id.state === "known" ? `rule ${String(id.value)}` : `rules[${i}]`;
        return [`${label} expires noncurrent versions after ${String(days.value)} days`];
    });
}
