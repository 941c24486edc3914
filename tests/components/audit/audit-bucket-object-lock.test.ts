/**
 * Object Lock on the audit bucket (data policy "10.staff-access-audit": "audit logs maintained for accountability"):
 * the bucket an `AuditTrail` delivers to is created with Object Lock, and its default retention locks every log
 * version in GOVERNANCE mode for the audit retention; a data bucket and the access-log bucket get neither. Fixture
 * args, not prod's; the prod wiring is tests/areas/audit-trails.test.ts.
 */
import * as aws from "@pulumi/aws";
import { AuditTrail, type AuditTrailArgs } from "../../../infra/components/audit/audit-trail";
import { EncryptedS3Bucket } from "../../../infra/components/static-files/encrypted-s3-bucket";
import type { Recording } from "../../../infra/check/recorder";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { buildAlone } from "../../harness/build-alone";
import { named, ofType } from "../../harness/stack";

const BUCKET = "fixture-audit-bucket";
const ARGS: AuditTrailArgs = {
    trailName: "fixture-trail",
    bucketName: BUCKET,
    accountId: "444455556666",
    region: "ap-southeast-4",
    retentionDays: 500,
    dataBucketNames: ["fixture-data-a"],
    accessLogs: { bucketName: "fixture-access-logs" },
};
const provider = () => new aws.Provider("aws", { region: "ap-southeast-4" });

describe("the audit bucket", () => {
    let rec: Recording;
    beforeAll(async () => {
        rec = await buildAlone(() => new AuditTrail("t", ARGS, { providers: [provider()] }));
    });

    test("is created with Object Lock enabled", () => {
        expect(named(rec, "t-bucket", TYPES.s3Bucket).inputs["objectLockEnabled"]).toBe(true);
    });

    test("locks every new log version in GOVERNANCE mode for the audit retention, after versioning is on", () => {
        const lock = named(rec, "t-bucket-object-lock", TYPES.s3ObjectLock);
        expect(lock.inputs).toEqual({
            bucket: BUCKET,
            objectLockEnabled: "Enabled",
            rule: { defaultRetention: { mode: "GOVERNANCE", days: 500 } },
        });
        const bucket = named(rec, "t-bucket", TYPES.s3Bucket);
        const versioning = named(rec, "t-bucket-versioning", TYPES.s3Versioning);
        // Paired with its bucket by reference (what the policy pack matches on), and ordered after versioning.
        expect(lock.propertyDependencies["bucket"]).toEqual([bucket.urn]);
        expect(lock.dependencies).toContain(versioning.urn);
        expect(lock.parent).toBe(named(rec, "t-bucket", "data-platform:static-files:EncryptedS3Bucket").urn);
        expect(ofType(rec, TYPES.s3ObjectLock)).toHaveLength(1);
    });

    test("its policy denies s3:BypassGovernanceRetention on every log to every principal, unconditioned: no IAM grant lifts the lock", () => {
        const policy = JSON.parse(named(rec, "t-bucket-policy", TYPES.s3Policy).inputs["policy"] as string);
        const denies = policy.Statement.filter((s: { Action: unknown }) => JSON.stringify(s.Action).includes("BypassGovernanceRetention"));
        expect(denies).toEqual([
            { Sid: "DenyBypassGovernanceRetention", Effect: "Deny", Principal: "*", Action: "s3:BypassGovernanceRetention", Resource: [`arn:aws:s3:::${BUCKET}/*`] },
        ]);
    });

    test("the retention follows the trail's retentionDays", async () => {
        const longer = await buildAlone(() => new AuditTrail("t", { ...ARGS, retentionDays: 3650 }, { providers: [provider()] }));
        expect(named(longer, "t-bucket-object-lock", TYPES.s3ObjectLock).inputs["rule"]).toEqual({ defaultRetention: { mode: "GOVERNANCE", days: 3650 } });
    });
});

describe("other buckets are unchanged", () => {
    test("a data bucket and an access-log bucket: no Object Lock on the bucket, no lock configuration", async () => {
        const rec = await buildAlone(() => {
            const opts = { providers: [provider()] };
            new EncryptedS3Bucket(
                "data",
                {
                    bucketName: "fixture-data-a",
                    purpose: "fixture data",
                    role: { kind: "data", accessLogs: { bucketName: "fixture-access-logs" }, key: { accountId: "444455556666", region: "ap-southeast-4" } },
                },
                opts,
            );
            new EncryptedS3Bucket(
                "logs",
                {
                    bucketName: "fixture-access-logs",
                    purpose: "fixture access logs",
                    role: { kind: "access-log-target", sourceBucketNames: ["fixture-data-a"], sourceAccountId: "444455556666", retentionDays: 400 },
                },
                opts,
            );
        });
        expect(ofType(rec, TYPES.s3Bucket).map((b) => [b.name, b.inputs["objectLockEnabled"]])).toEqual([
            ["data", false],
            ["logs", false],
        ]);
        expect(ofType(rec, TYPES.s3ObjectLock)).toEqual([]);
        // Nor the deny of s3:BypassGovernanceRetention, which only a locked bucket needs.
        for (const policy of ofType(rec, TYPES.s3Policy)) expect(policy.inputs["policy"] as string).not.toContain("BypassGovernanceRetention");
    });
});
