/**
 * `EncryptedS3Bucket` on its own, with fixture args (data policy §02 static files, §05 encryption at rest and in
 * transit, §10 audit logs): a data bucket with its own customer-managed key (SSE-KMS, S3 Bucket Key, SSE-C blocked),
 * all public access blocked, ACLs off, TLS 1.2 only, versioned, access-logged to the given target after its policy,
 * stale uploads aborted; an access-log target with SSE-S3, no key, not logged itself, letting S3 log delivery write
 * only for the given buckets of the given account and expiring logs after the given retention; every child on the
 * given provider; and the refusal of arguments S3, KMS or the audit rule would refuse. The audit-log-target role is
 * asserted in tests/components/audit/audit-trail.test.ts. How the prod stack wires its buckets from config is
 * tests/areas/static-files-encrypted-s3-bucket.test.ts.
 */
import * as aws from "@pulumi/aws";
import { bucketPolicyDocument, EncryptedS3Bucket, type EncryptedS3BucketArgs } from "../../../infra/components/static-files/encrypted-s3-bucket";
import { MOCK_AWS_ACCOUNT } from "../../../infra/check/mock-outputs";
import type { Recording, Registration } from "../../../infra/check/recorder";
import { buildAlone, tryBuildAlone } from "../../harness/build-alone";
import { s3AccessLogTargetInputs, s3BucketChildTypes, s3DataBucketInputs } from "../../harness/expected-inputs";
import { childrenOf, named, providerUrn } from "../../harness/stack";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:static-files:EncryptedS3Bucket";
const ACCOUNT = "111122223333";

/** The type of each child, by its name suffix. */
const T = {
    "": "aws:s3/bucket:Bucket",
    key: "aws:kms/key:Key",
    "key-alias": "aws:kms/alias:Alias",
    encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    "public-access-block": "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
    ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
    policy: "aws:s3/bucketPolicy:BucketPolicy",
    versioning: "aws:s3/bucketVersioning:BucketVersioning",
    logging: "aws:s3/bucketLogging:BucketLogging",
    lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
} as const;

function childOf(rec: Recording, name: string, suffix: keyof typeof T): Registration {
    return named(rec, suffix ? `${name}-${suffix}` : name, T[suffix]);
}

/** Each child's inputs by suffix, with the bucket policy parsed. */
function inputsOf(rec: Recording, name: string, suffixes: readonly (keyof typeof T)[]): Record<string, unknown> {
    return Object.fromEntries(
        suffixes.map((s) => {
            const inputs = childOf(rec, name, s).inputs;
            return [s === "" ? "bucket" : s === "key-alias" ? "alias" : s === "public-access-block" ? "publicAccessBlock" : s, s === "policy" ? JSON.parse(inputs["policy"] as string) : inputs];
        }),
    );
}

