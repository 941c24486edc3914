import { resourcePolicy } from "../lib/define";
import { parseJson } from "../lib/props";
import { T } from "../lib/tokens";

/**
 * Every customer-managed KMS key carries its own key policy, and that policy neither grants everything nor lets
 * anyone outside the account use the key (data policy §05 "access control mechanisms"; CIS AWS 1.16 / Security Hub
 * KMS.1–KMS.2: no `kms:*`, no cross-account decrypt).
 *
 * Why "no policy" fails: a key created without one gets AWS's default, `kms:*` for the account's root principal,
 * so any IAM policy of the account can both manage the key and decrypt with it. Why `kms:*` fails: administration
 * and use must be separate statements, so that who manages a key is not also who reads the data.
 *
 * "The account": the policy config's `accountId` (infra/policy/config/<stack>.json, the stack's
 * `data-platform:aws.accountId`; a test keeps the two equal). Without it, the account is the one the policy names:
 * a policy whose principals and `kms:CallerAccount` name more than one account is refused, since one is foreign.
 * A principal outside the account (another account's ARN or id, `"*"`, a federated principal) passes only when the
 * statement requires `kms:CallerAccount` to equal the account, the form AWS-managed keys use. AWS service principals
 * (`Service`) are not accounts; their statements are scoped by the services themselves (`aws:SourceAccount`).
 */

interface Statement {
    Sid?: string;
    Effect?: string;
    Principal?: unknown;
    NotPrincipal?: unknown;
    Action?: unknown;
    NotAction?: unknown;
    Condition?: Record<string, Record<string, unknown>>;
}

