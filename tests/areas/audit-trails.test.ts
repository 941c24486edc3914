/**
 * The prod stack's audit trails (data policy "10.staff-access-audit"), wired from `data-platform:audit`: the AWS
 * trail records the configured data buckets into the audit bucket, kept the configured retention, on the
 * Australian AWS provider. The components' own settings are asserted in tests/components/audit/.
 */
import type { Recording } from "../../infra/check/recorder";
import { TYPES } from "../../infra/policy/lib/tokens";
import { named, ofType, providerUrn, runStack } from "../harness/stack";

const AUDIT_BUCKET = "allotrac-prod-audit-logs-apse2";

let rec: Recording;
beforeAll(async () => {
    rec = await runStack();
});

describe("AWS: the CloudTrail trail", () => {
    test("one trail, on the Sydney provider, recording every data bucket of the config into the audit bucket", () => {
        expect(ofType(rec, "aws:cloudtrail/trail:Trail").map((t) => t.name)).toEqual(["audit-trail"]);
        const trail = named(rec, "audit-trail", "aws:cloudtrail/trail:Trail");
        expect(providerUrn(trail.provider)).toBe(named(rec, "aws-au", TYPES.awsProvider).urn);
        expect(trail.inputs).toMatchObject({
            name: "allotrac-prod-audit",
            s3BucketName: AUDIT_BUCKET,
            isMultiRegionTrail: true,
            enableLogFileValidation: true,
            kmsKeyId: "arn:aws:kms:ap-southeast-2:000000000000:key/mock-audit-trail-key",
        });
        expect((trail.inputs["advancedEventSelectors"] as { fieldSelectors: { field: string; startsWith?: string[] }[] }[])[1]!.fieldSelectors[2]).toEqual({
            field: "resources.ARN",
            startsWith: ["arn:aws:s3:::allotrac-prod-documents-apse2/", "arn:aws:s3:::allotrac-prod-exports-apse2/"],
        });
    });

    test("the audit bucket keeps logs the configured 400 days, and is access-logged to the access-log bucket", () => {
        expect(named(rec, "audit-trail-bucket-lifecycle", "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs["rules"]).toEqual([
            { id: "abort-incomplete-multipart-uploads", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
            { id: "expire-audit-logs", status: "Enabled", filter: {}, expiration: { days: 400 }, noncurrentVersionExpiration: { noncurrentDays: 400 } },
        ]);
        expect(named(rec, "audit-trail-bucket-logging", TYPES.s3Logging).inputs).toEqual({
            bucket: AUDIT_BUCKET,
            targetBucket: "allotrac-prod-s3-access-logs-apse2",
            targetPrefix: `${AUDIT_BUCKET}/`,
            targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
        });
    });

    test("a longer retention in config reaches the bucket's lifecycle and its Object Lock", async () => {
        const longer = await runStack({ mutate: (c) => (c["data-platform:audit"].retentionDays = 731) });
        const rules = named(longer, "audit-trail-bucket-lifecycle", "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs["rules"] as {
            expiration?: { days: number };
        }[];
        expect(rules[1]!.expiration).toEqual({ days: 731 });
        expect(named(longer, "audit-trail-bucket-object-lock", TYPES.s3ObjectLock).inputs["rule"]).toEqual({ defaultRetention: { mode: "GOVERNANCE", days: 731 } });
    });

    test("the audit bucket alone has Object Lock: every log version locked in GOVERNANCE mode for the configured 400 days", () => {
        const bucket = named(rec, "audit-trail-bucket", TYPES.s3Bucket);
        expect(bucket.inputs["objectLockEnabled"]).toBe(true);
        const lock = named(rec, "audit-trail-bucket-object-lock", TYPES.s3ObjectLock);
        expect(lock.inputs).toEqual({ bucket: AUDIT_BUCKET, objectLockEnabled: "Enabled", rule: { defaultRetention: { mode: "GOVERNANCE", days: 400 } } });
        expect(lock.propertyDependencies["bucket"]).toEqual([bucket.urn]);
        expect(providerUrn(lock.provider)).toBe(named(rec, "aws-au", TYPES.awsProvider).urn);
        // GOVERNANCE cannot be lifted through IAM alone: the bucket's policy denies the bypass to everyone.
        const policy = JSON.parse(named(rec, "audit-trail-bucket-policy", TYPES.s3Policy).inputs["policy"] as string);
        expect(policy.Statement.filter((s: { Sid: string }) => s.Sid === "DenyBypassGovernanceRetention")).toEqual([
            { Sid: "DenyBypassGovernanceRetention", Effect: "Deny", Principal: "*", Action: "s3:BypassGovernanceRetention", Resource: [`arn:aws:s3:::${AUDIT_BUCKET}/*`] },
        ]);
        // The data buckets and the access-log bucket are unchanged.
        expect(ofType(rec, TYPES.s3ObjectLock).map((l) => l.name)).toEqual(["audit-trail-bucket-object-lock"]);
        expect(Object.fromEntries(ofType(rec, TYPES.s3Bucket).map((b) => [b.name, b.inputs["objectLockEnabled"]]))).toEqual({
            "s3-access-logs": false,
            "s3-documents": false,
            "s3-exports": false,
            "audit-trail-bucket": true,
        });
    });
});

describe("Google Cloud: the Data Access logs' own log bucket", () => {
    test("in the project's Australian region, kept the configured 400 days, fed by the Data Access sink, on the project's provider", () => {
        const bucket = named(rec, "gcs-data-access-logs-bucket", "gcp:logging/projectBucketConfig:ProjectBucketConfig");
        const sink = named(rec, "gcs-data-access-logs-sink", TYPES.gcpProjectSink);
        expect(providerUrn(bucket.provider)).toBe(named(rec, "gcp-au", TYPES.gcpProvider).urn);
        expect(bucket.inputs).toMatchObject({ project: "allotrac-data-prod", location: "australia-southeast1", retentionDays: 400 });
        expect(sink.inputs).toMatchObject({
            destination: "logging.googleapis.com/projects/allotrac-data-prod/locations/australia-southeast1/buckets/data-access-audit",
            filter: 'logName="projects/allotrac-data-prod/logs/cloudaudit.googleapis.com%2Fdata_access"',
        });
        // Both wait for the Logging API.
        expect(bucket.dependencies).toContain(named(rec, "gcp-services-logging").urn);
    });
});

describe("Auth0: the log stream's archive", () => {
    test("the bus takes the stream's partner event source; the log group keeps the configured 400 days in Sydney", () => {
        const stream = named(rec, "auth0-audit-log-stream", "auth0:index/logStream:LogStream");
        const bus = named(rec, "auth0-audit-log-archive-bus", "aws:cloudwatch/eventBus:EventBus");
        expect(bus.inputs["eventSourceName"]).toBe("aws.partner/auth0.com/mock-auth0-audit-log-stream/auth0.logs");
        expect(bus.propertyDependencies["eventSourceName"]).toEqual([stream.urn]);
        const group = named(rec, "auth0-audit-log-archive-log-group", "aws:cloudwatch/logGroup:LogGroup");
        expect(group.inputs["retentionInDays"]).toBe(400);
        expect(providerUrn(group.provider)).toBe(named(rec, "aws-au", TYPES.awsProvider).urn);
    });
});

describe("Atlas: the log export", () => {
    test("to the audit bucket through the role Atlas already assumes for the project, after the bucket's policy", () => {
        const exp = named(rec, "atlas-log-export-export", "mongodbatlas:index/pushBasedLogExport:PushBasedLogExport");
        expect(exp.inputs).toMatchObject({ bucketName: AUDIT_BUCKET, prefixPath: "atlas" });
        expect(exp.propertyDependencies["iamRoleId"]).toEqual([named(rec, "atlas-encryption-access-authorization").urn]);
        expect(exp.dependencies).toContain(named(rec, "audit-trail-bucket-policy", TYPES.s3Policy).urn);
        const grant = named(rec, "atlas-log-export-role-policy", "aws:iam/rolePolicy:RolePolicy");
        expect(grant.propertyDependencies["role"]).toEqual([named(rec, "atlas-encryption-role").urn]);
        expect(JSON.parse(grant.inputs["policy"] as string).Statement[2].Resource).toEqual([
            "arn:aws:kms:ap-southeast-2:000000000000:key/mock-audit-trail-bucket-key",
        ]);
    });
});
