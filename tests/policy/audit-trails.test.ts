/**
 * The §10 audit-trail policies through the real policy pack: the compliant fixture (the prod stack at preview)
 * passes; each single mutation fails with the exact message.
 */
import { UNKNOWN } from "../../infra/check/recorder";
import type { Recording, Registration } from "../../infra/check/recording";
import { mandatory, mutateResource, policySuite, violationsOf, withoutResources } from "../harness/policy";

const suite = policySuite();

describe("audit-trail-records-every-data-store", () => {
    const policy = "audit-trail-records-every-data-store";
    const stack = async (rec = suite.rec) => violationsOf(await suite.pack.analyzeStack(rec), policy);
    const dataSelector = (p: Record<string, any>) => p["advancedEventSelectors"][1].fieldSelectors;

    test("passes the prod stack: each store has its trail", async () => {
        expect(await stack()).toEqual([]);
    });
    test("fails an S3 data bucket the trail does not name", async () => {
        const broken = mutateResource(suite.rec, "audit-trail", (p) => (dataSelector(p)[2].startsWith = ["arn:aws:s3:::allotrac-prod-documents-apse2/"]));
        expect(await stack(broken)).toEqual([
            mandatory("S3 bucket s3-exports (allotrac-prod-exports-apse2): no CloudTrail trail records its object reads and writes (S3 data events)."),
        ]);
    });
    test("fails a trail that records only writes (a readOnly selector)", async () => {
        const broken = mutateResource(suite.rec, "audit-trail", (p) => dataSelector(p).push({ field: "readOnly", equals: ["false"] }));
        expect(await stack(broken)).toEqual([
            mandatory("S3 bucket s3-documents (allotrac-prod-documents-apse2): no CloudTrail trail records its object reads and writes (S3 data events)."),
            mandatory("S3 bucket s3-exports (allotrac-prod-exports-apse2): no CloudTrail trail records its object reads and writes (S3 data events)."),
        ]);
    });
    test("fails every data bucket when the trail stops logging", async () => {
        const messages = [
            mandatory("S3 bucket s3-documents (allotrac-prod-documents-apse2): no CloudTrail trail records its object reads and writes (S3 data events)."),
            mandatory("S3 bucket s3-exports (allotrac-prod-exports-apse2): no CloudTrail trail records its object reads and writes (S3 data events)."),
        ];
        expect(await stack(mutateResource(suite.rec, "audit-trail", (p) => (p["enableLogging"] = false)))).toEqual(messages);
    });
    test("fails a Cloud Storage bucket whose Data Access logs are not routed to a log bucket", async () => {
        expect(await stack(withoutResources(suite.rec, "gcs-data-access-logs-sink"))).toEqual([
            mandatory("Cloud Storage bucket gcs-media: no log sink keeps its Data Access logs in a log bucket of the stack (_Default keeps them 30 days)."),
        ]);
    });
    test("fails a Cloud Storage bucket whose Data Access logs are off", async () => {
        const broken = mutateResource(suite.rec, "gcs-data-access-audit", (p) => (p["auditLogConfigs"] = [{ logType: "ADMIN_READ" }]));
        expect(await stack(broken)).toEqual([
            mandatory("Cloud Storage bucket gcs-media: Data Access audit logs (DATA_READ and DATA_WRITE for storage.googleapis.com) are off."),
        ]);
    });
    test("fails an Atlas cluster whose logs are not exported", async () => {
        expect(await stack(withoutResources(suite.rec, "atlas-log-export-export"))).toEqual([
            mandatory("Atlas cluster atlas-cluster: its logs are not exported (push-based log export), so Atlas keeps its audit log only briefly."),
        ]);
    });
    test("fails an Atlas cluster without database auditing", async () => {
        expect(await stack(mutateResource(suite.rec, "atlas-access-auditing", (p) => (p["enabled"] = false)))).toEqual([
            mandatory("Atlas cluster atlas-cluster: database auditing is not enabled in the stack."),
        ]);
    });
    test("fails the Auth0 tenant when nothing keeps its log stream", async () => {
        expect(await stack(withoutResources(suite.rec, "auth0-audit-log-archive-target"))).toEqual([
            mandatory("Auth0 tenant auth0-tenant: no event bus takes its log stream, through an enabled rule matching every event of the stream, into a log group of the stack, so its logs are dropped."),
        ]);
    });
    test.each([
        ["without the rule the target hangs on", () => withoutResources(suite.rec, "auth0-audit-log-archive-rule")],
        ["with the rule disabled", () => mutateResource(suite.rec, "auth0-audit-log-archive-rule", (p) => (p["state"] = "DISABLED"))],
        [
            "with a rule that keeps only some events (a detail-type filter)",
            () => mutateResource(suite.rec, "auth0-audit-log-archive-rule", (p) => (p["eventPattern"] = JSON.stringify({ source: [{ prefix: "aws.partner/auth0.com" }], "detail-type": ["Auth0 log"] }))),
        ],
        ["with a rule for another source", () => mutateResource(suite.rec, "auth0-audit-log-archive-rule", (p) => (p["eventPattern"] = JSON.stringify({ source: ["aws.s3"] })))],
        ["with a rule whose pattern is unknown at preview", () => mutateResource(suite.rec, "auth0-audit-log-archive-rule", (p) => (p["eventPattern"] = UNKNOWN))],
        ["with a rule whose pattern is not JSON", () => mutateResource(suite.rec, "auth0-audit-log-archive-rule", (p) => (p["eventPattern"] = "{source"))],
    ])("fails the Auth0 tenant %s", async (_what, broken) => {
        expect(await stack(broken())).toEqual([mandatory("Auth0 tenant auth0-tenant: no event bus takes its log stream, through an enabled rule matching every event of the stream, into a log group of the stack, so its logs are dropped.")]);
    });
    test("keeps the Auth0 tenant whose rule names the partner source exactly", async () => {
        const exact = mutateResource(suite.rec, "auth0-audit-log-archive-rule", (p) => (p["eventPattern"] = JSON.stringify({ source: ["aws.partner/auth0.com/allotrac-prod-0123"] })));
        expect(await stack(exact)).toEqual([]);
    });
    test("fails the Auth0 tenant without an active log stream", async () => {
        expect(await stack(mutateResource(suite.rec, "auth0-audit-log-stream", (p) => (p["status"] = "paused")))).toEqual([
            mandatory("Auth0 tenant auth0-tenant: no active log stream."),
        ]);
    });
});

