/**
 * The key policies of every AWS KMS key of the prod stack, statement by statement (data policy §05 "access control
 * mechanisms", "industry-standard encryption"): administration apart from use, use limited to S3 in the bucket's
 * region or to the Atlas role, all inside the pinned account. Then the key-policy builder's own arguments: delivery
 * principals, named administrators, and the refusals of arguments outside the account.
 */
import * as aws from "@pulumi/aws";
import * as mongodbatlas from "@pulumi/mongodbatlas";
import type { Recording } from "../../../infra/check/recorder";
import { KEY_ADMIN_ACTIONS, KEY_USE_ACTIONS, keyPolicyDocument } from "../../../infra/components/shared/customer-managed-key";
import { expand } from "../../../infra/policy/policies/aws-kms-key-policy-explicit";
import { EncryptedS3Bucket, type DataBucketKeyArgs } from "../../../infra/components/static-files/encrypted-s3-bucket";
import { AtlasCustomerKeyEncryption } from "../../../infra/components/operational-data/atlas-customer-key-encryption";
import { tryBuildAlone } from "../../harness/build-alone";
import { named, ofType, runStack } from "../../harness/stack";

const ACCOUNT = "111122223333";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const ADMIN_ACTIONS = [
    "kms:CreateAlias",
    "kms:Describe*",
    "kms:Enable*",
    "kms:List*",
    "kms:Put*",
    "kms:Update*",
    "kms:Revoke*",
    "kms:Disable*",
    "kms:Get*",
    "kms:Delete*",
    "kms:TagResource",
    "kms:UntagResource",
    "kms:ScheduleKeyDeletion",
    "kms:CancelKeyDeletion",
];
const ADMINISTRATION = { Sid: "KeyAdministration", Effect: "Allow", Principal: { AWS: [ROOT] }, Action: ADMIN_ACTIONS, Resource: "*" };

let rec: Recording;
beforeAll(async () => {
    rec = await runStack({ preview: true });
});

const policyOf = (name: string) => JSON.parse(named(rec, name, "aws:kms/key:Key").inputs["policy"] as string);

test("every KMS key of the prod stack has an explicit policy, known at preview", () => {
    expect(ofType(rec, "aws:kms/key:Key").map((k) => [k.name, typeof k.inputs["policy"]])).toEqual([
        ["s3-documents-key", "string"],
        ["s3-exports-key", "string"],
        ["audit-trail-key", "string"],
        ["audit-trail-bucket-key", "string"],
        ["atlas-encryption-key", "string"],
    ]);
});

/** What each pattern grants, by the policy pack's own expansion against the KMS action list. */
const classesOf = (patterns: readonly string[]) => [...new Set(patterns.flatMap((p) => expand(p).map((a) => a.cls)))].sort();

test("administrators can neither use the key nor grant: their wildcards expand to administration and reads only", () => {
    expect(classesOf(KEY_ADMIN_ACTIONS)).toEqual(["admin", "read"]);
    // AWS's default-key-policy guide gives administrators kms:Create*, which reaches kms:CreateGrant.
    expect(classesOf(["kms:Create*"])).toEqual(["admin", "grant"]);
    expect(KEY_ADMIN_ACTIONS.every((p) => expand(p).length > 0)).toBe(true);
});

test("the use actions expand to use and reads only: no administration, no grant", () => {
    expect(classesOf(KEY_USE_ACTIONS)).toEqual(["read", "use"]);
});

test.each(["s3-documents-key", "s3-exports-key", "audit-trail-bucket-key"])("%s: the account's root administers; use only through S3 in Sydney, from the account", (name) => {
    expect(policyOf(name)).toEqual({
        Version: "2012-10-17",
        Statement: [
            ADMINISTRATION,
            {
                Sid: "KeyUseThroughServices",
                Effect: "Allow",
                Principal: { AWS: ROOT },
                Action: ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"],
                Resource: "*",
                Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": ["s3.ap-southeast-2.amazonaws.com"] } },
            },
        ],
    });
});

