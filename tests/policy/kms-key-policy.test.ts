/**
 * aws-kms-key-policy-explicit through the real policy pack (AnalyzeStack, as the engine sends it): the compliant
 * fixtures are the prod stack's keys as recorded at preview; each single mutation, or one added KeyPolicy or Grant,
 * fails with the exact message. The account is the pack config's accountId, as infra/policy/config/prod.json sets
 * it (the harness's default); without it every key is a finding.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { UNKNOWN } from "../../infra/check/recorder";
import type { Recording, Registration } from "../../infra/check/recording";
import { TYPES } from "../../infra/policy/lib/tokens";
import { mandatory, mutateResource, policySuite, violationsOf } from "../harness/policy";

const suite = policySuite();
const POLICY = "aws-kms-key-policy-explicit";
const ACCOUNT = "111122223333";
const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const FOREIGN = "arn:aws:iam::444455556666:root";
const ATLAS_ROLE = `arn:aws:iam::${ACCOUNT}:role/allotrac-prod-operational-atlas-kms`;
const S3_USE = "KMS key s3-documents-key: statement 1 (KeyUseThroughServices)";
const S3_ADMIN = "KMS key s3-documents-key: statement 0 (KeyAdministration)";
const ATLAS_USE = "KMS key atlas-encryption-key: statement 1 (AtlasEncryptionAtRest)";
const S3_USE_ACTIONS = "kms:Encrypt, kms:Decrypt, kms:ReEncrypt*, kms:GenerateDataKey*, kms:DescribeKey";
const S3_USE_EXPANDED =
    "kms:Decrypt, kms:Encrypt, kms:GenerateDataKey, kms:GenerateDataKeyPair, kms:GenerateDataKeyPairWithoutPlaintext, " +
    "kms:GenerateDataKeyWithoutPlaintext, kms:ReEncryptFrom, kms:ReEncryptTo";
const VIA_ALLOWED = "kms:ViaService (StringEquals) naming services in Australian regions, <service>.{ap-southeast-2,ap-southeast-4}.amazonaws.com, or named roles.";
const GRANT_ALLOWED = "a grant hands use of the key to whoever the grantor names: allowed only in a use statement of constrained use principals, with Bool kms:GrantIsForAWSResource = true.";
const KEYS = ["s3-documents-key", "s3-exports-key", "audit-trail-key", "audit-trail-bucket-key", "atlas-encryption-key"];

const lacksAccount = (subject: string) =>
    `${subject} cannot be judged: the policy pack config lacks accountId for ${POLICY} (infra/policy/config/prod.json, as CI passes it; ` +
    "the stack's data-platform:aws.accountId); allowed: a 12-digit account id, never one inferred from the policies.";

const editPolicy = (edit: (doc: any) => void) => (p: Record<string, any>) => {
    const doc = JSON.parse(p["policy"]);
    edit(doc);
    p["policy"] = JSON.stringify(doc);
};

/** The policy's violations over the stack, after `change` (default: none), with pack config `config` (default: prod.json). */
async function violations(rec: Recording = suite.rec, config?: Record<string, unknown>) {
    return violationsOf(await suite.pack.analyzeStack(rec, config as never), POLICY);
}
const onKey = (name: string, change: (p: Record<string, any>) => void, config?: Record<string, unknown>) => violations(mutateResource(suite.rec, name, change), config);

/** The prod recording with one more provider-managed resource of `type`, its `keyId` a reference to key `keyName`. */
function withKmsResource(rec: Recording, type: string, name: string, inputs: Record<string, unknown>, keyName?: string): Recording {
    const key = rec.registrations.find((r) => r.name === (keyName ?? "s3-documents-key") && r.custom)!;
    const reg: Registration = {
        ...key,
        urn: `urn:pulumi:prod::data-platform::${type}::${name}`,
        type,
        name,
        inputs: { ...(keyName ? { keyId: UNKNOWN } : {}), ...inputs },
        rawInputs: { ...(keyName ? { keyId: UNKNOWN } : {}), ...inputs },
        secretInputs: [],
        dependencies: keyName ? [key.urn] : [],
        propertyDependencies: keyName ? { keyId: [key.urn] } : {},
    };
    return { ...rec, registrations: [...rec.registrations, reg] };
}
const policyOf = (name: string) => suite.rec.registrations.find((r) => r.name === name && r.custom)!.rawInputs["policy"] as string;

test.each(KEYS)("passes the prod stack's %s", async (name) => {
    expect((await violations()).filter((v) => v.message.includes(name))).toEqual([]);
});

test("the prod stack passes: no violation on any of its five keys", async () => {
    expect(await violations()).toEqual([]);
});

describe("the account comes only from the pack config", () => {
    const lacks = (name: string) => mandatory(lacksAccount(`KMS key ${name}`));

    test("without accountId every key is a finding naming the config key and file", async () => {
        expect(await violations(suite.rec, {})).toEqual(KEYS.map(lacks));
    });

    test("without accountId a policy that names a foreign account throughout still fails: the account is never inferred", async () => {
        const foreign = (p: Record<string, any>) => (p["policy"] = p["policy"].replaceAll(ACCOUNT, "444455556666"));
        expect(await onKey("s3-documents-key", foreign, {})).toEqual(KEYS.map(lacks));
        // With the config, the same policy is judged against the real account.
        expect(await onKey("s3-documents-key", foreign)).toEqual([
            mandatory(`${S3_ADMIN} allows ${["kms:CreateAlias", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*", "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*", "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion"].join(", ")} to ${FOREIGN}, outside account ${ACCOUNT}; allowed: IAM principals of account ${ACCOUNT}.`),
            mandatory(`${S3_USE} allows ${S3_USE_ACTIONS} to ${FOREIGN}, outside account ${ACCOUNT}; allowed: IAM principals of account ${ACCOUNT}.`),
        ]);
    });

    test("the pack config refuses an accountId that is not 12 digits", async () => {
        await expect(suite.pack.analyzeStack(suite.rec, { [POLICY]: { accountId: "1234" } })).rejects.toThrow(
            `Invalid config for policy ${POLICY}: /accountId must match pattern "^\\d{12}$".`,
        );
    });

    test("prod.json's accountId is the stack's data-platform:aws.accountId", () => {
        const root = path.join(__dirname, "..", "..");
        const packConfig = JSON.parse(fs.readFileSync(path.join(root, "infra/policy/config/prod.json"), "utf8"));
        const stack = parseYaml(fs.readFileSync(path.join(root, "Pulumi.prod.yaml"), "utf8"));
        expect(packConfig[POLICY]).toEqual({ accountId: stack.config["data-platform:aws"].accountId });
    });
});

