import { MIN_NONCURRENT_VERSION_RETENTION_DAYS } from "../../rules/backup-retention";
import { stackPolicy } from "../lib/define";
import { Pairing } from "../lib/pairing";
import { isUnknownValue, peek, type Peeked } from "../lib/props";
import { describeBucket, s3Stack } from "../lib/s3";
import { T, isOneOfTypes } from "../lib/tokens";

/**
 * No S3 data bucket expires noncurrent versions sooner than `minNoncurrentDays` (default
 * {@link MIN_NONCURRENT_VERSION_RETENTION_DAYS}, see infra/rules/backup-retention.ts for why 30). Versioning
 * (`aws-s3-versioning-enabled`) makes an overwrite or delete recoverable only for as long as the lifecycle keeps the
 * superseded version. Access-log targets are not data buckets: their logs' retention is the audit rule's
 * (infra/rules/access-log-retention.ts). A stack policy because only the stack tells a data bucket from a log target
 * (some BucketLogging delivers into it).
 *
 * A lifecycle can be set in two places, and S3 applies whichever the program wrote, so both are read:
 * - the separate lifecycle resources (`aws.s3.BucketLifecycleConfiguration` and the deprecated `…V2`, see
 *   {@link T.s3Lifecycle}): `rules[].noncurrentVersionExpiration.noncurrentDays`, skipped when `status` is Disabled;
 * - the deprecated inline `lifecycleRules` of the bucket itself (still accepted by @pulumi/aws):
 *   `noncurrentVersionExpiration.days` on `aws.s3.Bucket`, `noncurrentVersionExpirations[].days` on `BucketV2`,
 *   skipped when `enabled` is false.
 *
 * A value unknown at preview (the rules, a rule, or its days) is a finding, not a pass: the pack reports what it
 * cannot show, as `data-flows-to-declared-processors` does, rather than letting an unreadable lifecycle through.
 * An unknown `status`/`enabled` counts as enabled, for the same reason.
 */
export const awsS3NoncurrentVersionRetention = stackPolicy({
    name: "aws-s3-noncurrent-version-retention",
    description: "S3 data buckets must keep noncurrent object versions for at least the configured number of days.",
    clauses: ["06.operational-backup", "02.static-files"],
    subjects: T.s3Bucket,
    severity: "high",
    remediation:
        "Remove the noncurrent-version expiration from the bucket's aws.s3.BucketLifecycleConfiguration (or its inline lifecycleRules), " +
        "or raise its days to the minimum; take lifecycle values from config or literals so the preview can read them.",
    config: { minNoncurrentDays: { type: "integer", minimum: 1 } },
    defaults: { minNoncurrentDays: MIN_NONCURRENT_VERSION_RETENTION_DAYS },
    validate: (args, report, config, isExempt) => {
        const s3 = s3Stack(args.resources);
        const dataBuckets = s3.buckets.filter((b) => !s3.isAccessLogTarget(b));
        if (dataBuckets.length === 0) {
            args.notApplicable("the stack has no S3 data buckets");
        }
        const min = config.minNoncurrentDays;
        const lifecycles = new Pairing(args.resources.filter((r) => isOneOfTypes(r.type, T.s3Lifecycle)), "bucket");
        for (const bucket of dataBuckets) {
            if (isExempt(bucket)) continue;
            const say = (where: string, finding: string) =>
                report(`${describeBucket(s3, bucket)}: ${where} ${finding}; noncurrent versions must be kept at least ${min} days.`, bucket.urn);
            for (const finding of shortExpiries(peek(bucket.props, "lifecycleRules"), "lifecycleRules", INLINE, min)) say("inline", finding);
            for (const lifecycle of lifecycles.of(bucket, s3.nameOf(bucket))) {
                for (const finding of shortExpiries(peek(lifecycle.props, "rules"), "rules", RESOURCE, min)) say(`lifecycle ${lifecycle.name}`, finding);
            }
        }
    },
});

/** Where a rule shape keeps its switch and its noncurrent-version expiry days. */
interface RuleShape {
    /** `true` when the rule is switched off (an unknown switch is not off). */
    readonly disabled: (rule: unknown) => boolean;
    /** The rule's noncurrent-expiry day counts, each with its path inside the rule. */
    readonly days: (rule: unknown) => { readonly path: string; readonly days: Peeked }[];
}

/** A BucketLifecycleConfiguration(V2) rule. */
const RESOURCE: RuleShape = {
    disabled: (rule) => {
        const status = peek(rule, "status");
        return status.state === "known" && status.value === "Disabled";
    },
    days: (rule) => [{ path: "noncurrentVersionExpiration.noncurrentDays", days: peek(rule, "noncurrentVersionExpiration.noncurrentDays") }],
};

/** An inline `lifecycleRules` entry: a single block on aws.s3.Bucket, a list of blocks on aws.s3.BucketV2. */
const INLINE: RuleShape = {
    disabled: (rule) => {
        const enabled = peek(rule, "enabled");
        return enabled.state === "known" && enabled.value === false;
    },
    days: (rule) => {
        const found = [{ path: "noncurrentVersionExpiration.days", days: peek(rule, "noncurrentVersionExpiration.days") }];
        const list = peek(rule, "noncurrentVersionExpirations");
        if (list.state === "unknown") found.push({ path: "noncurrentVersionExpirations", days: list });
        if (list.state === "known" && Array.isArray(list.value)) {
            list.value.forEach((_e: unknown, j: number) => found.push({ path: `noncurrentVersionExpirations[${j}].days`, days: peek(rule, `noncurrentVersionExpirations.${j}.days`) }));
        }
        return found;
    },
};

const NOT_KNOWN = "is not known until the update runs (take it from config or a literal)";

/** The enabled rules of `rules` (a lifecycle's list, at `path`) that expire noncurrent versions before `min` days, or cannot be read, as message fragments. */
function shortExpiries(rules: Peeked, path: string, shape: RuleShape, min: number): string[] {
    if (rules.state === "unknown") return [`${path} ${NOT_KNOWN}`];
    if (rules.state !== "known" || !Array.isArray(rules.value)) return [];
    return rules.value.flatMap((rule: unknown, i: number) => {
        if (isUnknownValue(rule)) return [`${path}[${i}] ${NOT_KNOWN}`];
        if (shape.disabled(rule)) return [];
        const id = peek(rule, "id");
        const label = id.state === "known" ? `rule ${String(id.value)}` : `${path}[${i}]`;
        return shape.days(rule).flatMap(({ path: at, days }) => {
            if (days.state === "unknown") return [`${label} ${at} ${NOT_KNOWN}`];
            if (days.state !== "known" || Number(days.value) >= min) return [];
            return [`${label} expires noncurrent versions after ${String(days.value)} days`];
        });
    });
}