describe("a data bucket, with fixture args (a dotted name, a log prefix, a 10-day deletion window, extra tags)", () => {
    const BUCKET = "fixture.docs-bucket";
    const rec = recordOnce(() => buildAlone(() => {
        const provider = new aws.Provider("aws", { region: "ap-southeast-4" });
        const targetPolicy = new aws.s3.BucketPolicy("target-policy", { bucket: "fixture-logs", policy: "{}" }, { provider });
        new EncryptedS3Bucket(
            "b",
            {
                bucketName: BUCKET,
                purpose: "Fixture documents",
                tags: { team: "fixture" },
                keyDeletionWindowInDays: 10,
                role: { kind: "data", accessLogs: { bucketName: "fixture-logs", prefix: "docs/", targetPolicy }, key: { accountId: "444455556666", region: "ap-southeast-4" } },
            },
            { providers: [provider] },
        );
    }));

    test("the component holds the bucket, its key and every control, all on the given provider; it outputs name, ARN and key ARN", () => {
        const component = named(rec, "b", COMPONENT);
        const children = childrenOf(rec, component);
        expect(children.map((c) => c.type).sort()).toEqual(s3BucketChildTypes(true));
        const provider = named(rec, "aws", "pulumi:providers:aws").urn;
        expect(children.map((c) => ({ name: c.name, provider: providerUrn(c.provider) }))).toEqual(children.map((c) => ({ name: c.name, provider })));
        expect(rec.states.get(component.urn)).toEqual({
            bucketName: BUCKET,
            bucketArn: `arn:aws:s3:::${BUCKET}`,
            kmsKeyArn: `arn:aws:kms:ap-southeast-2:${MOCK_AWS_ACCOUNT}:key/mock-b-key`,
        });
    });

    test("every child's inputs are exact: own key, SSE-KMS with a Bucket Key, private, TLS 1.2 only, versioned, logged under the prefix, stale uploads aborted", () => {
        expect(inputsOf(rec, "b", ["", "key", "key-alias", "encryption", "public-access-block", "ownership", "policy", "versioning", "logging", "lifecycle"])).toEqual(
            s3DataBucketInputs({
                bucketName: BUCKET,
                purpose: "Fixture documents",
                tags: { team: "fixture" },
                keyId: "mock-b-key",
                // The mocks compute a key's ARN in ap-southeast-2 unless the key itself names a region.
                keyArn: `arn:aws:kms:ap-southeast-2:${MOCK_AWS_ACCOUNT}:key/mock-b-key`,
                accessLogBucket: "fixture-logs",
                accessLogPrefix: "docs/",
                deletionWindowInDays: 10,
            }),
        );
    });

    test("the bucket and its key are protected; nothing else is", () => {
        const children = childrenOf(rec, named(rec, "b", COMPONENT));
        expect(children.filter((c) => c.options.protect).map((c) => c.name).sort()).toEqual(["b", "b-key"]);
    });

    test("order: the policy after public access is blocked and ACLs are off, the logging after the target's policy, the lifecycle after versioning", () => {
        expect(childOf(rec, "b", "policy").dependencies).toEqual(expect.arrayContaining([childOf(rec, "b", "public-access-block").urn, childOf(rec, "b", "ownership").urn]));
        expect(childOf(rec, "b", "logging").dependencies).toContain(named(rec, "target-policy", T.policy).urn);
        expect(childOf(rec, "b", "lifecycle").dependencies).toContain(childOf(rec, "b", "versioning").urn);
    });

    test("by reference: every control names this bucket, the encryption this bucket's key", () => {
        const bucket = childOf(rec, "b", "").urn;
        for (const s of ["encryption", "public-access-block", "ownership", "policy", "versioning", "logging", "lifecycle"] as const) {
            expect({ child: s, bucket: childOf(rec, "b", s).propertyDependencies["bucket"] }).toEqual({ child: s, bucket: [bucket] });
        }
        expect(childOf(rec, "b", "encryption").propertyDependencies["rules"]).toEqual([childOf(rec, "b", "key").urn]);
    });
});

test("a data bucket without a log prefix logs under its own name, and without a target policy waits for nothing else", async () => {
    const rec = await buildAlone(
        () => new EncryptedS3Bucket("b", { bucketName: "plain-bucket", purpose: "p", role: { kind: "data", accessLogs: { bucketName: "logs" }, key: { accountId: ACCOUNT, region: "ap-southeast-2" } } }),
    );
    const logging = childOf(rec, "b", "logging");
    expect(logging.inputs["targetPrefix"]).toBe("plain-bucket/");
    expect(logging.dependencies).toEqual([childOf(rec, "b", "").urn]);
});