test("atlas-encryption-key: the account's root administers; only the Atlas role uses it, with the three actions Atlas needs", () => {
    expect(policyOf("atlas-encryption-key")).toEqual({
        Version: "2012-10-17",
        Statement: [
            ADMINISTRATION,
            {
                Sid: "AtlasEncryptionAtRest",
                Effect: "Allow",
                Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/allotrac-prod-operational-atlas-kms` },
                Action: ["kms:Decrypt", "kms:Encrypt", "kms:DescribeKey"],
                Resource: "*",
                Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT } },
            },
        ],
    });
});

test("the Atlas key waits for the role its policy names (KMS refuses a principal that does not exist yet)", () => {
    const key = named(rec, "atlas-encryption-key", "aws:kms/key:Key");
    const role = named(rec, "atlas-encryption-role", "aws:iam/role:Role");
    expect(key.dependencies).toContain(role.urn);
    expect(role.inputs["name"]).toBe("allotrac-prod-operational-atlas-kms");
});

describe("keyPolicyDocument", () => {
    test("a delivery principal (CloudTrail) gets its own statement, scoped to the account and its source", () => {
        const trail = `arn:aws:cloudtrail:ap-southeast-2:${ACCOUNT}:trail/audit`;
        const doc = keyPolicyDocument({
            accountId: ACCOUNT,
            administratorArns: [`arn:aws:iam::${ACCOUNT}:role/key-admins`],
            servicePrincipals: [
                {
                    sid: "CloudTrailEncryptLogs",
                    service: "cloudtrail.amazonaws.com",
                    actions: ["kms:GenerateDataKey*", "kms:DescribeKey"],
                    sourceArns: [trail],
                    condition: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` } },
                },
            ],
        });
        expect(doc.Statement).toEqual([
            { ...ADMINISTRATION, Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:role/key-admins`] } },
            {
                Sid: "CloudTrailEncryptLogs",
                Effect: "Allow",
                Principal: { Service: "cloudtrail.amazonaws.com" },
                Action: ["kms:GenerateDataKey*", "kms:DescribeKey"],
                Resource: "*",
                Condition: {
                    StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${ACCOUNT}:trail/*` },
                    StringEquals: { "aws:SourceAccount": ACCOUNT },
                    ArnLike: { "aws:SourceArn": [trail] },
                },
            },
        ]);
    });
});

describe("the key policy's arguments, on their own (no config validation in front of them)", () => {
    const ONLY_STACK_AND_PROVIDER = ["pulumi:pulumi:Stack", "pulumi:providers:aws"];
    function buildBucket(key: DataBucketKeyArgs) {
        return tryBuildAlone(() => {
            const provider = new aws.Provider("aws", { region: "ap-southeast-2" });
            new EncryptedS3Bucket("b", { bucketName: "data-bucket", purpose: "test", role: { kind: "data", accessLogs: { bucketName: "logs" }, key } }, { providers: [provider] });
        });
    }
    const refused = (field: string, value: string, allowed: string) => ({
        error: `EncryptedS3Bucket b: ${field} = ${value} is not allowed; expected ${allowed}.`,
        registered: ONLY_STACK_AND_PROVIDER,
    });

    test("refuses an account id that is not 12 digits", async () => {
        expect(await buildBucket({ accountId: "1111-2222", region: "ap-southeast-2" })).toEqual(
            refused("role.key.accountId", '"1111-2222"', "a 12-digit AWS account id, quoted as a string"),
        );
    });

    test("refuses an administrator of another account", async () => {
        expect(await buildBucket({ accountId: ACCOUNT, region: "ap-southeast-2", administratorArns: ["arn:aws:iam::444455556666:role/admins"] })).toEqual(
            refused(
                "role.key.administratorArns[0]",
                '"arn:aws:iam::444455556666:role/admins"',
                `an IAM role or user ARN of account ${ACCOUNT}, or ${ROOT}`,
            ),
        );
    });

    test("refuses an empty administrator list (a key nobody can manage)", async () => {
        expect(await buildBucket({ accountId: ACCOUNT, region: "ap-southeast-2", administratorArns: [] })).toEqual(
            refused("role.key.administratorArns", "[]", "at least one administrator, or none given for the account's root principal"),
        );
    });

    test("refuses a delivery principal that is not an AWS service", async () => {
        expect(
            await buildBucket({
                accountId: ACCOUNT,
                region: "ap-southeast-2",
                servicePrincipals: [{ sid: "X", service: "evil.example.com", actions: ["kms:GenerateDataKey*"] }],
            }),
        ).toEqual(refused("role.key.servicePrincipals[0].service", '"evil.example.com"', "an AWS service principal, <service>.amazonaws.com"));
    });

    test("accepts a named administrator of the account and a delivery principal", async () => {
        const outcome = await buildBucket({
            accountId: ACCOUNT,
            region: "ap-southeast-2",
            administratorArns: [`arn:aws:iam::${ACCOUNT}:role/key-admins`],
            servicePrincipals: [{ sid: "CloudTrailEncryptLogs", service: "cloudtrail.amazonaws.com", actions: ["kms:GenerateDataKey*", "kms:DescribeKey"] }],
        });
        expect(outcome.error).toBeUndefined();
    });

    test("the Atlas component refuses an account id that is not 12 digits", async () => {
        const outcome = await tryBuildAlone(() => {
            const atlas = new mongodbatlas.Provider("atlas", {});
            const provider = new aws.Provider("aws", { region: "ap-southeast-2" });
            new AtlasCustomerKeyEncryption("e", { projectId: "p", keyRegion: "ap-southeast-2", accountId: "12345", stem: "test" }, { providers: [atlas, provider] });
        });
        expect(outcome.error).toBe('AtlasCustomerKeyEncryption e: keyPolicy.accountId = "12345" is not allowed; expected a 12-digit AWS account id, quoted as a string.');
    });
});
