import { AUDIT_RETENTION_DAYS } from "../facts/rules/audit-retention";
import { stackPolicy } from "../lib/define";
import { knownString, Pairing } from "../lib/pairing";
import { s3Stack } from "../lib/s3";
import { T, isOneOfTypes } from "../lib/tokens";

/** The Object Lock modes that stop a delete or overwrite of a locked version (S3 DefaultRetention.Mode). */
const LOCK_MODES = ["GOVERNANCE", "COMPLIANCE"] as const;
/**
 * Days in a retention given in years. S3 adds whole calendar years, so a year locks at least 365 days; counting
 * 365 never credits a lock with more than it holds.
 */
const DAYS_PER_YEAR = 365;

interface DefaultRetention {
    readonly mode?: string;
    readonly days?: number;
    readonly years?: number;
}

/**
 * Data policy §10 "audit logs maintained for accountability": an audit log that can be deleted or rewritten does not
 * hold anyone to account. The S3 bucket every trail delivers to (the CloudTrail trail, the Atlas log export) has an
 * Object Lock configuration whose default retention locks each new log version, in governance or compliance mode,
 * at least the audit floor (infra/rules/audit-retention.ts).
 *
 * A bucket outside the stack fails: its lock cannot be shown. The lock configuration is paired with its bucket by
 * reference (or by a literal name), like the other S3 side resources.
 */
export const auditLogsObjectLocked = stackPolicy<{ minRetentionDays: number }>({
    name: "audit-logs-object-locked",
    description: `The S3 bucket every audit trail delivers to must lock each log version (Object Lock, GOVERNANCE or COMPLIANCE) at least ${AUDIT_RETENTION_DAYS.min} days.`,
    clauses: ["10.staff-access-audit"],
    subjects: [...T.cloudTrail, ...T.atlasPushBasedLogExport],
    severity: "high",
    remediation:
        "Deliver the trail to the audit bucket (AuditTrail): it is created with Object Lock and a default retention of " +
        "data-platform:audit.retentionDays in GOVERNANCE mode (aws.s3.BucketObjectLockConfiguration).",
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
            ...of(T.cloudTrail).map((r) => ({ r, subject: `CloudTrail trail ${r.name}`, bucketName: knownString(r, "s3BucketName") })),
            ...of(T.atlasPushBasedLogExport).map((r) => ({ r, subject: `Atlas log export ${r.name}`, bucketName: knownString(r, "bucketName") })),
        ];
        if (deliveries.length === 0) args.notApplicable("the stack has no audit trail delivering to S3");

        for (const { r, subject, bucketName } of deliveries) {
            if (isExempt(r)) continue;
            const bucket = s3.buckets.find((b) => s3.nameOf(b) === bucketName);
            if (bucketName === undefined || bucket === undefined) {
                report(`${subject} delivers to ${bucketName ?? "a bucket of unknown name"}, not an S3 bucket of this stack, so its Object Lock cannot be shown.`, r.urn);
                continue;
            }
            const to = `${subject} delivers to S3 bucket ${bucketName}`;
            const configs = locks.of(bucket, bucketName);
            if (configs.length === 0) {
                report(`${to}, which has no Object Lock configuration: its logs can be deleted or overwritten.`, r.urn);
                continue;
            }
            for (const lock of configs) {
                const retention = (lock.props.rule as { defaultRetention?: DefaultRetention } | undefined)?.defaultRetention;
                if (retention === undefined) {
                    report(`${to}, whose Object Lock configuration ${lock.name} sets no default retention: new logs are not locked.`, r.urn);
                    continue;
                }
                if (!(LOCK_MODES as readonly (string | undefined)[]).includes(retention.mode)) {
                    report(`${to}, whose Object Lock configuration ${lock.name} has mode ${retention.mode ?? "(unset)"}; expected ${LOCK_MODES.join(" | ")}.`, r.urn);
                }
                const days = typeof retention.days === "number" ? retention.days : typeof retention.years === "number" ? retention.years * DAYS_PER_YEAR : undefined;
                if (days === undefined) {
                    report(`${to}, whose Object Lock configuration ${lock.name} sets no retention period (days or years).`, r.urn);
                } else if (days < min) {
                    report(`${to}, whose Object Lock configuration ${lock.name} locks logs ${days} days, below the ${min}-day floor.`, r.urn);
                }
            }
        }
    },
});
