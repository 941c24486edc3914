import type { PolicyResource } from "@pulumi/policy";
import { AUDIT_RETENTION_DAYS } from "../facts/rules/audit-retention";
import { stackPolicy } from "../lib/define";
import { knownString, Pairing } from "../lib/pairing";
import { parseJson, peek, type Peeked } from "../lib/props";
import { s3Stack } from "../lib/s3";
import { T, isOneOfTypes } from "../lib/tokens";

/** The Object Lock modes that stop a delete or overwrite of a locked version (S3 DefaultRetention.Mode). */
const LOCK_MODES = ["GOVERNANCE", "COMPLIANCE"] as const;
/**
 * Days in a retention given in years. S3 adds whole calendar years, so a year locks at least 365 days; counting
 * 365 never credits a lock with more than it holds.
 */
const DAYS_PER_YEAR = 365;
/** The permission that lets a principal delete or shorten a GOVERNANCE-mode lock. */
const BYPASS = "s3:BypassGovernanceRetention";

/**
 * Data policy §10 "audit logs maintained for accountability": an audit log that can be deleted or rewritten does not
 * hold anyone to account. The S3 bucket every trail delivers to (the CloudTrail trail, the Atlas log export) has an
 * Object Lock configuration whose default retention locks each new log version, in governance or compliance mode,
 * at least the audit floor (infra/rules/audit-retention.ts). In GOVERNANCE mode any principal IAM allows
 * s3:BypassGovernanceRetention may still delete a locked version, so the bucket's policy must deny that permission
 * to every principal, unconditioned, on the bucket's objects; COMPLIANCE mode needs no such deny.
 *
 * The lock is a BucketObjectLockConfiguration (paired with its bucket like the other S3 side resources, see
 * lib/pairing.ts) or the bucket's deprecated inline `objectLockConfiguration`, still valid in @pulumi/aws v7. A trail
 * is paired with its bucket as a side resource is (lib/s3.ts deliveryBucketOf): a known bucket name by name, one
 * unknown at preview by its reference. A bucket outside the stack fails: its lock cannot be shown. A lock unknown
 * at preview is a finding, not the runtime's advisory: this stack declares it from known values, so unknown means
 * unjudged.
 */