describe("audit-logs-kept-in-australia", () => {
    const policy = "audit-logs-kept-in-australia";
    const stack = async (rec = suite.rec) => violationsOf(await suite.pack.analyzeStack(rec), policy);

    test("passes the prod stack: every trail in Australia, kept 400 days", async () => {
        expect(await stack()).toEqual([]);
    });
    test("fails a trail that is single-region, unvalidated and unencrypted", async () => {
        const broken = mutateResource(suite.rec, "audit-trail", (p) => {
            p["isMultiRegionTrail"] = false;
            p["enableLogFileValidation"] = false;
            delete p["kmsKeyId"];
        });
        expect(await stack(broken)).toEqual([
            mandatory(
                "CloudTrail trail audit-trail does not record every region (isMultiRegionTrail); does not validate its log files (enableLogFileValidation); is not encrypted with a customer key (kmsKeyId).",
            ),
        ]);
    });
    test("fails a trail delivering to a bucket outside the stack (so not shown to be in Australia)", async () => {
        expect(await stack(mutateResource(suite.rec, "audit-trail", (p) => (p["s3BucketName"] = "someone-elses-bucket")))).toEqual([
            mandatory("CloudTrail trail audit-trail delivers to someone-elses-bucket, not an S3 bucket of this stack, so it cannot be shown to be in Australia."),
        ]);
    });
    test("fails the trail and the Atlas export when the audit bucket expires logs below the floor", async () => {
        const broken = mutateResource(suite.rec, "audit-trail-bucket-lifecycle", (p) => (p["rules"][1].expiration.days = 90));
        expect(await stack(broken)).toEqual([
            mandatory("CloudTrail trail audit-trail delivers to S3 bucket allotrac-prod-audit-logs-apse2, which expires logs after 90 days, below the 400-day floor."),
            mandatory("Atlas log export atlas-log-export-export delivers to S3 bucket allotrac-prod-audit-logs-apse2, which expires logs after 90 days, below the 400-day floor."),
        ]);
    });
    test("fails a Data Access log bucket outside Australia, kept below the floor", async () => {
        const broken = mutateResource(suite.rec, "gcs-data-access-logs-bucket", (p) => {
            p["location"] = "us-central1";
            p["retentionDays"] = 30;
        });
        expect(await stack(broken)).toEqual([
            mandatory("Log bucket gcs-data-access-logs-bucket is in us-central1; audit logs stay in Australia (australia-southeast1 | australia-southeast2)."),
            mandatory("Log bucket gcs-data-access-logs-bucket keeps logs 30 days, below the 400-day floor."),
        ]);
    });
    test("fails the Auth0 log group kept below the floor", async () => {
        expect(await stack(mutateResource(suite.rec, "auth0-audit-log-archive-log-group", (p) => (p["retentionInDays"] = 365)))).toEqual([
            mandatory("Log group auth0-audit-log-archive-log-group keeps logs 365 days, below the 400-day floor."),
        ]);
    });
    test("a pack config may raise the floor, never lower it", async () => {
        const raised = violationsOf(await suite.pack.analyzeStack(suite.rec, { [policy]: { minRetentionDays: 545 } }), policy);
        expect(raised.map((v) => v.message)).toEqual([
            "CloudTrail trail audit-trail delivers to S3 bucket allotrac-prod-audit-logs-apse2, which expires logs after 400 days, below the 545-day floor.",
            "Atlas log export atlas-log-export-export delivers to S3 bucket allotrac-prod-audit-logs-apse2, which expires logs after 400 days, below the 545-day floor.",
            "Log bucket gcs-data-access-logs-bucket keeps logs 400 days, below the 545-day floor.",
            "Log group auth0-audit-log-archive-log-group keeps logs 400 days, below the 545-day floor.",
        ]);
        await expect(suite.pack.analyzeStack(suite.rec, { [policy]: { minRetentionDays: 30 } })).rejects.toThrow(
            `Invalid config for policy ${policy}: /minRetentionDays must be >= 400.`,
        );
    });
});

