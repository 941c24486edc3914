/**
 * How the prod stack wires its S3 static-file buckets and their access-log bucket (infra/areas/static-files.ts),
 * asserted exactly (data policy §02 static files, §05 encryption at rest and in transit, §10 audit logs). Runs the
 * real program under Pulumi's mock monitor. The component on its own, with fixture args, is
 * tests/components/static-files/encrypted-s3-bucket.test.ts.
 */
import type { Registration } from "../../infra/check/recorder";
import { UNKNOWN } from "../../infra/check/recorder";
import { childrenOf, named, ofType, providerUrn, runStack } from "../harness/stack";
import { recordOnce } from "../harness/record-once";
import { s3AccessLogTargetInputs, s3BucketChildTypes, s3DataBucketInputs } from "../harness/expected-inputs";

const DOCS = "allotrac-prod-documents-apse2";
const EXPORTS = "allotrac-prod-exports-apse2";
const LOGS = "allotrac-prod-s3-access-logs-apse2";
const ACCOUNT = "111122223333";
/** The audit bucket (tests/components/audit/audit-trail.test.ts): access-logged like the data buckets. */
const AUDIT = "allotrac-prod-audit-logs-apse2";
const DOCS_EXPECTED = s3DataBucketInputs({
    bucketName: DOCS,
    purpose: "Documents and attachments uploaded by tenants",
    keyId: "mock-s3-documents-key",
    keyArn: "arn:aws:kms:ap-southeast-2:000000000000:key/mock-s3-documents-key",
    accessLogBucket: LOGS,
});
const LOGS_EXPECTED = s3AccessLogTargetInputs({
    bucketName: LOGS,
    purpose: "S3 server access logs of the static-file buckets",
    sourceBucketNames: [DOCS, EXPORTS, AUDIT],
    sourceAccountId: ACCOUNT,
    retentionDays: 400,
});

const rec = recordOnce(() => runStack());

function child(component: string, suffix: string, type: string): Registration {
    return named(rec, suffix ? `${component}-${suffix}` : component, type);
}

