/**
 * The §10 audit-trail policies through the real policy pack: the compliant fixture (the prod stack at preview)
 * passes; each single mutation fails with the exact message.
 */
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
            mandatory("Auth0 tenant auth0-tenant: no event bus takes its log stream into a log group of the stack, so its logs are dropped."),
        ]);
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