describe("audit-logs-object-locked", () => {
    const policy = "audit-logs-object-locked";
    const stack = async (rec = suite.rec) => violationsOf(await suite.pack.analyzeStack(rec), policy);
    const to = (subject: string) => `${subject} delivers to S3 bucket allotrac-prod-audit-logs-apse2`;
    const both = (rest: string) => [mandatory(`${to("CloudTrail trail audit-trail")}${rest}`), mandatory(`${to("Atlas log export atlas-log-export-export")}${rest}`)];
    const lock = "audit-trail-bucket-object-lock";

    test("passes the prod stack: the audit bucket locks logs in GOVERNANCE mode for 400 days", async () => {
        expect(await stack()).toEqual([]);
    });
    test("fails both trails when the audit bucket has no Object Lock configuration", async () => {
        expect(await stack(withoutResources(suite.rec, lock))).toEqual(both(", which has no Object Lock configuration: its logs can be deleted or overwritten."));
    });
    test("fails a lock configuration without a default retention", async () => {
        expect(await stack(mutateResource(suite.rec, lock, (p) => delete p["rule"]))).toEqual(
            both(`, whose Object Lock configuration ${lock} sets no default retention: new logs are not locked.`),
        );
    });
    test("fails a mode other than GOVERNANCE or COMPLIANCE", async () => {
        expect(await stack(mutateResource(suite.rec, lock, (p) => (p["rule"].defaultRetention.mode = "NONE")))).toEqual(
            both(`, whose Object Lock configuration ${lock} has mode NONE; expected GOVERNANCE | COMPLIANCE.`),
        );
    });
    test("accepts COMPLIANCE, and a retention in years of at least the floor", async () => {
        expect(await stack(mutateResource(suite.rec, lock, (p) => (p["rule"].defaultRetention = { mode: "COMPLIANCE", years: 2 })))).toEqual([]);
    });
    test("fails a default retention below the 400-day floor, in days or in years", async () => {
        expect(await stack(mutateResource(suite.rec, lock, (p) => (p["rule"].defaultRetention.days = 399)))).toEqual(
            both(`, whose Object Lock configuration ${lock} locks logs 399 days, below the 400-day floor.`),
        );
        expect(await stack(mutateResource(suite.rec, lock, (p) => (p["rule"].defaultRetention = { mode: "GOVERNANCE", years: 1 })))).toEqual(
            both(`, whose Object Lock configuration ${lock} locks logs 365 days, below the 400-day floor.`),
        );
    });
    test("fails a default retention with no period", async () => {
        expect(await stack(mutateResource(suite.rec, lock, (p) => delete p["rule"].defaultRetention.days))).toEqual(
            both(`, whose Object Lock configuration ${lock} sets no retention period (days or years).`),
        );
    });
    test("fails a trail delivering to a bucket outside the stack", async () => {
        expect(await stack(mutateResource(suite.rec, "audit-trail", (p) => (p["s3BucketName"] = "someone-elses-bucket")))).toEqual([
            mandatory("CloudTrail trail audit-trail delivers to someone-elses-bucket, not an S3 bucket of this stack, so its Object Lock cannot be shown."),
        ]);
    });
    test("a lock configuration on another bucket does not count for the audit bucket", async () => {
        const elsewhere = mutateResource(suite.rec, lock, (p) => (p["bucket"] = "allotrac-prod-documents-apse2"));
        // Re-point the reference too: pairing is by reference first.
        const docs = elsewhere.registrations.find((r) => r.name === "s3-documents" && r.custom)!;
        const moved = {
            ...elsewhere,
            registrations: elsewhere.registrations.map((r) => (r.name === lock ? { ...r, propertyDependencies: { ...r.propertyDependencies, bucket: [docs.urn] } } : r)),
        };
        expect(await stack(moved)).toEqual(both(", which has no Object Lock configuration: its logs can be deleted or overwritten."));
    });
    const reg = (rec: Recording, name: string) => rec.registrations.find((r) => r.name === name && r.custom)!;
    /** The recording with resource `name` changed by `change` (its registration, wire inputs and state alike). */
    const reshape = (rec: Recording, name: string, change: (r: Registration) => Registration): Recording => {
        const changed = change(reg(rec, name));
        const states = new Map(rec.states);
        states.set(changed.urn, changed.rawInputs);
        return { ...rec, registrations: rec.registrations.map((r) => (r.urn === changed.urn ? changed : r)), states };
    };
    const noPolicyDeny = (rec: Recording) =>
        mutateResource(rec, "audit-trail-bucket-policy", (p) => {
            const doc = JSON.parse(p["policy"]);
            doc.Statement = doc.Statement.filter((s: { Sid: string }) => s.Sid !== "DenyBypassGovernanceRetention");
            p["policy"] = JSON.stringify(doc);
        });
    const governanceBypass = (label: string) =>
        both(
            `, whose ${label} is in GOVERNANCE mode, and no policy of the bucket denies s3:BypassGovernanceRetention on its objects to every principal ` +
                "without conditions: whoever IAM allows the bypass can delete or overwrite locked logs; allowed: COMPLIANCE mode, or a bucket policy statement " +
                'Deny, Principal "*", Action s3:BypassGovernanceRetention, Resource arn:aws:s3:::<bucket>/*.',
        );

    test("a lock configuration referencing the audit bucket but naming another bucket does not count for it", async () => {
        const bucketUrn = reg(suite.rec, "audit-trail-bucket").urn;
        expect(reg(suite.rec, lock).propertyDependencies["bucket"]).toEqual([bucketUrn]);
        // As `bucket: auditBucket.bucket.apply(() => "some-other-bucket")` records it: the reference stays.
        const elsewhere = mutateResource(suite.rec, lock, (p) => {
            p["bucket"] = "some-other-bucket";
            p["rule"].defaultRetention = { mode: "GOVERNANCE", days: 400 };
        });
        expect(reg(elsewhere, lock).propertyDependencies["bucket"]).toEqual([bucketUrn]);
        expect(await stack(elsewhere)).toEqual(both(", which has no Object Lock configuration: its logs can be deleted or overwritten."));
    });

    test("a lock configuration whose bucket is unknown at preview counts for the one bucket it references", async () => {
        expect(await stack(mutateResource(suite.rec, lock, (p) => (p["bucket"] = UNKNOWN)))).toEqual([]);
    });

    test("reads the bucket's inline objectLockConfiguration (deprecated, valid in v7) like a lock configuration", async () => {
        const inline = (defaultRetention: Record<string, unknown>) =>
            mutateResource(withoutResources(suite.rec, lock), "audit-trail-bucket", (p) => {
                p["objectLockEnabled"] = true;
                p["objectLockConfiguration"] = { rule: { defaultRetention } };
            });
        expect(await stack(inline({ mode: "COMPLIANCE", days: 400 }))).toEqual([]);
        expect(await stack(inline({ mode: "COMPLIANCE", days: 399 }))).toEqual(
            both(", whose inline objectLockConfiguration on audit-trail-bucket locks logs 399 days, below the 400-day floor."),
        );
    });

    test("pairs a trail with its bucket by reference when the bucket name is unknown at preview (as s3BucketName: bucket.id records it)", async () => {
        const bucketUrn = reg(suite.rec, "audit-trail-bucket").urn;
        const unknownName = reshape(suite.rec, "audit-trail", (r) => ({
            ...r,
            rawInputs: { ...r.rawInputs, s3BucketName: UNKNOWN },
            inputs: { ...r.inputs, s3BucketName: UNKNOWN },
            propertyDependencies: { ...r.propertyDependencies, s3BucketName: [bucketUrn] },
        }));
        expect(await stack(unknownName)).toEqual([]);
        // Unknown and referencing no bucket of the stack, it still cannot be shown.
        const unreferenced = reshape(unknownName, "audit-trail", (r) => ({ ...r, propertyDependencies: { ...r.propertyDependencies, s3BucketName: [] } }));
        expect(await stack(unreferenced)).toEqual([
            mandatory("CloudTrail trail audit-trail delivers to a bucket of unknown name, not an S3 bucket of this stack, so its Object Lock cannot be shown."),
        ]);
    });

    test("fails a retention period or mode unknown at preview instead of leaving it to the runtime's advisory", async () => {
        const unknown = (what: string) =>
            both(`, whose Object Lock configuration ${lock} has ${what} unknown at preview, so the lock cannot be judged; allowed: a default retention (mode and days or years) known at preview.`);
        expect(await stack(mutateResource(suite.rec, lock, (p) => (p["rule"].defaultRetention.days = UNKNOWN)))).toEqual(unknown("its retention period"));
        expect(await stack(mutateResource(suite.rec, lock, (p) => (p["rule"].defaultRetention = { mode: "COMPLIANCE", years: UNKNOWN })))).toEqual(unknown("its retention period"));
        expect(await stack(mutateResource(suite.rec, lock, (p) => (p["rule"].defaultRetention.mode = UNKNOWN)))).toEqual(unknown("its mode"));
        expect(await stack(mutateResource(suite.rec, lock, (p) => (p["rule"] = UNKNOWN)))).toEqual(unknown("its default retention"));
    });

    test("GOVERNANCE needs the bucket policy's deny of s3:BypassGovernanceRetention to every principal; COMPLIANCE does not", async () => {
        expect(await stack(noPolicyDeny(suite.rec))).toEqual(governanceBypass(`Object Lock configuration ${lock}`));
        expect(await stack(mutateResource(noPolicyDeny(suite.rec), lock, (p) => (p["rule"].defaultRetention.mode = "COMPLIANCE")))).toEqual([]);
    });

    test.each([
        ["conditioned", (s: Record<string, unknown>) => (s["Condition"] = { StringNotEquals: { "aws:PrincipalArn": "arn:aws:iam::111122223333:role/ops" } })],
        ["for one principal only", (s: Record<string, unknown>) => (s["Principal"] = { AWS: "arn:aws:iam::111122223333:role/app" })],
        ["on another bucket's objects", (s: Record<string, unknown>) => (s["Resource"] = ["arn:aws:s3:::allotrac-prod-documents-apse2/*"])],
        ["an Allow", (s: Record<string, unknown>) => (s["Effect"] = "Allow")],
    ])("a deny of the bypass that is %s does not count", async (_, edit) => {
        const weakened = mutateResource(suite.rec, "audit-trail-bucket-policy", (p) => {
            const doc = JSON.parse(p["policy"]);
            edit(doc.Statement.find((s: { Sid: string }) => s.Sid === "DenyBypassGovernanceRetention"));
            p["policy"] = JSON.stringify(doc);
        });
        expect(await stack(weakened)).toEqual(governanceBypass(`Object Lock configuration ${lock}`));
    });

    test("a wildcard deny covering the bypass counts (s3:Bypass*, Resource *, Principal AWS *)", async () => {
        const wide = mutateResource(suite.rec, "audit-trail-bucket-policy", (p) => {
            const doc = JSON.parse(p["policy"]);
            const s = doc.Statement.find((x: { Sid: string }) => x.Sid === "DenyBypassGovernanceRetention");
            s.Action = ["s3:Bypass*"];
            s.Resource = "*";
            s.Principal = { AWS: "*" };
            p["policy"] = JSON.stringify(doc);
        });
        expect(await stack(wide)).toEqual([]);
    });

    test("a pack config may raise the floor, never lower it", async () => {
        const raised = violationsOf(await suite.pack.analyzeStack(suite.rec, { [policy]: { minRetentionDays: 545 } }), policy);
        expect(raised.map((v) => v.message)).toEqual(both(`, whose Object Lock configuration ${lock} locks logs 400 days, below the 545-day floor.`).map((v) => v.message));
        await expect(suite.pack.analyzeStack(suite.rec, { [policy]: { minRetentionDays: 30 } })).rejects.toThrow(
            `Invalid config for policy ${policy}: /minRetentionDays must be >= 400.`,
        );
    });
});

