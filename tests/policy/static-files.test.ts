/**
 * Static-file policies (S3, GCS, their keys), each evaluated through the real policy pack: the compliant
 * fixture (what the prod stack declares, at preview) passes; each single mutation fails with the exact message.
 */
import type { Recording } from "../../infra/check/recorder";
import { named } from "../harness/stack";
import { mandatory, mutateResource, notApplicableReason, policySuite, violationsOf, withoutResources } from "../harness/policy";

const suite = policySuite();
const resourceViolations = suite.violations;

describe("aws-s3-public-access-blocked", () => {
    test("passes the component's block", async () => {
        expect(await resourceViolations("s3-documents-public-access-block", "aws-s3-public-access-blocked")).toEqual([]);
    });
    test("fails when one setting is off", async () => {
        expect(await resourceViolations("s3-documents-public-access-block", "aws-s3-public-access-blocked", (p) => (p["restrictPublicBuckets"] = false))).toEqual([
            mandatory("Public access block s3-documents-public-access-block leaves restrictPublicBuckets off; all four must be true."),
        ]);
    });
    test("does not apply to other types", async () => {
        expect(notApplicableReason(await suite.pack.analyze(named(suite.rec, "s3-documents-key"), suite.rec), "aws-s3-public-access-blocked")).toBe(
            // The server's own words: a policy of one type is skipped by @pulumi/policy without being called.
            "Policy only applies to resources of type 'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock'",
        );
    });
});

describe("aws-s3-ownership-enforced", () => {
    test("passes BucketOwnerEnforced", async () => {
        expect(await resourceViolations("s3-documents-ownership", "aws-s3-ownership-enforced")).toEqual([]);
    });
    test("fails ObjectWriter", async () => {
        expect(await resourceViolations("s3-documents-ownership", "aws-s3-ownership-enforced", (p) => (p["rule"].objectOwnership = "ObjectWriter"))).toEqual([
            mandatory("Ownership controls s3-documents-ownership set objectOwnership to ObjectWriter; it must be BucketOwnerEnforced."),
        ]);
    });
});

describe("aws-s3-versioning-enabled", () => {
    test("passes Enabled", async () => {
        expect(await resourceViolations("s3-documents-versioning", "aws-s3-versioning-enabled")).toEqual([]);
    });
    test("fails Suspended", async () => {
        expect(await resourceViolations("s3-documents-versioning", "aws-s3-versioning-enabled", (p) => (p["versioningConfiguration"].status = "Suspended"))).toEqual([
            mandatory("Bucket versioning s3-documents-versioning has status Suspended; it must be Enabled."),
        ]);
    });
});

describe("aws-s3-bucket-policy-denies-insecure-transport", () => {
    const policy = "aws-s3-bucket-policy-denies-insecure-transport";
    const editPolicy = (edit: (doc: any) => void) => (p: Record<string, any>) => {
        const doc = JSON.parse(p["policy"]);
        edit(doc);
        p["policy"] = JSON.stringify(doc);
    };
    test("passes the component's policy, at preview", async () => {
        expect(await resourceViolations("s3-documents-policy", policy)).toEqual([]);
    });
    test("fails without the SecureTransport deny", async () => {
        expect(await resourceViolations("s3-documents-policy", policy, editPolicy((d) => d.Statement.splice(0, 1)))).toEqual([
            mandatory("Bucket policy s3-documents-policy does not deny requests without TLS (aws:SecureTransport = false)."),
        ]);
    });
    test("fails when the deny is an Allow", async () => {
        expect(await resourceViolations("s3-documents-policy", policy, editPolicy((d) => (d.Statement[0].Effect = "Allow")))).toEqual([
            mandatory("Bucket policy s3-documents-policy does not deny requests without TLS (aws:SecureTransport = false)."),
        ]);
    });
    test("fails without the TLS 1.2 floor", async () => {
        expect(await resourceViolations("s3-documents-policy", policy, editPolicy((d) => (d.Statement[1].Condition.NumericLessThan["s3:TlsVersion"] = "1.0")))).toEqual([
            mandatory("Bucket policy s3-documents-policy does not deny requests below TLS 1.2 (s3:TlsVersion < 1.2)."),
        ]);
    });
});