function list(v: unknown): unknown[] {
    return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

/** `arn:aws:iam::<account>:…` or a bare 12-digit id → the account; anything else (`*`, a malformed value) → undefined. */
function accountOf(principal: string): string | undefined {
    if (/^\d{12}$/.test(principal)) return principal;
    return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(principal)?.[1];
}

/** The principals of a statement that are accounts or anyone: AWS ARNs/ids, `"*"`, and federated or canonical ids. */
function accountPrincipals(s: Statement): string[] {
    if (s.Principal === "*") return ["*"];
    if (typeof s.Principal !== "object" || s.Principal === null) return [];
    return Object.entries(s.Principal as Record<string, unknown>)
        .filter(([kind]) => kind !== "Service")
        .flatMap(([, v]) => list(v).map(String));
}

/** The values of `kms:CallerAccount` in a StringEquals condition, if the statement has one. */
function callerAccounts(s: Statement): string[] | undefined {
    const cond = s.Condition?.["StringEquals"]?.["kms:CallerAccount"];
    return cond === undefined ? undefined : list(cond).map(String);
}

function label(s: Statement, i: number): string {
    return s.Sid ? `statement ${i} (${s.Sid})` : `statement ${i}`;
}

/** Every account the policy names: in AWS principals and in `kms:CallerAccount`. */
function namedAccounts(statements: readonly Statement[]): string[] {
    const accounts = new Set<string>();
    for (const s of statements) {
        for (const p of accountPrincipals(s)) {
            const a = accountOf(p);
            if (a !== undefined) accounts.add(a);
        }
        for (const a of callerAccounts(s) ?? []) accounts.add(a);
    }
    return [...accounts].sort();
}

/**
 * Every AWS KMS action, from the AWS Service Authorization Reference, "Actions, resources, and condition keys for
 * AWS Key Management Service" (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html),
 * and the AWS KMS API reference's action list. Data, not a library: wildcard actions (`kms:De*`, `kms:*crypt*`)
 * are expanded against it, so a wildcard is judged by what it grants, not by how it is spelled. A new KMS action
 * is added here; until then a wildcard matching only it grants nothing this check knows of.
 */
export const KMS_ACTIONS = {
    /** Use: encrypt, decrypt, data keys, sign/verify, MAC. Reads the data the key protects. */
    use: [
        "Decrypt", "DeriveSharedSecret", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
        "GenerateDataKeyWithoutPlaintext", "GenerateMac", "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify", "VerifyMac",
    ],
    /** Grants: a grant gives its grantee use of the key outside the key policy, so whoever may grant may decrypt. */
    grant: ["CreateGrant", "RetireGrant"],
    /** Administration: changes the key, its policy, aliases, tags, material or lifecycle. */
    admin: [
        "CancelKeyDeletion", "ConnectCustomKeyStore", "CreateAlias", "CreateCustomKeyStore", "CreateKey", "DeleteAlias", "DeleteCustomKeyStore",
        "DeleteImportedKeyMaterial", "DisableKey", "DisableKeyRotation", "DisconnectCustomKeyStore", "EnableKey", "EnableKeyRotation",
        "ImportKeyMaterial", "PutKeyPolicy", "ReplicateKey", "RevokeGrant", "RotateKeyOnDemand", "ScheduleKeyDeletion",
        "SynchronizeMultiRegionKey", "TagResource", "UntagResource", "UpdateAlias", "UpdateCustomKeyStore", "UpdateKeyDescription",
        "UpdatePrimaryRegion",
    ],
    /** Reads of metadata: neither administration nor use. */
    read: [
        "DescribeCustomKeyStores", "DescribeKey", "GenerateRandom", "GetKeyPolicy", "GetKeyRotationStatus", "GetParametersForImport",
        "GetPublicKey", "ListAliases", "ListGrants", "ListKeyPolicies", "ListKeyRotations", "ListKeys", "ListResourceTags", "ListRetirableGrants",
    ],
} as const;

type ActionClass = keyof typeof KMS_ACTIONS;
const ALL_ACTIONS: ReadonlyArray<{ name: string; cls: ActionClass }> = (Object.keys(KMS_ACTIONS) as ActionClass[]).flatMap((cls) =>
    KMS_ACTIONS[cls].map((a) => ({ name: `kms:${a}`, cls })),
);

/** The KMS actions an IAM action pattern matches (IAM: case-insensitive, `*` any run, `?` one character). */
function expand(pattern: string): Array<{ name: string; cls: ActionClass }> {
    const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
    return ALL_ACTIONS.filter((a) => re.test(a.name));
}

/** The values of a condition key under any of `operators`, or undefined when none has it. */
function conditionValues(s: Statement, operators: readonly string[], key: string): string[] | undefined {
    const found = operators.map((op) => s.Condition?.[op]?.[key]).filter((v) => v !== undefined);
    return found.length === 0 ? undefined : found.flatMap((v) => list(v).map(String));
}

/** The findings of one key policy document; empty when it complies. */
export function keyPolicyFindings(keyName: string, doc: unknown, configuredAccount: string | undefined): string[] {
    if (typeof doc !== "object" || doc === null) return [`KMS key ${keyName}'s policy is not a JSON policy document.`];
    const statements = list((doc as { Statement?: unknown }).Statement) as Statement[];
    const allows = statements.map((s, i) => ({ s, i })).filter(({ s }) => String(s.Effect).toLowerCase() === "allow"); // "allow" too: never read a grant as no grant by its spelling
    const findings: string[] = [];

    let account = configuredAccount;
    if (account === undefined) {
        const named = namedAccounts(statements);
        if (named.length > 1) {
            return [
                `KMS key ${keyName}'s policy names accounts ${named.join(", ")}; a key policy grants one account, so one is foreign ` +
                    "(set accountId in the policy config to say which is the key's).",
            ];
        }
        account = named[0];
    }

    for (const { s, i } of allows) {
        const at = `KMS key ${keyName}: ${label(s, i)}`;
        const actions = list(s.Action).map(String);
        const allKms = actions.some((a) => a === "*" || a.toLowerCase() === "kms:*");
        if (allKms) {
            findings.push(`${at} allows kms:* (administration and use together); list the actions each principal needs.`);
        }
        if (s.NotAction !== undefined || s.NotPrincipal !== undefined) {
            findings.push(`${at} is an Allow with NotAction or NotPrincipal, which grants more than it names.`);
        }
        const granted = actions.flatMap((a) => expand(a).map((x) => ({ ...x, wildcard: /[*?]/.test(a) })));
        const names = (cls: ActionClass) => [...new Set(granted.filter((g) => g.cls === cls).map((g) => g.name))];
        const use = names("use");
        const admin = names("admin");
        const grant = names("grant");
        const principals = accountPrincipals(s);
        const isService = typeof s.Principal === "object" && s.Principal !== null && "Service" in (s.Principal as object);
        const viaService = (conditionValues(s, ["StringEquals", "StringLike"], "kms:ViaService") ?? []).length > 0;
        const callers = callerAccounts(s);
        const confined = account !== undefined && callers !== undefined && callers.length > 0 && callers.every((c) => c === account);

        // Administration and use in one statement: whoever manages the key also reads the data (kms:* aside, already said).
        if (!allKms && admin.length > 0 && use.length > 0) {
            findings.push(`${at} allows administration (${admin.join(", ")}) and use (${use.join(", ")}) together; give each its own statement.`);
        }

        // kms:* is already refused as a whole; the findings below would only spell it out action by action.
        if (principals.length > 0 && !allKms) {
            // A grant gives its grantee use of the key outside this policy: only for an AWS resource (S3, EBS…) acting for the caller.
            const forAwsResource = (conditionValues(s, ["Bool"], "kms:GrantIsForAWSResource") ?? []).some((v) => v === "true");
            if (grant.length > 0 && !forAwsResource) {
                findings.push(
                    `${at} allows ${grant.join(", ")} to ${principals.join(", ")} without Bool kms:GrantIsForAWSResource = true; ` +
                        "a grant hands use of the key to anyone the grantor names.",
                );
            }
            // A wildcard that reaches use actions: use only through a named service (ViaService), or spell the actions.
            const wildUse = [...new Set(granted.filter((g) => g.wildcard && g.cls === "use").map((g) => g.name))];
            if (wildUse.length > 0 && !viaService) {
                findings.push(
                    `${at} allows use (${wildUse.join(", ")}) by a wildcard action to ${principals.join(", ")} without kms:ViaService; ` +
                        "list the use actions the principal needs.",
                );
            }
            // "*" or the account itself: every principal the account's IAM policies allow. Such a grant is confined to
            // the account only by kms:CallerAccount, and to the named services only by kms:ViaService: both are needed
            // for use, and administration (including grants) is never given to "*".
            const everyone = principals.filter((p) => p === "*");
            const wholeAccount = principals.filter((p) => p !== "*" && account !== undefined && (p === account || p === `arn:aws:iam::${account}:root`));
            if (everyone.length > 0 && (admin.length > 0 || grant.length > 0)) {
                findings.push(`${at} allows administration (${[...admin, ...grant].join(", ")}) to *; name the key administrators.`);
            }
            if ((everyone.length > 0 || wholeAccount.length > 0) && use.length > 0 && !viaService && (everyone.length === 0 || confined)) {
                findings.push(
                    `${at} allows use (${use.join(", ")}) to ${[...everyone, ...wholeAccount].join(", ")} without kms:ViaService; ` +
                        "limit the account's principals to the services that use the key.",
                );
            }
        }
        if (principals.length > 0) {
            if (!confined) {
                const outside = principals.filter((p) => account === undefined || accountOf(p) !== account);
                if (outside.length > 0) {
                    findings.push(
                        `${at} allows ${actions.join(", ") || "NotAction"} to ${outside.join(", ")}, outside account ` +
                            `${account ?? "(none named)"}, without kms:CallerAccount = ${account ?? "the account"}.`,
                    );
                }
            }
        }
        if (isService) {
            // A service principal acts for any AWS customer: aws:SourceAccount keeps it to requests for this account's
            // resources (confused-deputy protection). The component's builder always writes it.
            const sources = conditionValues(s, ["StringEquals"], "aws:SourceAccount");
            if (account === undefined || sources === undefined || sources.length === 0 || !sources.every((v) => v === account)) {
                findings.push(
                    `${at} allows ${actions.join(", ") || "NotAction"} to service ${list((s.Principal as { Service: unknown }).Service).join(", ")} ` +
                        `without StringEquals aws:SourceAccount = ${account ?? "the account"}.`,
                );
            }
        }
    }
    return findings;
}

export const awsKmsKeyPolicyExplicit = resourcePolicy<{ accountId?: string }>({
    name: "aws-kms-key-policy-explicit",
    description: "Customer-managed KMS keys must have an explicit key policy without kms:* and without use by principals outside the account.",
    clauses: ["05.encryption-and-access-control", "05.industry-standard-encryption"],
    severity: "high",
    remediation:
        "Give the aws.kms.Key a `policy` (infra/components/shared/customer-managed-key.ts keyPolicyDocument): a statement for the " +
        "key administrators without Encrypt/Decrypt, and use statements limited to named roles or to the account with " +
        "kms:ViaService and kms:CallerAccount conditions.",
    types: T.kmsKey,
    config: { accountId: { type: "string", pattern: "^\\d{12}$" } },
    validate: (args, report, config) => {
        const policy = args.props.policy as unknown;
        if (policy === undefined || policy === null || policy === "") {
            report(
                `KMS key ${args.name} has no key policy, so AWS applies its default: kms:* for the account's root principal ` +
                    "(any IAM policy of the account can manage and use the key).",
            );
            return;
        }
        for (const finding of keyPolicyFindings(args.name, parseJson(policy), config.accountId)) report(finding);
    },
});
