/**
 * `AuditTrail` on its own, with fixture args (data policy "10.staff-access-audit": "audit logs maintained for
 * accountability"): the audit bucket, the trail's key and its policy, the trail's settings and event selectors, and
 * the refusals. How the prod stack wires it is tests/areas/audit-trails.test.ts.
 */
import { KEY_ADMIN_ACTIONS } from "../../../infra/components/shared/customer-managed-key";
import * as aws from "@pulumi/aws";
import { AuditTrail, type AuditTrailArgs } from "../../../infra/components/audit/audit-trail";
import type { Recording } from "../../../infra/check/recorder";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { buildAlone, tryBuildAlone } from "../../harness/build-alone";
import { childrenOf, named, providerUrn } from "../../harness/stack";

const COMPONENT = "data-platform:audit:AuditTrail";
const ACCOUNT = "444455556666";
const TRAIL_ARN = `arn:aws:cloudtrail:ap-southeast-4:${ACCOUNT}:trail/fixture-trail`;
const BUCKET = "fixture-audit-bucket";

/** Fixture args: not prod's, so that a prod config edit cannot change what this file asserts. */
const ARGS: AuditTrailArgs = {
    trailName: "fixture-trail",
    bucketName: BUCKET,
    accountId: ACCOUNT,
    region: "ap-southeast-4",
    retentionDays: 500,
    dataBucketNames: ["fixture-data-a", "fixture-data-b"],
    accessLogs: { bucketName: "fixture-access-logs" },
};

function build(args: Partial<AuditTrailArgs>) {
    return () => new AuditTrail("t", { ...ARGS, ...args }, { providers: [new aws.Provider("aws", { region: "ap-southeast-4" })] });
}