describe("the policy document", () => {
    test("fails a key without a policy (AWS's default)", async () => {
        expect(await onKey("s3-documents-key", (p) => delete p["policy"])).toEqual([
            mandatory(
                "KMS key s3-documents-key has no key policy, so AWS applies its default: kms:* for the account's root principal " +
                    "(any IAM policy of the account can manage and use the key); allowed: an explicit policy on the key or an aws.kms.KeyPolicy.",
            ),
        ]);
    });

    test("fails a policy that is not valid JSON, naming the parser's error", async () => {
        let parseError = "";
        try {
            JSON.parse("{not json");
        } catch (err) {
            parseError = (err as Error).message;
        }
        expect(parseError).not.toBe("");
        expect(await onKey("s3-documents-key", (p) => (p["policy"] = "{not json"))).toEqual([
            mandatory(`KMS key s3-documents-key: the policy is not valid JSON (${parseError}); allowed: a JSON key policy document.`),
        ]);
    });

    test.each([
        ["a number", 42, "a number"],
        ["a JSON array", "[]", "an array"],
        ["JSON null", "null", "null"],
        ["a list", ["x"], "an array"],
    ])("fails a policy that is %s", async (_, value, got) => {
        expect(await onKey("s3-documents-key", (p) => (p["policy"] = value))).toEqual([
            mandatory(`KMS key s3-documents-key: the policy is ${got}, not a policy document; allowed: a JSON object with a Statement list.`),
        ]);
    });

    test("judges a policy given as an object like its JSON text", async () => {
        expect(await onKey("s3-documents-key", (p) => (p["policy"] = JSON.parse(p["policy"])))).toEqual([]);
        const allKms = (p: Record<string, any>) => {
            const doc = JSON.parse(p["policy"]);
            doc.Statement[0].Action = "kms:*";
            p["policy"] = doc;
        };
        expect(await onKey("s3-documents-key", allKms)).toEqual([
            mandatory(`${S3_ADMIN} allows kms:* (administration and use together); allowed: the actions each principal needs.`),
        ]);
    });

    test.each([
        ["an empty Statement list", (d: any) => (d.Statement = [])],
        ["no Statement at all", (d: any) => delete d.Statement],
    ])("fails %s", async (_, edit) => {
        expect(await onKey("s3-documents-key", editPolicy(edit))).toEqual([
            mandatory("KMS key s3-documents-key: the policy has no statements; allowed: a Statement list with the key administrators and the key's users."),
        ]);
    });

    test("fails a statement that is not an object", async () => {
        expect(await onKey("s3-documents-key", editPolicy((d) => d.Statement.push("Allow everything")))).toEqual([
            mandatory("KMS key s3-documents-key: statement 2 is not an object; allowed: a statement with Effect, Principal, Action and Resource."),
        ]);
    });

    test("fails an unknown Effect, reads an Effect spelled \"allow\" as an Allow, and takes a Deny as no grant", async () => {
        expect(await onKey("s3-documents-key", editPolicy((d) => (d.Statement[1].Effect = "Permit")))).toEqual([
            mandatory(`${S3_USE} has Effect "Permit"; allowed: Allow or Deny.`),
        ]);
        const lower = editPolicy((d) => d.Statement.push({ Sid: "Lower", Effect: "allow", Principal: { AWS: FOREIGN }, Action: "kms:Decrypt", Resource: "*" }));
        expect(await onKey("s3-documents-key", lower)).toEqual([
            mandatory(`KMS key s3-documents-key: statement 2 (Lower) allows kms:Decrypt to ${FOREIGN}, outside account ${ACCOUNT}; allowed: IAM principals of account ${ACCOUNT}.`),
        ]);
        const deny = editPolicy((d) => d.Statement.push({ Sid: "DenyAll", Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*" }));
        expect(await onKey("s3-documents-key", deny)).toEqual([]);
    });

    test("fails a statement without a Principal, or with one that names nobody", async () => {
        expect(await onKey("atlas-encryption-key", editPolicy((d) => delete d.Statement[1].Principal))).toEqual([
            mandatory(`${ATLAS_USE} has no Principal; allowed: the IAM principals of account ${ACCOUNT} or a service.`),
        ]);
        expect(await onKey("atlas-encryption-key", editPolicy((d) => (d.Statement[1].Principal = { AWS: [] })))).toEqual([
            mandatory(`${ATLAS_USE} names no principal; allowed: the IAM principals of account ${ACCOUNT} or a service.`),
        ]);
    });

    test("fails a key policy unknown at preview instead of leaving it to the runtime's advisory", async () => {
        expect(await onKey("s3-documents-key", (p) => (p["policy"] = UNKNOWN))).toEqual([
            mandatory("KMS key s3-documents-key: the policy is unknown at preview, so it cannot be judged; allowed: a policy built from known values."),
        ]);
    });

    test("fails an Allow with NotAction or NotPrincipal", async () => {
        const change = editPolicy((d) => {
            d.Statement[1].NotAction = d.Statement[1].Action;
            delete d.Statement[1].Action;
        });
        expect(await onKey("s3-documents-key", change)).toEqual([
            mandatory(`${S3_USE} is an Allow with NotAction or NotPrincipal, which grants more than it names; allowed: Action and Principal.`),
        ]);
    });
});

describe("actions: kms:* and wildcards judged by every action they match", () => {
    test("fails kms:* as one string, and \"*\" among other actions", async () => {
        expect(await onKey("s3-documents-key", editPolicy((d) => (d.Statement[0].Action = "kms:*")))).toEqual([
            mandatory(`${S3_ADMIN} allows kms:* (administration and use together); allowed: the actions each principal needs.`),
        ]);
        expect(await onKey("atlas-encryption-key", editPolicy((d) => d.Statement[1].Action.push("*")))).toEqual([
            mandatory(`${ATLAS_USE} allows kms:* (administration and use together); allowed: the actions each principal needs.`),
        ]);
    });

    test("fails kms:De* among the administrators' actions: it reaches Decrypt and DeriveSharedSecret", async () => {
        expect(await onKey("s3-documents-key", editPolicy((d) => d.Statement[0].Action.push("kms:De*")))).toEqual([
            mandatory(
                `${S3_ADMIN} allows administration (kms:CancelKeyDeletion, kms:CreateAlias, kms:DeleteAlias, kms:DeleteCustomKeyStore, ` +
                    "kms:DeleteImportedKeyMaterial, kms:DisableKey, kms:DisableKeyRotation, kms:EnableKey, kms:EnableKeyRotation, kms:PutKeyPolicy, " +
                    "kms:RevokeGrant, kms:ScheduleKeyDeletion, kms:TagResource, kms:UntagResource, kms:UpdateAlias, kms:UpdateCustomKeyStore, " +
                    "kms:UpdateKeyDescription, kms:UpdatePrimaryRegion) and use (kms:Decrypt, kms:DeriveSharedSecret) together; allowed: each in its own statement.",
            ),
            mandatory(`${S3_ADMIN} allows use (kms:Decrypt, kms:DeriveSharedSecret) to ${ROOT}, every principal of the account, without kms:ViaService; allowed: ${VIA_ALLOWED}`),
        ]);
    });

    test("fails kms:Re* in a use statement: it reaches ReplicateKey, RetireGrant and RevokeGrant (administration)", async () => {
        expect(await onKey("s3-documents-key", editPolicy((d) => d.Statement[1].Action.push("kms:Re*")))).toEqual([
            mandatory(
                `${S3_USE} allows administration (kms:ReplicateKey, kms:RetireGrant, kms:RevokeGrant) and use (${S3_USE_EXPANDED}) together; ` +
                    "allowed: each in its own statement.",
            ),
        ]);
    });

    test("fails the Atlas role's kms:*Key*: it reaches key administration beside use", async () => {
        expect(await onKey("atlas-encryption-key", editPolicy((d) => (d.Statement[1].Action = ["kms:*Key*"])))).toEqual([
            mandatory(
                `${ATLAS_USE} allows administration (kms:CancelKeyDeletion, kms:ConnectCustomKeyStore, kms:CreateCustomKeyStore, kms:CreateKey, ` +
                    "kms:DeleteCustomKeyStore, kms:DeleteImportedKeyMaterial, kms:DisableKey, kms:DisableKeyRotation, kms:DisconnectCustomKeyStore, " +
                    "kms:EnableKey, kms:EnableKeyRotation, kms:ImportKeyMaterial, kms:PutKeyPolicy, kms:ReplicateKey, kms:RotateKeyOnDemand, " +
                    "kms:ScheduleKeyDeletion, kms:SynchronizeMultiRegionKey, kms:UpdateCustomKeyStore, kms:UpdateKeyDescription) and use " +
                    "(kms:GenerateDataKey, kms:GenerateDataKeyPair, kms:GenerateDataKeyPairWithoutPlaintext, kms:GenerateDataKeyWithoutPlaintext) together; " +
                    "allowed: each in its own statement.",
            ),
        ]);
    });

    test("passes the Atlas role's kms:*crypt: it matches only Decrypt and Encrypt, use the role may have", async () => {
        expect(await onKey("atlas-encryption-key", editPolicy((d) => (d.Statement[1].Action = ["kms:*crypt", "kms:DescribeKey"])))).toEqual([]);
    });

    test("fails an action that matches no KMS action, and an empty Action", async () => {
        expect(await onKey("atlas-encryption-key", editPolicy((d) => (d.Statement[1].Action = ["kms:Decrpyt", "s3:GetObject", "kms:Encrypt"])))).toEqual([
            mandatory(`${ATLAS_USE} names kms:Decrpyt, s3:GetObject, which match no KMS action; allowed: actions of the AWS KMS action list (or wildcards matching some).`),
        ]);
        expect(await onKey("atlas-encryption-key", editPolicy((d) => (d.Statement[1].Action = [])))).toEqual([
            mandatory(`${ATLAS_USE} has no Action; allowed: KMS actions, e.g. kms:Decrypt.`),
        ]);
    });
});

describe('use by "*" or the account root: only through services in Australian regions', () => {
    test('passes Principal { AWS: "*" } with kms:CallerAccount = the account and kms:ViaService in Sydney (the AWS-managed key form)', async () => {
        expect(await onKey("s3-documents-key", editPolicy((d) => (d.Statement[1].Principal = { AWS: "*" })))).toEqual([]);
    });

    test('fails Principal "*" without kms:CallerAccount', async () => {
        const change = editPolicy((d) => {
            d.Statement[1].Principal = "*";
            delete d.Statement[1].Condition.StringEquals["kms:CallerAccount"];
        });
        expect(await onKey("s3-documents-key", change)).toEqual([
            mandatory(`${S3_USE} allows ${S3_USE_ACTIONS} to *, without StringEquals kms:CallerAccount = ${ACCOUNT}; allowed: "*" only with that condition.`),
        ]);
    });

    test('fails Principal { AWS: "*" } constrained only by kms:CallerAccount: every principal of the account may decrypt', async () => {
        const change = editPolicy((d) => {
            d.Statement[1].Principal = { AWS: "*" };
            delete d.Statement[1].Condition.StringEquals["kms:ViaService"];
        });
        expect(await onKey("s3-documents-key", change)).toEqual([
            mandatory(`${S3_USE} allows use (${S3_USE_EXPANDED}) to *, every principal of the account, without kms:ViaService; allowed: ${VIA_ALLOWED}`),
        ]);
    });

    test("fails use by the account root without kms:ViaService", async () => {
        expect(await onKey("s3-documents-key", editPolicy((d) => delete d.Statement[1].Condition.StringEquals["kms:ViaService"]))).toEqual([
            mandatory(`${S3_USE} allows use (${S3_USE_EXPANDED}) to ${ROOT}, every principal of the account, without kms:ViaService; allowed: ${VIA_ALLOWED}`),
        ]);
    });

    test.each([
        ["a service outside Australia", { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": ["s3.us-east-1.amazonaws.com"] } }, "s3.us-east-1.amazonaws.com"],
        ["one Australian and one foreign region", { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": ["s3.ap-southeast-2.amazonaws.com", "s3.eu-west-1.amazonaws.com"] } }, "s3.ap-southeast-2.amazonaws.com, s3.eu-west-1.amazonaws.com"],
        ["a wildcard region", { StringEquals: { "kms:CallerAccount": ACCOUNT }, StringLike: { "kms:ViaService": "s3.*.amazonaws.com" } }, "s3.*.amazonaws.com"],
    ])("fails use by the account root with kms:ViaService naming %s", async (_, condition, named) => {
        expect(await onKey("s3-documents-key", editPolicy((d) => (d.Statement[1].Condition = condition)))).toEqual([
            mandatory(`${S3_USE} allows use (${S3_USE_EXPANDED}) to ${ROOT}, every principal of the account, with kms:ViaService ${named}; allowed: ${VIA_ALLOWED}`),
        ]);
    });

    test("reads condition keys case-insensitively, as IAM does", async () => {
        const change = editPolicy((d) => (d.Statement[1].Condition = { StringEquals: { "kms:calleraccount": ACCOUNT, "KMS:VIASERVICE": "s3.ap-southeast-2.amazonaws.com" } }));
        expect(await onKey("s3-documents-key", change)).toEqual([]);
    });

    test('fails administration by "*" and by a service', async () => {
        const change = editPolicy((d) => {
            d.Statement[0].Principal = { AWS: "*", Service: "s3.amazonaws.com" };
            d.Statement[0].Action = ["kms:PutKeyPolicy"];
            d.Statement[0].Condition = { StringEquals: { "kms:CallerAccount": ACCOUNT, "aws:SourceAccount": ACCOUNT } };
        });
        expect(await onKey("s3-documents-key", change)).toEqual([
            mandatory(`${S3_ADMIN} allows administration (kms:PutKeyPolicy) to *, s3.amazonaws.com; allowed: the key administrators, IAM roles or users of account ${ACCOUNT} or its root.`),
        ]);
    });
});

describe("principals outside the account", () => {
    test("fails use by another account's principal, in a list, even with kms:CallerAccount = the account", async () => {
        const change = editPolicy((d) => (d.Statement[1].Principal = { AWS: [ATLAS_ROLE, FOREIGN] }));
        expect(await onKey("atlas-encryption-key", change)).toEqual([
            mandatory(`${ATLAS_USE} allows kms:Decrypt, kms:Encrypt, kms:DescribeKey to ${FOREIGN}, outside account ${ACCOUNT}; allowed: IAM principals of account ${ACCOUNT}.`),
        ]);
    });

    test("fails a bare foreign account id, a malformed ARN and a Federated principal", async () => {
        const change = editPolicy((d) => (d.Statement[1].Principal = { AWS: ["444455556666", "arn:aws:iam::*:root"], Federated: "cognito-identity.amazonaws.com" }));
        expect(await onKey("atlas-encryption-key", change)).toEqual([
            mandatory(
                `${ATLAS_USE} allows kms:Decrypt, kms:Encrypt, kms:DescribeKey to 444455556666, arn:aws:iam::*:root, Federated cognito-identity.amazonaws.com, ` +
                    `outside account ${ACCOUNT}; allowed: IAM principals of account ${ACCOUNT}.`,
            ),
        ]);
    });
});

describe("grants: no administrator may grant use; use principals only for AWS resources", () => {
    test("fails the administrators' kms:Create* (it matches kms:CreateGrant), with or without kms:GrantIsForAWSResource", async () => {
        const expected = [mandatory(`${S3_ADMIN} allows kms:CreateGrant to ${ROOT} with administration; ${GRANT_ALLOWED}`)];
        expect(await onKey("s3-documents-key", editPolicy((d) => (d.Statement[0].Action[0] = "kms:Create*")))).toEqual(expected);
        const forAwsResource = editPolicy((d) => {
            d.Statement[0].Action[0] = "kms:Create*";
            d.Statement[0].Condition = { Bool: { "kms:GrantIsForAWSResource": "true" } };
        });
        expect(await onKey("s3-documents-key", forAwsResource)).toEqual(expected);
    });

    test("fails kms:CreateGrant to the account root without kms:ViaService (an unconstrained use principal)", async () => {
        const change = editPolicy((d) => {
            d.Statement[1].Action = ["kms:CreateGrant"];
            d.Statement[1].Condition = { Bool: { "kms:GrantIsForAWSResource": true } };
        });
        expect(await onKey("s3-documents-key", change)).toEqual([mandatory(`${S3_USE} allows kms:CreateGrant to ${ROOT}; ${GRANT_ALLOWED}`)]);
    });

    test("a use statement through S3 in Sydney may grant only for AWS resources", async () => {
        expect(await onKey("s3-documents-key", editPolicy((d) => d.Statement[1].Action.push("kms:CreateGrant")))).toEqual([
            mandatory(`${S3_USE} allows kms:CreateGrant without Bool kms:GrantIsForAWSResource = true; allowed: grants only for AWS resources acting for the caller.`),
        ]);
        const forAwsResource = editPolicy((d) => {
            d.Statement[1].Action.push("kms:CreateGrant");
            d.Statement[1].Condition.Bool = { "kms:GrantIsForAWSResource": "true" };
        });
        expect(await onKey("s3-documents-key", forAwsResource)).toEqual([]);
    });

    test("the Atlas role may grant for AWS resources (a named role of the account)", async () => {
        const change = editPolicy((d) => {
            d.Statement[1].Action.push("kms:CreateGrant");
            d.Statement[1].Condition.Bool = { "kms:GrantIsForAWSResource": "true" };
        });
        expect(await onKey("atlas-encryption-key", change)).toEqual([]);
    });
});

describe("service principals", () => {
    const trail = (condition?: unknown) =>
        editPolicy((d) =>
            d.Statement.push({ Sid: "Trail", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: ["kms:GenerateDataKey*"], Resource: "*", ...(condition ? { Condition: condition } : {}) }),
        );
    const unscoped = mandatory(
        "KMS key s3-documents-key: statement 2 (Trail) allows kms:GenerateDataKey* to service cloudtrail.amazonaws.com without StringEquals " +
            `aws:SourceAccount = ${ACCOUNT} or an aws:SourceArn of account ${ACCOUNT}; allowed: a service scoped to this account's resources.`,
    );

    test("fails a service principal without aws:SourceAccount or aws:SourceArn", async () => {
        expect(await onKey("s3-documents-key", trail())).toEqual([unscoped]);
    });

    test("fails aws:SourceAccount of another account, and an aws:SourceArn with any account", async () => {
        expect(await onKey("s3-documents-key", trail({ StringEquals: { "aws:SourceAccount": "444455556666" } }))).toEqual([unscoped]);
        expect(await onKey("s3-documents-key", trail({ ArnLike: { "aws:SourceArn": "arn:aws:cloudtrail:*:*:trail/*" } }))).toEqual([unscoped]);
    });

    test("passes a service scoped by aws:SourceArn of the account alone", async () => {
        expect(await onKey("s3-documents-key", trail({ ArnLike: { "aws:SourceArn": `arn:aws:cloudtrail:ap-southeast-2:${ACCOUNT}:trail/audit` } }))).toEqual([]);
    });

    test("the trail key's CloudTrail statements lose their scope: both fail", async () => {
        const change = editPolicy((d) => {
            for (const s of d.Statement) if (s.Principal.Service) delete s.Condition;
        });
        const at = (i: number, sid: string, action: string) =>
            mandatory(
                `KMS key audit-trail-key: statement ${i} (${sid}) allows ${action} to service cloudtrail.amazonaws.com without StringEquals ` +
                    `aws:SourceAccount = ${ACCOUNT} or an aws:SourceArn of account ${ACCOUNT}; allowed: a service scoped to this account's resources.`,
            );
        expect(await onKey("audit-trail-key", change)).toEqual([at(2, "CloudTrailEncryptsThisTrailsLogs", "kms:GenerateDataKey*"), at(3, "CloudTrailDescribesTheKey", "kms:DescribeKey")]);
    });
});

describe("aws.kms.KeyPolicy and aws.kms.Grant, and the lockout bypass", () => {
    const KP = TYPES.kmsKeyPolicy;
    const GRANT = TYPES.kmsGrant;

    test("a key without a policy passes when a compliant KeyPolicy in the stack replaces it", async () => {
        const noPolicy = mutateResource(suite.rec, "s3-documents-key", (p) => delete p["policy"]);
        expect(await violations(withKmsResource(noPolicy, KP, "documents-key-policy", { policy: policyOf("s3-documents-key") }, "s3-documents-key"))).toEqual([]);
    });

    test("a KeyPolicy is judged by the same rules, naming itself and its key", async () => {
        const doc = JSON.parse(policyOf("s3-documents-key"));
        doc.Statement[1].Principal = { AWS: "*" };
        delete doc.Statement[1].Condition;
        const rec = withKmsResource(suite.rec, KP, "documents-key-policy", { policy: JSON.stringify(doc) }, "s3-documents-key");
        const at = "KMS key policy documents-key-policy (of key s3-documents-key): statement 1 (KeyUseThroughServices)";
        expect(await violations(rec)).toEqual([
            mandatory(`${at} allows use (${S3_USE_EXPANDED}) to *, every principal of the account, without kms:ViaService; allowed: ${VIA_ALLOWED}`),
            mandatory(`${at} allows ${S3_USE_ACTIONS} to *, without StringEquals kms:CallerAccount = ${ACCOUNT}; allowed: "*" only with that condition.`),
        ]);
    });

    test("a KeyPolicy with an empty or unknown policy, or for a key id outside the stack, fails", async () => {
        expect(await violations(withKmsResource(suite.rec, KP, "kp", { keyId: "mrk-elsewhere" }))).toEqual([
            mandatory("KMS key policy kp (of key mrk-elsewhere): the policy is empty; allowed: a JSON key policy document."),
        ]);
        expect(await violations(withKmsResource(suite.rec, KP, "kp", { policy: UNKNOWN }, "s3-documents-key"))).toEqual([
            mandatory("KMS key policy kp (of key s3-documents-key): the policy is unknown at preview, so it cannot be judged; allowed: a policy built from known values."),
        ]);
    });

    test("bypassPolicyLockoutSafetyCheck true fails on a key and on a KeyPolicy", async () => {
        const bypass = (subject: string) =>
            mandatory(`${subject} sets bypassPolicyLockoutSafetyCheck true, which lets a policy lock the account out of the key; allowed: false or unset.`);
        expect(await onKey("s3-documents-key", (p) => (p["bypassPolicyLockoutSafetyCheck"] = true))).toEqual([bypass("KMS key s3-documents-key")]);
        expect(await onKey("s3-documents-key", (p) => (p["bypassPolicyLockoutSafetyCheck"] = false))).toEqual([]);
        const rec = withKmsResource(suite.rec, KP, "kp", { policy: policyOf("s3-documents-key"), bypassPolicyLockoutSafetyCheck: true }, "s3-documents-key");
        expect(await violations(rec)).toEqual([bypass("KMS key policy kp (of key s3-documents-key)")]);
    });

    const grant = (inputs: Record<string, unknown>) => violations(withKmsResource(suite.rec, GRANT, "g", inputs, "atlas-encryption-key"));
    const CONSTRAINED = { granteePrincipal: ATLAS_ROLE, operations: ["Decrypt", "Encrypt"], constraints: [{ encryptionContextEquals: { tenant: "a" } }] };
    const AT = "KMS grant g on key atlas-encryption-key";

    test("passes a Grant to a role of the account, limited by an encryption context", async () => {
        expect(await grant(CONSTRAINED)).toEqual([]);
        expect(await grant({ ...CONSTRAINED, constraints: [{ encryptionContextSubset: { tenant: "a" } }] })).toEqual([]);
    });

    test("fails a Grant to another account without constraints", async () => {
        expect(await grant({ granteePrincipal: "arn:aws:iam::444455556666:role/x", operations: ["Decrypt"] })).toEqual([
            mandatory(`${AT}: grantee arn:aws:iam::444455556666:role/x is not an IAM role or user of account ${ACCOUNT}; allowed: an IAM role or user ARN of account ${ACCOUNT}.`),
            mandatory(`${AT}: no encryption-context constraint, so the grantee may use the key on any data; allowed: constraints with encryptionContextEquals or encryptionContextSubset.`),
        ]);
    });

    test("fails a Grant to the account root, to a service, or to a grantee unknown at preview", async () => {
        const notInAccount = (who: string) =>
            mandatory(`${AT}: grantee ${who} is not an IAM role or user of account ${ACCOUNT}; allowed: an IAM role or user ARN of account ${ACCOUNT}.`);
        expect(await grant({ ...CONSTRAINED, granteePrincipal: ROOT })).toEqual([notInAccount(ROOT)]);
        expect(await grant({ ...CONSTRAINED, granteePrincipal: "s3.amazonaws.com" })).toEqual([notInAccount("s3.amazonaws.com")]);
        expect(await grant({ ...CONSTRAINED, granteePrincipal: UNKNOWN })).toEqual([
            mandatory(`${AT}: its grantee is unknown at preview; allowed: an IAM role or user ARN of account ${ACCOUNT}, known at preview.`),
        ]);
    });

    test("fails a Grant whose operations re-grant, are unknown, or are empty, and one with an empty constraint", async () => {
        expect(await grant({ ...CONSTRAINED, operations: ["Decrypt", "CreateGrant", "PutKeyPolicy"] })).toEqual([
            mandatory(
                `${AT}: operations PutKeyPolicy are not grant operations; allowed: Decrypt, DeriveSharedSecret, Encrypt, GenerateDataKey, GenerateDataKeyPair, ` +
                    "GenerateDataKeyPairWithoutPlaintext, GenerateDataKeyWithoutPlaintext, GenerateMac, ReEncryptFrom, ReEncryptTo, Sign, Verify, VerifyMac, " +
                    "GetPublicKey, DescribeKey, CreateGrant, RetireGrant.",
            ),
            mandatory(`${AT}: its operations include CreateGrant, so the grantee may grant use to anyone; allowed: use operations without CreateGrant.`),
        ]);
        expect(await grant({ ...CONSTRAINED, operations: [] })).toEqual([mandatory(`${AT}: its operations are empty; allowed: the use operations the grantee needs.`)]);
        expect(await grant({ ...CONSTRAINED, constraints: [{ encryptionContextEquals: {} }] })).toEqual([
            mandatory(`${AT}: no encryption-context constraint, so the grantee may use the key on any data; allowed: constraints with encryptionContextEquals or encryptionContextSubset.`),
        ]);
    });

    test("without accountId a KeyPolicy and a Grant are findings too", async () => {
        const rec = withKmsResource(withKmsResource(suite.rec, KP, "kp", { policy: policyOf("s3-documents-key") }, "s3-documents-key"), GRANT, "g", CONSTRAINED, "atlas-encryption-key");
        expect((await violations(rec, {})).map((v) => v.message)).toEqual([...KEYS.map((k) => `KMS key ${k}`), "KMS key policy kp", "KMS grant g"].map(lacksAccount));
    });
});

describe("every KMS key resource that carries a key policy is judged", () => {
    const OPEN = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "Open", Effect: "Allow", Principal: "*", Action: "kms:*", Resource: "*" }] });
    test.each([TYPES.kmsExternalKey, TYPES.kmsReplicaKey, TYPES.kmsReplicaExternalKey])(
        "%s: Principal \"*\" with kms:* and the lockout bypass fails, and one without a policy gets AWS's default",
        async (type) => {
            const open = withKmsResource(suite.rec, type, "k", { policy: OPEN, bypassPolicyLockoutSafetyCheck: true });
            expect(await violations(open)).toEqual([
                mandatory("KMS key k: statement 0 (Open) allows kms:* (administration and use together); allowed: the actions each principal needs."),
                mandatory(`KMS key k: statement 0 (Open) allows kms:* to *, without StringEquals kms:CallerAccount = ${ACCOUNT}; allowed: "*" only with that condition.`),
                mandatory("KMS key k sets bypassPolicyLockoutSafetyCheck true, which lets a policy lock the account out of the key; allowed: false or unset."),
            ]);
            expect(await violations(withKmsResource(suite.rec, type, "k", {}))).toEqual([
                mandatory(
                    "KMS key k has no key policy, so AWS applies its default: kms:* for the account's root principal " +
                        "(any IAM policy of the account can manage and use the key); allowed: an explicit policy on the key or an aws.kms.KeyPolicy.",
                ),
            ]);
            expect(await violations(withKmsResource(suite.rec, type, "k", { policy: policyOf("s3-documents-key") }))).toEqual([]);
        },
    );
});

describe("kms:GrantIsForAWSResource: every value must be true", () => {
    const APP = `arn:aws:iam::${ACCOUNT}:role/app`;
    const withGrantStatement = (values: unknown) =>
        editPolicy((d) =>
            d.Statement.push({ Sid: "App", Effect: "Allow", Principal: { AWS: APP }, Action: ["kms:CreateGrant", "kms:Decrypt"], Resource: "*", Condition: { Bool: { "kms:GrantIsForAWSResource": values } } }),
        );
    const notForAwsResource = mandatory(
        "KMS key atlas-encryption-key: statement 2 (App) allows kms:CreateGrant without Bool kms:GrantIsForAWSResource = true; allowed: grants only for AWS resources acting for the caller.",
    );

    test('fails ["true", "false"]: several values are ORed, so any grantor qualifies', async () => {
        expect(await onKey("atlas-encryption-key", withGrantStatement(["true", "false"]))).toEqual([notForAwsResource]);
    });

    test('passes "true", true and ["true"]; fails "True" (matched exactly, never credited by its spelling)', async () => {
        for (const ok of ["true", true, ["true"]]) expect(await onKey("atlas-encryption-key", withGrantStatement(ok))).toEqual([]);
        expect(await onKey("atlas-encryption-key", withGrantStatement("True"))).toEqual([notForAwsResource]);
    });
});

describe("administration apart from use, per principal across the whole policy", () => {
    const APP = `arn:aws:iam::${ACCOUNT}:role/app`;
    const separated = (principal: string, admin: string, use: string) =>
        mandatory(
            `KMS key atlas-encryption-key: ${principal} may administer the key (${admin}) and use it (${use}); allowed: administrators apart from ` +
                `the key's users, except the account root using it only through kms:ViaService with StringEquals kms:CallerAccount = ${ACCOUNT}.`,
        );

    test("fails a role that administers in one statement and decrypts in another", async () => {
        const policy = JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "Admin", Effect: "Allow", Principal: { AWS: APP }, Action: ["kms:PutKeyPolicy", "kms:ScheduleKeyDeletion"], Resource: "*" },
                { Sid: "Use", Effect: "Allow", Principal: { AWS: APP }, Action: ["kms:Decrypt", "kms:Encrypt"], Resource: "*" },
            ],
        });
        expect(await onKey("atlas-encryption-key", (p) => (p["policy"] = policy))).toEqual([separated(APP, "statement 0 (Admin)", "statement 1 (Use)")]);
    });

    test("fails the Atlas role added to the key administrators: it decrypts in its own statement", async () => {
        const change = editPolicy((d) => (d.Statement[0].Principal = { AWS: [ROOT, ATLAS_ROLE] }));
        expect(await onKey("atlas-encryption-key", change)).toEqual([separated(ATLAS_ROLE, "statement 0 (KeyAdministration)", "statement 1 (AtlasEncryptionAtRest)")]);
    });

    test("accepts AWS's pattern: the root administers and uses the key only through Sydney's S3 for this account", async () => {
        const doc = JSON.parse(policyOf("s3-documents-key"));
        expect(doc.Statement[0].Principal).toEqual({ AWS: [ROOT] });
        expect(doc.Statement[1].Principal).toEqual({ AWS: ROOT });
        expect(doc.Statement[1].Condition.StringEquals["kms:CallerAccount"]).toBe(ACCOUNT);
        expect(await onKey("s3-documents-key", () => undefined)).toEqual([]);
    });

    test("fails the root's use through services without kms:CallerAccount when the root also administers (the account id spelling too)", async () => {
        const change = editPolicy((d) => {
            d.Statement[0].Principal = { AWS: ACCOUNT };
            delete d.Statement[1].Condition.StringEquals["kms:CallerAccount"];
        });
        expect(await onKey("s3-documents-key", change)).toEqual([
            mandatory(
                `KMS key s3-documents-key: ${ROOT} may administer the key (statement 0 (KeyAdministration)) and use it (statement 1 (KeyUseThroughServices)); ` +
                    `allowed: administrators apart from the key's users, except the account root using it only through kms:ViaService with StringEquals kms:CallerAccount = ${ACCOUNT}.`,
            ),
        ]);
    });
});

