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

/** The findings of one key policy document; empty when it complies. */
export function keyPolicyFindings(keyName: string, doc: unknown, configuredAccount: string | undefined): string[] {
    if (typeof doc !== "object" || doc === null) return [`KMS key ${keyName}'s policy is not a JSON policy document.`];
    const statements = list((doc as { Statement?: unknown }).Statement) as Statement[];
    const allows = statements.map((s, i) => ({ s, i })).filter(({ s }) => s.Effect === "Allow");
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
        const actions = list(s.Action).map(String);
        if (actions.some((a) => a === "*" || a.toLowerCase() === "kms:*")) {
            findings.push(`KMS key ${keyName}: ${label(s, i)} allows kms:* (administration and use together); list the actions each principal needs.`);
        }
        if (s.NotAction !== undefined || s.NotPrincipal !== undefined) {
            findings.push(`KMS key ${keyName}: ${label(s, i)} is an Allow with NotAction or NotPrincipal, which grants more than it names.`);
        }
        const callers = callerAccounts(s);
        const confined = account !== undefined && callers !== undefined && callers.length > 0 && callers.every((c) => c === account);
        if (confined) continue;
        const outside = accountPrincipals(s).filter((p) => account === undefined || accountOf(p) !== account);
        if (outside.length > 0) {
            findings.push(
                `KMS key ${keyName}: ${label(s, i)} allows ${actions.join(", ") || "NotAction"} to ${outside.join(", ")}, outside account ` +
                    `${account ?? "(none named)"}, without kms:CallerAccount = ${account ?? "the account"}.`,
            );
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