export const auditLogsObjectLocked = stackPolicy<{ minRetentionDays: number }>({
    name: "audit-logs-object-locked",
    description:
        `The S3 bucket every audit trail delivers to must lock each log version (Object Lock, GOVERNANCE or COMPLIANCE, known at preview) at least ` +
        `${AUDIT_RETENTION_DAYS.min} days, and in GOVERNANCE mode its policy must deny ${BYPASS} to every principal.`,
    clauses: ["10.staff-access-audit"],
    subjects: [...T.cloudTrail, ...T.atlasPushBasedLogExport],
    severity: "high",
    remediation:
        "Deliver the trail to the audit bucket (AuditTrail): it is created with Object Lock and a default retention of " +
        "data-platform:audit.retentionDays in GOVERNANCE mode (aws.s3.BucketObjectLockConfiguration), and its bucket policy " +
        `denies ${BYPASS} to every principal (EncryptedS3Bucket, role audit-log-target).`,
    // A pack config may raise the floor, never lower it below the rule's.
    config: { minRetentionDays: { type: "integer", minimum: AUDIT_RETENTION_DAYS.min } },
    defaults: { minRetentionDays: AUDIT_RETENTION_DAYS.min },
    validate: (args, report, config, isExempt) => {
        const min = config.minRetentionDays;
        const rs = args.resources;
        const of = (types: readonly string[]) => rs.filter((r) => isOneOfTypes(r.type, types));
        const s3 = s3Stack(rs);
        const locks = new Pairing(of(T.s3ObjectLock), "bucket");
        const deliveries = [
            ...of(T.cloudTrail).map((r) => ({ r, subject: `CloudTrail trail ${r.name}`, property: "s3BucketName" })),
            ...of(T.atlasPushBasedLogExport).map((r) => ({ r, subject: `Atlas log export ${r.name}`, property: "bucketName" })),
        ];
        if (deliveries.length === 0) args.notApplicable("the stack has no audit trail delivering to S3");

        for (const { r, subject, property } of deliveries) {
            if (isExempt(r)) continue;
            const bucket = s3.deliveryBucketOf(r, property);
            if (bucket === undefined) {
                report(`${subject} delivers to ${knownString(r, property) ?? "a bucket of unknown name"}, not an S3 bucket of this stack, so its Object Lock cannot be shown.`, r.urn);
                continue;
            }
            const bucketName = s3.nameOf(bucket);
            const to = `${subject} delivers to S3 bucket ${bucketName ?? bucket.name}`;
            const configs: Array<{ readonly label: string; readonly rule: Peeked }> = locks
                .of(bucket, bucketName)
                .map((lock) => ({ label: `Object Lock configuration ${lock.name}`, rule: peek(lock.props, "rule") }));
            const inline = peek(bucket.props, "objectLockConfiguration");
            if (inline.state !== "absent") {
                configs.push({ label: `inline objectLockConfiguration on ${bucket.name}`, rule: inline.state === "unknown" ? inline : peek(inline.value, "rule") });
            }
            if (configs.length === 0) {
                report(`${to}, which has no Object Lock configuration: its logs can be deleted or overwritten.`, r.urn);
                continue;
            }
            for (const { label, rule } of configs) {
                const at = `${to}, whose ${label}`;
                const unknown = (what: string) =>
                    report(`${at} has ${what} unknown at preview, so the lock cannot be judged; allowed: a default retention (mode and days or years) known at preview.`, r.urn);
                const retention = rule.state === "known" ? peek(rule.value, "defaultRetention") : rule;
                if (retention.state === "unknown") {
                    unknown("its default retention");
                    continue;
                }
                if (retention.state === "absent") {
                    report(`${at} sets no default retention: new logs are not locked.`, r.urn);
                    continue;
                }
                const mode = peek(retention.value, "mode");
                if (mode.state === "unknown") unknown("its mode");
                else if (!(LOCK_MODES as readonly unknown[]).includes(mode.state === "known" ? mode.value : undefined)) {
                    report(`${at} has mode ${mode.state === "known" ? String(mode.value) : "(unset)"}; expected ${LOCK_MODES.join(" | ")}.`, r.urn);
                } else if (mode.state === "known" && mode.value === "GOVERNANCE" && !deniesBypass(s3.policyOf(bucket), bucketName)) {
                    report(
                        `${at} is in GOVERNANCE mode, and no policy of the bucket denies ${BYPASS} on its objects to every principal without conditions: ` +
                            `whoever IAM allows the bypass can delete or overwrite locked logs; allowed: COMPLIANCE mode, or a bucket policy statement ` +
                            `Deny, Principal "*", Action ${BYPASS}, Resource arn:aws:s3:::<bucket>/*.`,
                        r.urn,
                    );
                }
                const days = peek(retention.value, "days");
                const years = peek(retention.value, "years");
                if (days.state === "unknown" || years.state === "unknown") {
                    unknown("its retention period");
                    continue;
                }
                const locked =
                    days.state === "known" && typeof days.value === "number"
                        ? days.value
                        : years.state === "known" && typeof years.value === "number"
                          ? years.value * DAYS_PER_YEAR
                          : undefined;
                if (locked === undefined) {
                    report(`${at} sets no retention period (days or years).`, r.urn);
                } else if (locked < min) {
                    report(`${at} locks logs ${locked} days, below the ${min}-day floor.`, r.urn);
                }
            }
        }
    },
});

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** IAM's wildcard match: `*` any run, `?` one character. */
function matches(pattern: string, value: string, caseInsensitive: boolean): boolean {
    const re = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
    return new RegExp(`^${re}$`, caseInsensitive ? "i" : "").test(value);
}

/**
 * Some bucket policy of the bucket has an unconditioned Deny of s3:BypassGovernanceRetention for every principal
 * on every object of the bucket (a wildcard covering it counts). Without the bucket's known name, none can be shown.
 */
function deniesBypass(policies: readonly PolicyResource[], bucketName: string | undefined): boolean {
    if (bucketName === undefined) return false;
    const objects = `arn:aws:s3:::${bucketName}/*`;
    return policies.some((p) => {
        const raw = peek(p.props, "policy");
        if (raw.state !== "known") return false;
        const doc = typeof raw.value === "string" ? parseJson(raw.value) : raw.value;
        const statements = list(typeof doc === "object" && doc !== null ? (doc as Record<string, unknown>)["Statement"] : undefined);
        return statements.some((s) => {
            if (typeof s !== "object" || s === null) return false;
            const st = s as Record<string, unknown>;
            const principal = st["Principal"];
            const everyone = principal === "*" || (typeof principal === "object" && principal !== null && list((principal as Record<string, unknown>)["AWS"]).includes("*"));
            const unconditioned = st["Condition"] === undefined || (typeof st["Condition"] === "object" && Object.keys(st["Condition"] as object).length === 0);
            return (
                st["Effect"] === "Deny" &&
                everyone &&
                unconditioned &&
                st["NotPrincipal"] === undefined &&
                list(st["Action"]).some((a) => typeof a === "string" && matches(a, BYPASS, true)) &&
                list(st["Resource"]).some((res) => typeof res === "string" && matches(res, objects, false))
            );
        });
    });
}
