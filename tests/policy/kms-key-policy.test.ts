/**
 * aws-kms-key-policy-explicit through the real policy pack: the compliant fixtures are the prod stack's keys as
 * recorded at preview (S3 and Atlas); each single mutation fails with the exact message, with the account taken from
 * the pack config (as prod.json sets it) and without it (inferred from the policy).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parse as parseYaml } from "yaml";
import { mandatory, policySuite, violationsOf, withInputs } from "../harness/policy";

const suite = policySuite();
const POLICY = "aws-kms-key-policy-explicit";
const ACCOUNT = "111122223333";
const FOREIGN = "arn:aws:iam::444455556666:root";
const WITH_ACCOUNT = { [POLICY]: { accountId: ACCOUNT } };

const editPolicy = (edit: (doc: any) => void) => (p: Record<string, any>) => {
    const doc = JSON.parse(p["policy"]);
    edit(doc);
    p["policy"] = JSON.stringify(doc);
};

/** The policy's violations on key `name` after `change`, with the pack config `config` (default: none). */
async function violations(name: string, change?: (p: Record<string, any>) => void, config?: Record<string, unknown>) {
    const reg = suite.resource(name);
    return violationsOf(await suite.pack.analyze(change ? withInputs(reg, change) : reg, suite.rec, config as never), POLICY);
}

describe.each([
    ["with accountId in the pack config", WITH_ACCOUNT],
    ["with the account inferred from the policy", undefined],
])("%s", (_, config) => {
    test.each(["s3-documents-key", "s3-exports-key", "atlas-encryption-key"])("passes the prod stack's %s", async (name) => {
        expect(await violations(name, undefined, config)).toEqual([]);
    });

    test("fails a key without a policy (AWS's default)", async () => {
        expect(await violations("s3-documents-key", (p) => delete p["policy"], config)).toEqual([
            mandatory(
                "KMS key s3-documents-key has no key policy, so AWS applies its default: kms:* for the account's root principal " +
                    "(any IAM policy of the account can manage and use the key).",
            ),
        ]);
    });

    test("fails a statement that allows kms:* (one string, not a list)", async () => {
        expect(await violations("s3-documents-key", editPolicy((d) => (d.Statement[0].Action = "kms:*")), config)).toEqual([
            mandatory("KMS key s3-documents-key: statement 0 (KeyAdministration) allows kms:* (administration and use together); list the actions each principal needs."),
        ]);
    });

    test('fails a statement that allows "*" among other actions', async () => {
        expect(await violations("atlas-encryption-key", editPolicy((d) => d.Statement[1].Action.push("*")), config)).toEqual([
            mandatory("KMS key atlas-encryption-key: statement 1 (AtlasEncryptionAtRest) allows kms:* (administration and use together); list the actions each principal needs."),
        ]);
    });

    test('fails Principal "*" without a kms:CallerAccount condition', async () => {
        const change = editPolicy((d) => {
            d.Statement[1].Principal = "*";
            delete d.Statement[1].Condition.StringEquals["kms:CallerAccount"];
        });
        expect(await violations("s3-documents-key", change, config)).toEqual([
            mandatory(
                "KMS key s3-documents-key: statement 1 (KeyUseThroughServices) allows kms:Encrypt, kms:Decrypt, kms:ReEncrypt*, " +
                    "kms:GenerateDataKey*, kms:DescribeKey to *, outside account 111122223333, without kms:CallerAccount = 111122223333.",
            ),
        ]);
    });

    test('passes Principal { AWS: "*" } confined by kms:CallerAccount = the account (the AWS-managed key form)', async () => {
        expect(await violations("s3-documents-key", editPolicy((d) => (d.Statement[1].Principal = { AWS: "*" })), config)).toEqual([]);
    });
});