describe("aws-kms-key-rotation-enabled", () => {
    const policy = "aws-kms-key-rotation-enabled";
    test("passes the component's key", async () => {
        expect(await resourceViolations("s3-documents-key", policy)).toEqual([]);
    });
    test("fails without rotation", async () => {
        expect(await resourceViolations("s3-documents-key", policy, (p) => (p["enableKeyRotation"] = false))).toEqual([
            mandatory("KMS key s3-documents-key does not rotate: enableKeyRotation must be true."),
        ]);
    });
    test("fails a multi-Region key", async () => {
        expect(await resourceViolations("s3-documents-key", policy, (p) => (p["multiRegion"] = true))).toEqual([
            mandatory("KMS key s3-documents-key is multi-Region, which replicates its key material outside Australia."),
        ]);
    });
});

describe("aws-s3-bucket-controls-paired (stack)", () => {
    const policy = "aws-s3-bucket-controls-paired";
    test("passes: every bucket has all six controls; the log bucket needs no logging of its own", async () => {
        expect(violationsOf(await suite.pack.analyzeStack(suite.rec), policy)).toEqual([]);
    });
    test("flags a bucket whose public access block and policy are missing", async () => {
        const broken = withoutResources(suite.rec, "s3-exports-public-access-block", "s3-exports-policy");
        expect(violationsOf(await suite.pack.analyzeStack(broken), policy)).toEqual([
            mandatory("S3 bucket s3-exports (allotrac-prod-exports-apse2) is missing a public access block (BucketPublicAccessBlock), a bucket policy (BucketPolicy)."),
        ]);
    });
    test("flags a data bucket without access logging", async () => {
        const broken = withoutResources(suite.rec, "s3-documents-logging");
        expect(violationsOf(await suite.pack.analyzeStack(broken), policy)).toEqual([
            mandatory("S3 bucket s3-documents (allotrac-prod-documents-apse2) is missing access logging (BucketLogging)."),
        ]);
    });
    test("an exemption needs a reason of at least 20 characters, and then skips the bucket", async () => {
        const broken = withoutResources(suite.rec, "s3-documents-logging");
        await expect(
            suite.pack.analyzeStack(broken, { [policy]: { exemptions: [{ resource: "s3-documents", reason: "because" }] } }),
        ).rejects.toThrow(`Invalid config for policy ${policy}: /exemptions/0/reason must NOT have fewer than 20 characters.`);
        const exempt = await suite.pack.analyzeStack(broken, {
            [policy]: { exemptions: [{ resource: "s3-documents", reason: "Logging is delivered by CloudTrail data events for this bucket." }] },
        });
        expect(violationsOf(exempt, policy)).toEqual([]);
    });
});

describe("aws-s3-bucket-encryption-customer-key (stack)", () => {
    const policy = "aws-s3-bucket-encryption-customer-key";
    const rule = (p: Record<string, any>) => p["rules"][0];
    test("passes at preview: the key ARN is unknown but comes from an aws.kms.Key of the stack; the log bucket's AES256 is allowed", async () => {
        const sse = named(suite.rec, "s3-documents-encryption");
        expect(sse.rawInputs["rules"]).toEqual([expect.objectContaining({ applyServerSideEncryptionByDefault: expect.objectContaining({ kmsMasterKeyId: expect.any(String) }) })]);
        expect(violationsOf(await suite.pack.analyzeStack(suite.rec), policy)).toEqual([]);
    });
    test("fails SSE-S3 on a data bucket", async () => {
        const broken = mutateResource(suite.rec, "s3-documents-encryption", (p) => (rule(p).applyServerSideEncryptionByDefault = { sseAlgorithm: "AES256" }));
        expect(violationsOf(await suite.pack.analyzeStack(broken), policy)).toEqual([
            mandatory("S3 bucket s3-documents (allotrac-prod-documents-apse2): default encryption is SSE-S3 (AES256), not SSE-KMS with a customer-managed key."),
        ]);
    });
    test("fails SSE-KMS with the AWS-managed key", async () => {
        const broken = withoutDependency(
            mutateResource(suite.rec, "s3-documents-encryption", (p) => (rule(p).applyServerSideEncryptionByDefault.kmsMasterKeyId = "alias/aws/s3")),
            "s3-documents-encryption",
        );
        expect(violationsOf(await suite.pack.analyzeStack(broken), policy)).toEqual([
            mandatory("S3 bucket s3-documents (allotrac-prod-documents-apse2): SSE-KMS uses the AWS-managed key alias/aws/s3, not a customer-managed one."),
        ]);
    });
    test("fails SSE-KMS without a key", async () => {
        const broken = mutateResource(suite.rec, "s3-documents-encryption", (p) => delete rule(p).applyServerSideEncryptionByDefault.kmsMasterKeyId);
        expect(violationsOf(await suite.pack.analyzeStack(broken), policy)).toEqual([
            mandatory("S3 bucket s3-documents (allotrac-prod-documents-apse2): SSE-KMS names no key, so S3 uses the AWS-managed aws/s3 key, not a customer-managed one."),
        ]);
    });
    test("fails without an S3 Bucket Key", async () => {
        const broken = mutateResource(suite.rec, "s3-documents-encryption", (p) => (rule(p).bucketKeyEnabled = false));
        expect(violationsOf(await suite.pack.analyzeStack(broken), policy)).toEqual([
            mandatory("S3 bucket s3-documents (allotrac-prod-documents-apse2): SSE-KMS is used without an S3 Bucket Key (bucketKeyEnabled must be true)."),
        ]);
    });
    test("the log-target allowance cannot be claimed by a bucket that receives no logs", async () => {
        const broken = withoutResources(suite.rec, "s3-documents-logging", "s3-exports-logging", "audit-trail-bucket-logging");
        expect(violationsOf(await suite.pack.analyzeStack(broken), policy)).toEqual([
            mandatory("S3 bucket s3-access-logs (allotrac-prod-s3-access-logs-apse2): default encryption is SSE-S3 (AES256), not SSE-KMS with a customer-managed key."),
        ]);
    });
});