describe("a data bucket (s3-documents)", () => {
    const c = "s3-documents";

    test("is a component whose children all use the Australian AWS provider", () => {
        const component = named(rec, c, "data-platform:static-files:EncryptedS3Bucket");
        const children = childrenOf(rec, component);
        expect(children.map((r) => r.type).sort()).toEqual(s3BucketChildTypes(true));
        const awsProvider = named(rec, "aws-au", "pulumi:providers:aws");
        for (const ch of children) {
            expect({ name: ch.name, provider: providerUrn(ch.provider) }).toEqual({ name: ch.name, provider: awsProvider.urn });
        }
    });

    test("the bucket has the configured name, is protected and never force-destroyed", () => {
        const bucket = child(c, "", "aws:s3/bucket:Bucket");
        expect(bucket.inputs).toEqual(DOCS_EXPECTED.bucket);
        expect(bucket.options.protect).toBe(true);
    });

    test("its KMS key is customer-managed, single-Region, rotated, with the longest deletion window, protected", () => {
        const key = child(c, "key", "aws:kms/key:Key");
        // Its statements are asserted exactly in tests/components/shared/key-policy.test.ts.
        expect(key.inputs).toEqual(DOCS_EXPECTED.key);
        expect(key.options.protect).toBe(true);
        const alias = child(c, "key-alias", "aws:kms/alias:Alias");
        expect(alias.inputs).toEqual(DOCS_EXPECTED.alias);
    });

    test("default encryption is SSE-KMS with this bucket's own key and an S3 Bucket Key; SSE-C is blocked", () => {
        const enc = child(c, "encryption", "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
        expect(enc.inputs).toEqual(DOCS_EXPECTED.encryption);
        // The wiring, by reference: the config names *this* bucket and *this* key.
        expect(enc.propertyDependencies["bucket"]).toEqual([child(c, "", "aws:s3/bucket:Bucket").urn]);
        expect(enc.propertyDependencies["rules"]).toEqual([child(c, "key", "aws:kms/key:Key").urn]);
    });

    test("all four public-access-block settings are on, and ACLs are disabled", () => {
        expect(child(c, "public-access-block", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs).toEqual(DOCS_EXPECTED.publicAccessBlock);
        expect(child(c, "ownership", "aws:s3/bucketOwnershipControls:BucketOwnershipControls").inputs).toEqual(DOCS_EXPECTED.ownership);
    });

    test("the bucket policy denies requests without TLS and below TLS 1.2, and grants nothing", () => {
        const policy = child(c, "policy", "aws:s3/bucketPolicy:BucketPolicy");
        expect(policy.inputs["bucket"]).toBe(DOCS);
        expect(JSON.parse(policy.inputs["policy"] as string)).toEqual(DOCS_EXPECTED.policy);
        // Applied only after public access is blocked and ACLs are disabled.
        expect(policy.dependencies).toEqual(
            expect.arrayContaining([
                child(c, "public-access-block", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").urn,
                child(c, "ownership", "aws:s3/bucketOwnershipControls:BucketOwnershipControls").urn,
            ]),
        );
    });

    test("versioning is enabled and server access logs go to the access-log bucket", () => {
        expect(child(c, "versioning", "aws:s3/bucketVersioning:BucketVersioning").inputs).toEqual(DOCS_EXPECTED.versioning);
        const logging = child(c, "logging", "aws:s3/bucketLogging:BucketLogging");
        expect(logging.inputs).toEqual(DOCS_EXPECTED.logging);
        expect(logging.propertyDependencies["targetBucket"]).toEqual([named(rec, "s3-access-logs", "aws:s3/bucket:Bucket").urn]);
    });

    test("the logging waits for the access-log bucket's policy: S3 refuses PutBucketLogging until the target grants log delivery", () => {
        const logging = child(c, "logging", "aws:s3/bucketLogging:BucketLogging");
        expect(logging.dependencies).toContain(named(rec, "s3-access-logs-policy", "aws:s3/bucketPolicy:BucketPolicy").urn);
    });

    test("incomplete multipart uploads are aborted after 7 days; nothing else expires", () => {
        expect(child(c, "lifecycle", "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs).toEqual(DOCS_EXPECTED.lifecycle);
    });
});

describe("the access-log bucket (s3-access-logs)", () => {
    const c = "s3-access-logs";

    test("is encrypted with SSE-S3, because S3 server access logging refuses SSE-KMS targets", () => {
        const component = named(rec, c, "data-platform:static-files:EncryptedS3Bucket");
        expect(childrenOf(rec, component).filter((r) => r.type.startsWith("aws:kms/"))).toEqual([]);
        expect(child(c, "encryption", "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").inputs).toEqual(LOGS_EXPECTED.encryption);
        expect(ofType(rec, "aws:s3/bucketLogging:BucketLogging").map((r) => r.inputs["bucket"])).not.toContain(LOGS);
    });

    test("is private and TLS-only, and lets S3 log delivery write only for our buckets in our account", () => {
        expect(child(c, "public-access-block", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock").inputs).toEqual(LOGS_EXPECTED.publicAccessBlock);
        const doc = JSON.parse(child(c, "policy", "aws:s3/bucketPolicy:BucketPolicy").inputs["policy"] as string);
        expect(doc.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
            "DenyInsecureTransport",
            "DenyOutdatedTls",
            "AllowS3ServerAccessLogDelivery",
        ]);
        expect(doc.Statement[2]).toEqual(LOGS_EXPECTED.policy.Statement[2]);
        expect(named(rec, c, "aws:s3/bucket:Bucket").options.protect).toBe(true);
    });

    test("expires logs after the configured retention (400 days in prod) and old versions after 30", () => {
        expect(child(c, "lifecycle", "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs["rules"]).toEqual(LOGS_EXPECTED.lifecycle.rules);
    });
});

describe("every S3 bucket in the stack", () => {
    test("has exactly one of each control, and nothing else is public", () => {
        const buckets = ofType(rec, "aws:s3/bucket:Bucket").map((b) => b.inputs["bucket"]).sort();
        expect(buckets).toEqual([DOCS, EXPORTS, LOGS, AUDIT].sort());
        for (const type of [
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
            "aws:s3/bucketPolicy:BucketPolicy",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "aws:s3/bucketVersioning:BucketVersioning",
        ]) {
            expect({ type, buckets: ofType(rec, type).map((r) => r.inputs["bucket"]).sort() }).toEqual({ type, buckets });
        }
    });
});

describe("at preview (computed outputs unknown, as in `pulumi preview`)", () => {
    test("bucket names and the TLS-only policy are known, so the policy pack can read them; the key ARN is not", async () => {
        const preview = await runStack({ preview: true });
        const policy = named(preview, "s3-documents-policy", "aws:s3/bucketPolicy:BucketPolicy");
        expect(policy.inputs["bucket"]).toBe(DOCS);
        expect(JSON.parse(policy.inputs["policy"] as string).Statement[0].Condition).toEqual({ Bool: { "aws:SecureTransport": "false" } });
        const enc = named(preview, "s3-documents-encryption");
        expect(enc.inputs["rules"]).toEqual([
            {
                applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: UNKNOWN },
                bucketKeyEnabled: true,
                blockedEncryptionTypes: ["SSE-C"],
            },
        ]);
    });
});