describe("with accountId in the pack config", () => {
    test("fails use granted to another account's principal (an ARN in a list)", async () => {
        const change = editPolicy((d) => {
            d.Statement[1].Principal = { AWS: [FOREIGN] };
            delete d.Statement[1].Condition;
        });
        expect(await violations("atlas-encryption-key", change, WITH_ACCOUNT)).toEqual([
            mandatory(
                "KMS key atlas-encryption-key: statement 1 (AtlasEncryptionAtRest) allows kms:Decrypt, kms:Encrypt, kms:DescribeKey to " +
                    `${FOREIGN}, outside account 111122223333, without kms:CallerAccount = 111122223333.`,
            ),
        ]);
    });

    test("fails a policy that is entirely another account's (root and kms:CallerAccount agree with each other, not with the config)", async () => {
        const change = editPolicy((d) => {
            d.Statement[1].Principal = { AWS: FOREIGN };
            d.Statement[1].Condition.StringEquals["kms:CallerAccount"] = "444455556666";
        });
        expect(await violations("s3-documents-key", change, WITH_ACCOUNT)).toEqual([
            mandatory(
                "KMS key s3-documents-key: statement 1 (KeyUseThroughServices) allows kms:Encrypt, kms:Decrypt, kms:ReEncrypt*, " +
                    `kms:GenerateDataKey*, kms:DescribeKey to ${FOREIGN}, outside account 111122223333, without kms:CallerAccount = 111122223333.`,
            ),
        ]);
    });

    test("a Deny statement for anyone is no grant", async () => {
        const change = editPolicy((d) => d.Statement.push({ Sid: "DenyAll", Effect: "Deny", Principal: "*", Action: "kms:*", Resource: "*" }));
        expect(await violations("s3-documents-key", change, WITH_ACCOUNT)).toEqual([]);
    });

    test("the pack config refuses an accountId that is not 12 digits", async () => {
        await expect(suite.pack.analyze(suite.resource("s3-documents-key"), suite.rec, { [POLICY]: { accountId: "1234" } })).rejects.toThrow(
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

describe("with the account inferred from the policy", () => {
    test("fails use granted to another account's principal: the policy names two accounts", async () => {
        const change = editPolicy((d) => {
            d.Statement[1].Principal = { AWS: [FOREIGN] };
            delete d.Statement[1].Condition;
        });
        expect(await violations("atlas-encryption-key", change)).toEqual([
            mandatory(
                "KMS key atlas-encryption-key's policy names accounts 111122223333, 444455556666; a key policy grants one account, so one is " +
                    "foreign (set accountId in the policy config to say which is the key's).",
            ),
        ]);
    });
});

describe("the review's defects (pack config with accountId)", () => {
    test('fails Principal { AWS: "*" } confined only by kms:CallerAccount: no ViaService, administration and grants to everyone', async () => {
        const change = editPolicy((d) => {
            d.Statement[1] = {
                Sid: "Everyone",
                Effect: "Allow",
                Principal: { AWS: "*" },
                Action: ["kms:Decrypt", "kms:PutKeyPolicy", "kms:CreateGrant"],
                Resource: "*",
                Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT } },
            };
        });
        const at = "KMS key s3-documents-key: statement 1 (Everyone)";
        expect(await violations("s3-documents-key", change, WITH_ACCOUNT)).toEqual([
            mandatory(`${at} allows administration (kms:PutKeyPolicy) and use (kms:Decrypt) together; give each its own statement.`),
            mandatory(`${at} allows kms:CreateGrant to * without Bool kms:GrantIsForAWSResource = true; a grant hands use of the key to anyone the grantor names.`),
            mandatory(`${at} allows administration (kms:PutKeyPolicy, kms:CreateGrant) to *; name the key administrators.`),
            mandatory(`${at} allows use (kms:Decrypt) to * without kms:ViaService; limit the account's principals to the services that use the key.`),
        ]);
    });

    test("fails use by the account root without kms:ViaService", async () => {
        expect(await violations("s3-documents-key", editPolicy((d) => delete d.Statement[1].Condition.StringEquals["kms:ViaService"]), WITH_ACCOUNT)).toEqual([
            mandatory(
                "KMS key s3-documents-key: statement 1 (KeyUseThroughServices) allows use (kms:Encrypt, kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, " +
                    "kms:GenerateDataKey, kms:GenerateDataKeyPair, kms:GenerateDataKeyPairWithoutPlaintext, kms:GenerateDataKeyWithoutPlaintext) by a wildcard " +
                    `action to arn:aws:iam::${ACCOUNT}:root without kms:ViaService; list the use actions the principal needs.`,
            ),
            mandatory(
                "KMS key s3-documents-key: statement 1 (KeyUseThroughServices) allows use (kms:Encrypt, kms:Decrypt, kms:ReEncryptFrom, kms:ReEncryptTo, " +
                    "kms:GenerateDataKey, kms:GenerateDataKeyPair, kms:GenerateDataKeyPairWithoutPlaintext, kms:GenerateDataKeyWithoutPlaintext) to " +
                    `arn:aws:iam::${ACCOUNT}:root without kms:ViaService; limit the account's principals to the services that use the key.`,
            ),
        ]);
    });

    test("fails the administrators' kms:Create* (it matches kms:CreateGrant) unless the grant is for an AWS resource", async () => {
        const change = editPolicy((d) => (d.Statement[0].Action[0] = "kms:Create*"));
        expect(await violations("s3-documents-key", change, WITH_ACCOUNT)).toEqual([
            mandatory(
                `KMS key s3-documents-key: statement 0 (KeyAdministration) allows kms:CreateGrant to arn:aws:iam::${ACCOUNT}:root without Bool ` +
                    "kms:GrantIsForAWSResource = true; a grant hands use of the key to anyone the grantor names.",
            ),
        ]);
        const forAwsResource = editPolicy((d) => {
            d.Statement[0].Action[0] = "kms:Create*";
            d.Statement[0].Condition = { Bool: { "kms:GrantIsForAWSResource": "true" } };
        });
        expect(await violations("s3-documents-key", forAwsResource, WITH_ACCOUNT)).toEqual([]);
    });

    test("fails a wildcard that reaches use (kms:De*) in the administrators' statement, and the Atlas role's kms:*crypt*", async () => {
        expect(await violations("s3-documents-key", editPolicy((d) => d.Statement[0].Action.push("kms:De*")), WITH_ACCOUNT)).toEqual([
            mandatory(
                "KMS key s3-documents-key: statement 0 (KeyAdministration) allows administration (kms:CreateAlias, kms:DisableKey, kms:DisableKeyRotation, " +
                    "kms:DisconnectCustomKeyStore, kms:EnableKey, kms:EnableKeyRotation, kms:PutKeyPolicy, kms:RevokeGrant, kms:UpdateAlias, " +
                    "kms:UpdateCustomKeyStore, kms:UpdateKeyDescription, kms:UpdatePrimaryRegion, kms:DeleteAlias, kms:DeleteCustomKeyStore, " +
                    "kms:DeleteImportedKeyMaterial, kms:TagResource, kms:UntagResource, kms:ScheduleKeyDeletion, kms:CancelKeyDeletion) and use " +
                    "(kms:Decrypt, kms:DeriveSharedSecret) together; give each its own statement.",
            ),
            mandatory(
                "KMS key s3-documents-key: statement 0 (KeyAdministration) allows use (kms:Decrypt, kms:DeriveSharedSecret) by a wildcard action to " +
                    `arn:aws:iam::${ACCOUNT}:root without kms:ViaService; list the use actions the principal needs.`,
            ),
            mandatory(
                "KMS key s3-documents-key: statement 0 (KeyAdministration) allows use (kms:Decrypt, kms:DeriveSharedSecret) to " +
                    `arn:aws:iam::${ACCOUNT}:root without kms:ViaService; limit the account's principals to the services that use the key.`,
            ),
        ]);
        expect(await violations("atlas-encryption-key", editPolicy((d) => (d.Statement[1].Action = ["kms:*crypt*"])), WITH_ACCOUNT)).toEqual([
            mandatory(
                "KMS key atlas-encryption-key: statement 1 (AtlasEncryptionAtRest) allows use (kms:Decrypt, kms:Encrypt, kms:ReEncryptFrom, kms:ReEncryptTo) " +
                    `by a wildcard action to arn:aws:iam::${ACCOUNT}:role/allotrac-prod-operational-atlas-kms without kms:ViaService; list the use actions the principal needs.`,
            ),
        ]);
    });

    test("fails a Service principal without aws:SourceAccount = the account", async () => {
        const change = editPolicy((d) =>
            d.Statement.push({ Sid: "Trail", Effect: "Allow", Principal: { Service: "cloudtrail.amazonaws.com" }, Action: ["kms:GenerateDataKey*"], Resource: "*" }),
        );
        expect(await violations("s3-documents-key", change, WITH_ACCOUNT)).toEqual([
            mandatory(
                "KMS key s3-documents-key: statement 2 (Trail) allows kms:GenerateDataKey* to service cloudtrail.amazonaws.com without StringEquals aws:SourceAccount = 111122223333.",
            ),
        ]);
    });

    test('reads an Effect spelled "allow" as an Allow', async () => {
        const change = editPolicy((d) => d.Statement.push({ Sid: "Lower", Effect: "allow", Principal: "*", Action: "kms:*", Resource: "*" }));
        expect(await violations("s3-documents-key", change, WITH_ACCOUNT)).toEqual([
            mandatory("KMS key s3-documents-key: statement 2 (Lower) allows kms:* (administration and use together); list the actions each principal needs."),
            mandatory("KMS key s3-documents-key: statement 2 (Lower) allows administration (kms:CancelKeyDeletion, kms:ConnectCustomKeyStore, kms:CreateAlias, kms:CreateCustomKeyStore, kms:CreateKey, kms:DeleteAlias, kms:DeleteCustomKeyStore, kms:DeleteImportedKeyMaterial, kms:DisableKey, kms:DisableKeyRotation, kms:DisconnectCustomKeyStore, kms:EnableKey, kms:EnableKeyRotation, kms:ImportKeyMaterial, kms:PutKeyPolicy, kms:ReplicateKey, kms:RevokeGrant, kms:RotateKeyOnDemand, kms:ScheduleKeyDeletion, kms:SynchronizeMultiRegionKey, kms:TagResource, kms:UntagResource, kms:UpdateAlias, kms:UpdateCustomKeyStore, kms:UpdateKeyDescription, kms:UpdatePrimaryRegion, kms:CreateGrant, kms:RetireGrant) to *; name the key administrators."),
        ]);
    });
});