describe("gcp-storage-bucket-cmek / -private / -versioning-enabled", () => {
    test("pass the component's bucket at preview (the key id is unknown, but set)", async () => {
        const result = await suite.pack.analyze(named(suite.rec, "gcs-media", "gcp:storage/bucket:Bucket"), suite.rec);
        expect(result.diagnostics).toEqual([]);
    });
    test("cmek fails without a default key", async () => {
        expect(await resourceViolations("gcs-media", "gcp-storage-bucket-cmek", (p) => delete p["encryption"])).toEqual([
            mandatory("Cloud Storage bucket gcs-media has no default customer-managed key (encryption.defaultKmsKeyName)."),
        ]);
    });
    test("private fails with inherited public access prevention", async () => {
        expect(await resourceViolations("gcs-media", "gcp-storage-bucket-private", (p) => (p["publicAccessPrevention"] = "inherited"))).toEqual([
            mandatory("Cloud Storage bucket gcs-media has publicAccessPrevention inherited; it must be enforced."),
        ]);
    });
    test("private fails without uniform bucket-level access", async () => {
        expect(await resourceViolations("gcs-media", "gcp-storage-bucket-private", (p) => (p["uniformBucketLevelAccess"] = false))).toEqual([
            mandatory("Cloud Storage bucket gcs-media does not use uniform bucket-level access."),
        ]);
    });
    test("versioning fails when disabled", async () => {
        expect(await resourceViolations("gcs-media", "gcp-storage-bucket-versioning-enabled", (p) => (p["versioning"] = { enabled: false }))).toEqual([
            mandatory("Cloud Storage bucket gcs-media does not have versioning enabled."),
        ]);
    });
});

describe("gcp-kms-key-rotation", () => {
    const policy = "gcp-kms-key-rotation";
    test("passes 90 days", async () => {
        expect(await resourceViolations("gcs-media-key", policy)).toEqual([]);
    });
    test("fails 91 days", async () => {
        expect(await resourceViolations("gcs-media-key", policy, (p) => (p["rotationPeriod"] = "7862400s"))).toEqual([
            mandatory("Cloud KMS key gcs-media-key rotates every 91 days; at most 90 days is allowed."),
        ]);
    });
    test("fails without rotation", async () => {
        expect(await resourceViolations("gcs-media-key", policy, (p) => delete p["rotationPeriod"])).toEqual([
            mandatory("Cloud KMS key gcs-media-key has no automatic rotation (rotationPeriod is unset)."),
        ]);
    });
    test("the maximum is pack config", async () => {
        const result = await suite.pack.analyze(named(suite.rec, "gcs-media-key"), suite.rec, { [policy]: { maxRotationDays: 30 } });
        expect(violationsOf(result, policy)).toEqual([mandatory("Cloud KMS key gcs-media-key rotates every 90 days; at most 30 days is allowed.")]);
    });
});

/** Drop the recorded reference from one resource's inputs to another (as if it were given a literal). */
function withoutDependency(r: Recording, name: string): Recording {
    return { ...r, registrations: r.registrations.map((x) => (x.name === name ? { ...x, propertyDependencies: { ...x.propertyDependencies, rules: [] } } : x)) };
}