describe("a KeyPolicy replaces only the key its keyId names", () => {
    const KP = TYPES.kmsKeyPolicy;
    const NO_POLICY = mandatory(
        "KMS key s3-documents-key has no key policy, so AWS applies its default: kms:* for the account's root principal " +
            "(any IAM policy of the account can manage and use the key); allowed: an explicit policy on the key or an aws.kms.KeyPolicy.",
    );
    const noPolicy = () => mutateResource(suite.rec, "s3-documents-key", (p) => delete p["policy"]);
    /** The recording with KeyPolicy kp changed by `change`. */
    const reshapeKp = (rec: Recording, change: (r: Registration) => Registration): Recording => ({
        ...rec,
        registrations: rec.registrations.map((r) => (r.name === "kp" ? change(r) : r)),
    });

    test("a keyId computed from the key's output but naming another key does not replace the key's policy", async () => {
        const rec = reshapeKp(withKmsResource(noPolicy(), KP, "kp", { policy: policyOf("s3-documents-key") }, "s3-documents-key"), (r) => ({
            ...r,
            inputs: { ...r.inputs, keyId: "other-key-id" },
            rawInputs: { ...r.rawInputs, keyId: "other-key-id" },
        }));
        expect(rec.registrations.find((r) => r.name === "kp")!.propertyDependencies["keyId"]).toHaveLength(1);
        expect(await violations(rec)).toEqual([NO_POLICY]);
    });

    test("a known keyId equal to the key's known key id replaces it; an unknown one referencing two keys replaces neither", async () => {
        const known = mutateResource(noPolicy(), "s3-documents-key", (p) => (p["keyId"] = "k-documents"));
        const rec = reshapeKp(withKmsResource(known, KP, "kp", { policy: policyOf("s3-documents-key") }, "s3-documents-key"), (r) => ({
            ...r,
            inputs: { ...r.inputs, keyId: "k-documents" },
            rawInputs: { ...r.rawInputs, keyId: "k-documents" },
        }));
        expect(await violations(rec)).toEqual([]);

        const exports = suite.rec.registrations.find((r) => r.name === "s3-exports-key" && r.custom)!;
        const two = reshapeKp(withKmsResource(noPolicy(), KP, "kp", { policy: policyOf("s3-documents-key") }, "s3-documents-key"), (r) => ({
            ...r,
            propertyDependencies: { keyId: [...r.propertyDependencies["keyId"]!, exports.urn] },
        }));
        expect(await violations(two)).toEqual([NO_POLICY]);
    });

    test("an exempt KeyPolicy does not stand in for its key's policy", async () => {
        const rec = withKmsResource(noPolicy(), KP, "kp", { policy: policyOf("s3-documents-key") }, "s3-documents-key");
        const config = { [POLICY]: { accountId: ACCOUNT, exemptions: [{ resource: "kp", reason: "Replaced by the platform team's key policy, ticket SEC-12." }] } };
        expect(await violations(rec, config)).toEqual([NO_POLICY]);
    });
});