describe("the trail and its delivery", () => {
    let rec: Recording;
    beforeAll(async () => {
        rec = await buildAlone(build({}));
    });

    test("children: the audit bucket component, the trail's key and alias, the trail; all on the given AWS provider", () => {
        const children = childrenOf(rec, named(rec, "t", COMPONENT));
        expect(children.map((c) => `${c.type}::${c.name}`).sort()).toEqual(
            [
                "data-platform:static-files:EncryptedS3Bucket::t-bucket",
                "aws:kms/key:Key::t-key",
                "aws:kms/alias:Alias::t-key-alias",
                "aws:cloudtrail/trail:Trail::t",
            ].sort(),
        );
        const provider = named(rec, "aws", TYPES.awsProvider).urn;
        const awsChildren = rec.registrations.filter((r) => r.type.startsWith("aws:"));
        expect(awsChildren.length).toBe(14);
        for (const r of awsChildren) expect({ name: r.name, provider: providerUrn(r.provider) }).toEqual({ name: r.name, provider });
    });

    test("the trail: all regions, log file validation, this key, management events and S3 data events of every data bucket; protected", () => {
        const trail = named(rec, "t", "aws:cloudtrail/trail:Trail");
        expect(trail.inputs).toEqual({
            name: "fixture-trail",
            s3BucketName: BUCKET,
            isMultiRegionTrail: true,
            includeGlobalServiceEvents: true,
            enableLogFileValidation: true,
            enableLogging: true,
            // The mocks compute every key ARN in ap-southeast-2, whatever the provider (infra/check/mock-outputs.ts).
            kmsKeyId: "arn:aws:kms:ap-southeast-2:000000000000:key/mock-t-key",
            advancedEventSelectors: [
                { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
                {
                    name: "S3 data events of the data buckets",
                    fieldSelectors: [
                        { field: "eventCategory", equals: ["Data"] },
                        { field: "resources.type", equals: ["AWS::S3::Object"] },
                        { field: "resources.ARN", startsWith: ["arn:aws:s3:::fixture-data-a/", "arn:aws:s3:::fixture-data-b/"] },
                    ],
                },
            ],
            tags: { "data-policy-clause": "10.staff-access-audit", purpose: "CloudTrail audit trail of the data stores" },
        });
        expect(trail.options.protect).toBe(true);
        // CloudTrail checks its bucket grant at creation: the trail waits for the bucket policy.
        expect(trail.dependencies).toContain(named(rec, "t-bucket-policy", TYPES.s3Policy).urn);
        expect(trail.propertyDependencies["kmsKeyId"]).toEqual([named(rec, "t-key", TYPES.kmsKey).urn]);
    });

    test("the trail's key: customer-managed, rotated, protected; CloudTrail may encrypt and describe for this trail only", () => {
        const key = named(rec, "t-key", TYPES.kmsKey);
        expect(key.options.protect).toBe(true);
        expect({ ...key.inputs, policy: JSON.parse(key.inputs["policy"] as string) }).toEqual({
            description: "Encrypts the log files of CloudTrail trail fixture-trail",
            keyUsage: "ENCRYPT_DECRYPT",
            customerMasterKeySpec: "SYMMETRIC_DEFAULT",
            enableKeyRotation: true,
            multiRegion: false,
            deletionWindowInDays: 30,
            tags: { "data-policy-clause": "10.staff-access-audit", purpose: "CloudTrail audit trail of the data stores" },
            policy: {
                Version: "2012-10-17",
                Statement: [
                    // The administration statement's actions are asserted literally in tests/components/shared/key-policy.test.ts.
                    { Sid: "KeyAdministration", Effect: "Allow", Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`] }, Action: [...KEY_ADMIN_ACTIONS], Resource: "*" },
                    {
                        Sid: "KeyUseThroughServices",
                        Effect: "Allow",
                        Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` },
                        Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                        Resource: "*",
                        Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": ["s3.ap-southeast-4.amazonaws.com"] } },
                    },
                    {
                        Sid: "CloudTrailEncryptsThisTrailsLogs",
                        Effect: "Allow",
                        Principal: { Service: "cloudtrail.amazonaws.com" },
                        Action: ["kms:GenerateDataKey*"],
                        Resource: "*",
                        Condition: {
                            StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` },
                            StringEquals: { "aws:SourceAccount": ACCOUNT },
                            ArnLike: { "aws:SourceArn": [TRAIL_ARN] },
                        },
                    },
                    {
                        Sid: "CloudTrailDescribesTheKey",
                        Effect: "Allow",
                        Principal: { Service: "cloudtrail.amazonaws.com" },
                        Action: ["kms:DescribeKey"],
                        Resource: "*",
                        Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT }, ArnLike: { "aws:SourceArn": [TRAIL_ARN] } },
                    },
                ],
            },
        });
        expect(named(rec, "t-key-alias", "aws:kms/alias:Alias").inputs).toEqual({ name: "alias/cloudtrail/fixture-trail", targetKeyId: "mock-t-key" });
    });

    test("the audit bucket: protected, its own key, access-logged, TLS only, CloudTrail may write from this trail only", () => {
        const bucket = named(rec, "t-bucket", TYPES.s3Bucket);
        expect(bucket.inputs).toEqual({
            bucket: BUCKET,
            forceDestroy: false,
            objectLockEnabled: true,
            tags: { "data-policy-clause": "10.staff-access-audit", purpose: "CloudTrail and Atlas audit logs of the data stores (data policy §10)" },
        });
        expect(bucket.options.protect).toBe(true);
        expect(named(rec, "t-bucket-key", TYPES.kmsKey).options.protect).toBe(true);
        expect(named(rec, "t-bucket-logging", TYPES.s3Logging).inputs).toMatchObject({ bucket: BUCKET, targetBucket: "fixture-access-logs" });
        expect(named(rec, "t-bucket-versioning", TYPES.s3Versioning).inputs).toEqual({ bucket: BUCKET, versioningConfiguration: { status: "Enabled" } });
        const policy = JSON.parse(named(rec, "t-bucket-policy", TYPES.s3Policy).inputs["policy"] as string);
        expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual([
            "DenyInsecureTransport",
            "DenyOutdatedTls",
            "AllowCloudTrailAclCheck",
            "AllowCloudTrailWrite",
            "DenyBypassGovernanceRetention",
        ]);
        expect(policy.Statement.slice(2, 4)).toEqual([
            {
                Sid: "AllowCloudTrailAclCheck",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:GetBucketAcl",
                Resource: [`arn:aws:s3:::${BUCKET}`],
                Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN } },
            },
            {
                Sid: "AllowCloudTrailWrite",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: [`arn:aws:s3:::${BUCKET}/AWSLogs/${ACCOUNT}/*`],
                Condition: { StringEquals: { "aws:SourceArn": TRAIL_ARN, "s3:x-amz-acl": "bucket-owner-full-control" } },
            },
        ]);
    });

    test("the audit bucket's logs expire after the retention, current and superseded versions alike", () => {
        expect(named(rec, "t-bucket-lifecycle", "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration").inputs).toEqual({
            bucket: BUCKET,
            rules: [
                { id: "abort-incomplete-multipart-uploads", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } },
                { id: "expire-audit-logs", status: "Enabled", filter: {}, expiration: { days: 500 }, noncurrentVersionExpiration: { noncurrentDays: 500 } },
            ],
        });
    });
});

describe("refusals (nothing of the component is registered)", () => {
    test.each([
        [{ retentionDays: 399 }, "retentionDays = 399", "a whole number from 400 to 3650; the audit trails of data policy §10 are kept at least 400 days"],
        [{ region: "us-east-1" as never }, 'region = "us-east-1"', "an Australian AWS region (ap-southeast-2 | ap-southeast-4); data policy §02 keeps data in Australia"],
        [{ dataBucketNames: [] }, "dataBucketNames = []", "at least one S3 bucket name: every data bucket's reads and writes are recorded"],
        [
            { dataBucketNames: ["fixture-data-a", BUCKET] },
            `dataBucketNames = ["fixture-data-a","${BUCKET}"]`,
            "buckets other than the audit bucket (recording data events on it would log its own deliveries, endlessly)",
        ],
    ])("%j", async (args, field, allowed) => {
        const outcome = await tryBuildAlone(build(args));
        expect(outcome.error).toBe(`AuditTrail t: ${field} is not allowed; expected ${allowed}.`);
        expect(outcome.registered).toEqual(["pulumi:pulumi:Stack", "pulumi:providers:aws"]);
    });
});