describe("an access-log target, with fixture args", () => {
    const TARGET = {
        bucketName: "fixture-access-logs",
        purpose: "Fixture access logs",
        sourceBucketNames: ["fixture-a", "fixture-b"],
        sourceAccountId: "444455556666",
        retentionDays: 120,
    };
    const rec = recordOnce(() => buildAlone(() => {
        const provider = new aws.Provider("aws", { region: "ap-southeast-2" });
        const { bucketName, purpose, ...role } = TARGET;
        new EncryptedS3Bucket("logs", { bucketName, purpose, role: { kind: "access-log-target", ...role } }, { providers: [provider] });
    }));

    test("no key and no logging of its own (S3 server access logging refuses SSE-KMS targets); outputs no key ARN", () => {
        const component = named(rec, "logs", COMPONENT);
        expect(childrenOf(rec, component).map((c) => c.type).sort()).toEqual(s3BucketChildTypes(false));
        expect(rec.states.get(component.urn)).toEqual({ bucketName: TARGET.bucketName, bucketArn: `arn:aws:s3:::${TARGET.bucketName}` });
    });

    test("every child's inputs are exact: SSE-S3, private, TLS 1.2 only, log delivery only for the given buckets and account, logs expire after the given days", () => {
        expect(inputsOf(rec, "logs", ["", "encryption", "public-access-block", "ownership", "policy", "versioning", "lifecycle"])).toEqual(s3AccessLogTargetInputs(TARGET));
        expect(childOf(rec, "logs", "").options.protect).toBe(true);
    });
});

describe("bucketPolicyDocument", () => {
    test("a data bucket's policy has no Allow statement at all", () => {
        const doc = bucketPolicyDocument("arn:aws:s3:::b", { kind: "data", accessLogs: { bucketName: "logs" }, key: { accountId: "111122223333", region: "ap-southeast-2" } });
        expect(doc.Statement.filter((s) => s.Effect === "Allow")).toEqual([]);
    });
});

describe("EncryptedS3Bucket on its own (no config validation in front of it)", () => {
    const ONLY_STACK_AND_PROVIDER = ["pulumi:pulumi:Stack", "pulumi:providers:aws"];
    const logTarget = { kind: "access-log-target" as const, sourceBucketNames: ["data-bucket"], sourceAccountId: ACCOUNT, retentionDays: 365 };
    function build(args: Partial<EncryptedS3BucketArgs>) {
        return tryBuildAlone(() => {
            const provider = new aws.Provider("aws", { region: "ap-southeast-2" });
            new EncryptedS3Bucket(
                "b",
                { bucketName: "data-bucket", purpose: "test data bucket", role: { kind: "data", accessLogs: { bucketName: "logs" }, key: { accountId: ACCOUNT, region: "ap-southeast-2" } }, ...args },
                { providers: [provider] },
            );
        });
    }
    const refused = (field: string, value: string, allowed: string) => ({
        error: `EncryptedS3Bucket b: ${field} = ${value} is not allowed; expected ${allowed}.`,
        registered: ONLY_STACK_AND_PROVIDER,
    });

    test("refuses a bucket name S3 would refuse, before anything is registered", async () => {
        expect(await build({ bucketName: "Data_Bucket" })).toEqual(
            refused(
                "bucketName",
                '"Data_Bucket"',
                "an S3 bucket name: 3–63 lower-case letters, digits, '-' and '.', starting and ending with a letter or digit",
            ),
        );
    });

    test("refuses a key deletion window outside AWS KMS's 7–30 days", async () => {
        for (const days of [6, 31]) {
            expect(await build({ keyDeletionWindowInDays: days })).toEqual(
                refused("keyDeletionWindowInDays", String(days), "a whole number of days from 7 to 30 (the AWS KMS limits), or none for 30"),
            );
        }
    });

    test("refuses an access-log target that keeps logs shorter than the audit rule, or names no bucket or a malformed account", async () => {
        expect(await build({ role: { ...logTarget, retentionDays: 30 } })).toEqual(
            refused("role.retentionDays", "30", "a whole number from 90 to 3650; access logs are the audit trail of data policy §10"),
        );
        expect(await build({ role: { ...logTarget, sourceBucketNames: [] } })).toEqual(
            refused("role.sourceBucketNames", "[]", "at least one bucket whose logs are delivered here (the policy names each)"),
        );
        expect(await build({ role: { ...logTarget, sourceAccountId: "1111-2222-3333" } })).toEqual(
            refused("role.sourceAccountId", '"1111-2222-3333"', "a 12-digit AWS account id, quoted as a string"),
        );
    });

    test("builds a data bucket, and an access-log target, with allowed arguments", async () => {
        expect((await build({ keyDeletionWindowInDays: 7 })).error).toBeUndefined();
        expect((await build({ role: logTarget })).error).toBeUndefined();
    });
});