describe("grants' retiring principal, service principals and repeated JSON keys", () => {
    const GRANT = TYPES.kmsGrant;
    const CONSTRAINED = { granteePrincipal: ATLAS_ROLE, operations: ["Decrypt"], constraints: [{ encryptionContextEquals: { tenant: "a" } }] };
    const grant = (inputs: Record<string, unknown>) => violations(withKmsResource(suite.rec, GRANT, "g", inputs, "atlas-encryption-key"));

    test("fails a Grant whose retiring principal is another account's, or unknown; passes the account's role or root", async () => {
        expect(await grant({ ...CONSTRAINED, retiringPrincipal: "arn:aws:iam::444455556666:role/x" })).toEqual([
            mandatory(
                "KMS grant g on key atlas-encryption-key: retiring principal arn:aws:iam::444455556666:role/x is not an IAM principal of account " +
                    `${ACCOUNT}; allowed: an IAM role, user or the root of account ${ACCOUNT}, or none.`,
            ),
        ]);
        expect(await grant({ ...CONSTRAINED, retiringPrincipal: UNKNOWN })).toEqual([
            mandatory(`KMS grant g on key atlas-encryption-key: its retiring principal is unknown at preview; allowed: an IAM principal of account ${ACCOUNT}, known at preview, or none.`),
        ]);
        expect(await grant({ ...CONSTRAINED, retiringPrincipal: ATLAS_ROLE })).toEqual([]);
        expect(await grant({ ...CONSTRAINED, retiringPrincipal: ROOT })).toEqual([]);
    });

    test("fails a Service principal that is not a service name, e.g. an account ARN", async () => {
        const change = editPolicy((d) => (d.Statement[2].Principal = { Service: FOREIGN }));
        expect(await onKey("audit-trail-key", change)).toEqual([
            mandatory(
                `KMS key audit-trail-key: statement 2 (CloudTrailEncryptsThisTrailsLogs) names Service ${FOREIGN}, which is not a service principal; ` +
                    "allowed: a service name, <service>.amazonaws.com.",
            ),
        ]);
    });

    test("fails a policy that repeats a key in one object (JSON.parse would keep the last), naming the key", async () => {
        const repeated = (p: Record<string, any>) =>
            (p["policy"] = (p["policy"] as string).replace(`"Principal":{"AWS":"${ATLAS_ROLE}"}`, `"Principal":{"AWS":"${FOREIGN}"},"Principal":{"AWS":"${ATLAS_ROLE}"}`));
        const before = suite.rec.registrations.find((r) => r.name === "atlas-encryption-key" && r.custom)!;
        expect(before.rawInputs["policy"]).toContain(`"Principal":{"AWS":"${ATLAS_ROLE}"}`);
        expect(await onKey("atlas-encryption-key", repeated)).toEqual([
            mandatory('KMS key atlas-encryption-key: the policy repeats the key "Principal" in one object, which parsers read differently; allowed: each key once per object.'),
        ]);
    });
});
