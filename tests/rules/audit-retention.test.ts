/** infra/rules/audit-retention.ts: the floor and the CloudWatch rounding every audit trail relies on. */
import { AUDIT_RETENTION_DAYS, cloudWatchRetentionAtLeast, isAllowedAuditRetention } from "../../infra/rules/audit-retention";

test("the floor is 400 days and the ceiling what Cloud Logging keeps", () => {
    expect(AUDIT_RETENTION_DAYS).toEqual({ min: 400, max: 3650 });
    expect([399, 400, 3650, 3651, 400.5].map(isAllowedAuditRetention)).toEqual([false, true, true, false, false]);
});

test("a CloudWatch log group keeps the shortest allowed period that is at least the config value", () => {
    expect([400, 401, 545, 546, 731, 3650].map(cloudWatchRetentionAtLeast)).toEqual([400, 545, 545, 731, 731, 3653]);
    expect(() => cloudWatchRetentionAtLeast(3654)).toThrow("no CloudWatch log retention keeps 3654 days (at most 3653)");
});