describe("the §10 policies pair a trail with its bucket alike: by reference when the name is unknown at preview", () => {
    const policies = ["audit-trail-records-every-data-store", "audit-logs-kept-in-australia", "audit-logs-object-locked"];
    const reg = (rec: Recording, name: string) => rec.registrations.find((r) => r.name === name && r.custom)!;
    /** The trail as `s3BucketName: auditBucket.id` records it at preview: unknown, referencing the bucket. */
    const unknownName = (refs: (rec: Recording) => string[]): Recording => {
        const trail = reg(suite.rec, "audit-trail");
        const changed: Registration = {
            ...trail,
            rawInputs: { ...trail.rawInputs, s3BucketName: UNKNOWN },
            inputs: { ...trail.inputs, s3BucketName: UNKNOWN },
            propertyDependencies: { ...trail.propertyDependencies, s3BucketName: refs(suite.rec) },
        };
        const states = new Map(suite.rec.states);
        states.set(trail.urn, changed.rawInputs);
        return { ...suite.rec, registrations: suite.rec.registrations.map((r) => (r.urn === trail.urn ? changed : r)), states };
    };
    const verdicts = async (rec: Recording) => {
        const result = await suite.pack.analyzeStack(rec);
        return Object.fromEntries(policies.map((p) => [p, violationsOf(result, p)]));
    };

    test("referencing the audit bucket, every policy passes as with the known name", async () => {
        expect(await verdicts(unknownName((rec) => [reg(rec, "audit-trail-bucket").urn]))).toEqual(Object.fromEntries(policies.map((p) => [p, []])));
    });

    test("referencing two buckets, none is its destination: every policy says so", async () => {
        const rec = unknownName((r) => [reg(r, "audit-trail-bucket").urn, reg(r, "s3-documents").urn]);
        expect(await verdicts(rec)).toEqual({
            "audit-trail-records-every-data-store": [
                mandatory("S3 bucket audit-trail-bucket (allotrac-prod-audit-logs-apse2): no CloudTrail trail records its object reads and writes (S3 data events)."),
            ],
            "audit-logs-kept-in-australia": [
                mandatory("CloudTrail trail audit-trail delivers to a bucket of unknown name, not an S3 bucket of this stack, so it cannot be shown to be in Australia."),
            ],
            "audit-logs-object-locked": [
                mandatory("CloudTrail trail audit-trail delivers to a bucket of unknown name, not an S3 bucket of this stack, so its Object Lock cannot be shown."),
            ],
        });
    });
});

describe("audit-logs-kept-in-australia: a lifecycle pairs with the bucket its known value names", () => {
    test("a 90-day lifecycle naming the audit bucket while referencing a data bucket is the audit bucket's", async () => {
        const policy = "audit-logs-kept-in-australia";
        const lifecycle = "audit-trail-bucket-lifecycle";
        const docs = suite.rec.registrations.find((r) => r.name === "s3-documents" && r.custom)!;
        // As `bucket: documents.bucket.apply(() => "allotrac-prod-audit-logs-apse2")` records it.
        const shortened = mutateResource(suite.rec, lifecycle, (p) => (p["rules"][1].expiration.days = 90));
        const misreferenced: Recording = {
            ...shortened,
            registrations: shortened.registrations.map((r) => (r.name === lifecycle ? { ...r, propertyDependencies: { ...r.propertyDependencies, bucket: [docs.urn] } } : r)),
        };
        expect(violationsOf(await suite.pack.analyzeStack(misreferenced), policy)).toEqual([
            mandatory("CloudTrail trail audit-trail delivers to S3 bucket allotrac-prod-audit-logs-apse2, which expires logs after 90 days, below the 400-day floor."),
            mandatory("Atlas log export atlas-log-export-export delivers to S3 bucket allotrac-prod-audit-logs-apse2, which expires logs after 90 days, below the 400-day floor."),
        ]);
    });
});
