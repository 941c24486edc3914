import type { PolicyResource } from "@pulumi/policy";
import { isScalar, parseDocument, visit } from "yaml";
import { AU_AWS_REGIONS } from "../facts/residency";
import { stackPolicy } from "../lib/define";
import { peek, type Peeked } from "../lib/props";
import { T, isOneOfTypes } from "../lib/tokens";

/**
 * Every customer-managed KMS key (aws.kms.Key, ExternalKey, ReplicaKey, ReplicaExternalKey: each carries its own
 * key policy) has an explicit key policy, and no key policy or grant lets anyone outside the
 * account, or anyone in it without a named service, use the key (data policy §05 "access control mechanisms";
 * CIS AWS 1.16 / Security Hub KMS.1–KMS.2). A stack policy: a key's policy may come from an `aws.kms.KeyPolicy`
 * that replaces it, and `aws.kms.Grant`s give use outside any policy, so one resource alone cannot be judged.
 *
 * "The account" is the pack config's `accountId` (infra/policy/config/<stack>.json, equal to the stack's
 * `data-platform:aws.accountId`; a test keeps the two equal). It is never inferred from the policies: a policy
 * that names a foreign account throughout would then judge itself. Without it every key, key policy and grant is
 * a finding.
 *
 * Each Allow statement is judged by every KMS action its actions match (wildcards expanded against
 * {@link KMS_ACTIONS}; an action matching none, or no action, is a finding):
 * - no `kms:*`, no NotAction/NotPrincipal; administration and use in separate statements, and apart per principal
 *   across the policy: whoever administers does not use, except AWS's documented pattern of the account root
 *   administering and using the key only through kms:ViaService with kms:CallerAccount = the account;
 * - administration only to IAM principals of the account (its root delegates to the account's IAM policies);
 * - use by `"*"` or the account's root only narrowed by `kms:ViaService` to services in Australian regions, and
 *   `"*"` only with `kms:CallerAccount` = the account; named roles and users of the account may use the key;
 * - no principal of another account (nor Federated / CanonicalUser), whatever the conditions;
 * - an AWS service principal only with `aws:SourceAccount` = the account or an `aws:SourceArn` of the account
 *   (it acts for every AWS customer: confused-deputy protection); a `Service` value that is not a service name
 *   (`<service>.amazonaws.com`) is a finding;
 * - `kms:CreateGrant` (a grant hands use of the key to whoever the grantor names, outside this policy) only to
 *   a constrained use principal (above), in a statement without administration, with Bool
 *   `kms:GrantIsForAWSResource` = true, every value (AWS's recommendation for service-integrated use: only an AWS
 *   service acting for the caller may create the grant);
 * - a JSON key repeated within one object is a finding: which of the two IAM reads is not documented.
 *
 * Deliberately accepted: any Australian service counts for kms:ViaService; administration by the root includes
 * kms:PutKeyPolicy (AWS's pattern). Deliberately strict (false positives only): Bool "True", the IfExists
 * operators and aws:PrincipalAccount are not read as the conditions they resemble.
 *
 * An `aws.kms.Grant` passes only to an IAM role or user of the account, limited by an encryption-context constraint
 * (without one the grantee may use the key on any data), without `CreateGrant` among its operations (the grantee
 * could re-grant to anyone), with a retiring principal, if any, of the account. A KeyPolicy or Grant is paired with
 * the key its known `keyId` names (a reference alone does not say which key a computed value names); unknown at
 * preview, with the one key it references. An exempt KeyPolicy does not stand in for its key's policy. `bypassPolicyLockoutSafetyCheck: true` on a key or key policy is a finding: it lets
 * a policy lock the account out of its own key. Policies unknown at preview are findings, not the runtime's
 * advisory: this stack builds them from known values, so unknown means unjudged.
 */

const POLICY = "aws-kms-key-policy-explicit";
const CONFIG_FILE = "infra/policy/config/<stack>.json";

/**
 * Every AWS KMS action, from the AWS Service Authorization Reference, "Actions, resources, and condition keys for
 * AWS Key Management Service" (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awskeymanagementservice.html),
 * by what each lets a principal do. Data, not a library: no maintained npm package ships IAM's action list with
 * KMS's classes, and a wildcard (`kms:De*`, `kms:*crypt*`) must be judged by what it grants, not by how it is
 * spelled. An action AWS adds later matches nothing here, so a policy naming it is a finding until it is added.
 */
export const KMS_ACTIONS = {
    /** Use: encrypt, decrypt, data keys, sign/verify, MAC. Reads the data the key protects. */
    use: [
        "Decrypt", "DeriveSharedSecret", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
        "GenerateDataKeyWithoutPlaintext", "GenerateMac", "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify", "VerifyMac",
    ],
    /** A grant gives its grantee use of the key outside the key policy, so whoever may grant may decrypt. */
    grant: ["CreateGrant"],
    /** Administration: changes the key, its policy, grants, aliases, tags, material or lifecycle. */
    admin: [
        "CancelKeyDeletion", "ConnectCustomKeyStore", "CreateAlias", "CreateCustomKeyStore", "CreateKey", "DeleteAlias", "DeleteCustomKeyStore",
        "DeleteImportedKeyMaterial", "DisableKey", "DisableKeyRotation", "DisconnectCustomKeyStore", "EnableKey", "EnableKeyRotation",
        "ImportKeyMaterial", "PutKeyPolicy", "ReplicateKey", "RetireGrant", "RevokeGrant", "RotateKeyOnDemand", "ScheduleKeyDeletion",
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

/** The operations an aws.kms.Grant accepts (AWS KMS API reference, CreateGrant `Operations`), without `kms:`. */
const GRANT_OPERATIONS = new Set([
    "Decrypt", "DeriveSharedSecret", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
    "GenerateDataKeyWithoutPlaintext", "GenerateMac", "ReEncryptFrom", "ReEncryptTo", "Sign", "Verify", "VerifyMac",
    "GetPublicKey", "DescribeKey", "CreateGrant", "RetireGrant",
]);

/** `<service>.<region>.amazonaws.com` in an Australian region, no wildcard. */
const AU_VIA_SERVICE = new RegExp(`^[a-z0-9-]+\\.(${AU_AWS_REGIONS.join("|")})\\.amazonaws\\.com$`);
const VIA_ALLOWED = `kms:ViaService (StringEquals) naming services in Australian regions, <service>.{${AU_AWS_REGIONS.join(",")}}.amazonaws.com`;

interface Statement {
    Sid?: unknown;
    Effect?: unknown;
    Principal?: unknown;
    NotPrincipal?: unknown;
    Action?: unknown;
    NotAction?: unknown;
    Condition?: unknown;
}

type PrincipalKind = "everyone" | "root" | "named" | "service" | "notService" | "foreign";
interface Principal {
    readonly value: string;
    readonly kind: PrincipalKind;
}

function list(v: unknown): unknown[] {
    return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A service principal's name, `<service>.amazonaws.com` (e.g. `cloudtrail.amazonaws.com`, `logs.ap-southeast-2.amazonaws.com`). */
const SERVICE_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/;

/** The principals of a statement, each classed against `account`. Principal `"*"` is `{ AWS: "*" }`. */
function principalsOf(principal: unknown, account: string): Principal[] {
    const entries: Array<[string, unknown]> = principal === "*" ? [["AWS", "*"]] : isRecord(principal) ? Object.entries(principal) : [["AWS", principal]];
    return entries.flatMap(([kind, values]) =>
        list(values).map((v): Principal => {
            const value = String(v);
            if (kind === "Service") return { value, kind: SERVICE_NAME.test(value) ? "service" : "notService" };
            if (kind !== "AWS") return { value: `${kind} ${value}`, kind: "foreign" };
            if (value === "*") return { value, kind: "everyone" };
            if (value === account || value === `arn:aws:iam::${account}:root`) return { value, kind: "root" };
            if (new RegExp(`^arn:aws:(iam::${account}:(role|user)|sts::${account}:assumed-role)/[\\w+=,.@/-]+$`).test(value)) return { value, kind: "named" };
            return { value, kind: "foreign" };
        }),
    );
}

/** The values of condition `key` under operator `op`; condition keys are case-insensitive in IAM, operators are not. */
function conditionValues(condition: unknown, op: string, key: string): string[] | undefined {
    const block = isRecord(condition) ? condition[op] : undefined;
    if (!isRecord(block)) return undefined;
    const found = Object.entries(block).filter(([k]) => k.toLowerCase() === key.toLowerCase());
    return found.length === 0 ? undefined : found.flatMap(([, v]) => list(v).map(String));
}

const allEqual = (values: readonly string[] | undefined, expected: string) => values !== undefined && values.length > 0 && values.every((v) => v === expected);

/** An ARN whose account field is exactly `account` (no wildcard). */
function arnOfAccount(arn: string, account: string): boolean {
    return arn.split(":")[4] === account && arn.startsWith("arn:aws");
}

/** The KMS actions an IAM action pattern matches (IAM: case-insensitive, `*` any run, `?` one character). */
export function expand(pattern: string): Array<{ name: string; cls: ActionClass }> {
    const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i");
    return ALL_ACTIONS.filter((a) => re.test(a.name));
}

function label(s: Statement, i: number): string {
    return typeof s.Sid === "string" && s.Sid !== "" ? `statement ${i} (${s.Sid})` : `statement ${i}`;
}

/**
 * The keys a JSON text repeats within one object, in document order. JSON.parse keeps the last of them silently and
 * IAM documents no handling of a repeated key, so a policy whose reading depends on the parser is refused. The
 * `yaml` package (already pinned) parses JSON as YAML 1.2 and keeps every pair when told not to insist on unique
 * keys; its visitor finds the repeats, escapes (`"\u0061"`) decoded.
 */
function repeatedKeys(text: string): string[] {
    const repeated: string[] = [];
    visit(parseDocument(text, { uniqueKeys: false }), {
        Map(_, map) {
            const seen = new Set<string>();
            for (const pair of map.items) {
                const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
                if (seen.has(key)) repeated.push(key);
                seen.add(key);
            }
        },
    });
    return repeated;
}

/**
 * The findings of one key policy document (`subject` says whose, e.g. "KMS key s3-documents-key"); empty when it
 * complies. `raw` is the property as read: a JSON string or a document object.
 */
export function keyPolicyFindings(subject: string, raw: unknown, account: string): string[] {
    let doc: unknown = raw;
    const findings: string[] = [];
    if (typeof raw === "string") {
        try {
            doc = JSON.parse(raw);
        } catch (err) {
            return [`${subject}: the policy is not valid JSON (${(err as Error).message}); allowed: a JSON key policy document.`];
        }
        for (const key of repeatedKeys(raw)) {
            findings.push(`${subject}: the policy repeats the key ${JSON.stringify(key)} in one object, which parsers read differently; allowed: each key once per object.`);
        }
    }
    if (!isRecord(doc)) {
        const got = Array.isArray(doc) ? "an array" : doc === null ? "null" : `a ${typeof doc}`;
        return [...findings, `${subject}: the policy is ${got}, not a policy document; allowed: a JSON object with a Statement list.`];
    }
    const statements = list(doc["Statement"]);
    if (statements.length === 0) {
        return [...findings, `${subject}: the policy has no statements; allowed: a Statement list with the key administrators and the key's users.`];
    }
    const roles: Role[] = [];
    statements.forEach((raw, i) => {
        if (!isRecord(raw)) {
            findings.push(`${subject}: statement ${i} is not an object; allowed: a statement with Effect, Principal, Action and Resource.`);
            return;
        }
        findings.push(...statementFindings(`${subject}: ${label(raw, i)}`, raw, account, (role) => roles.push({ ...role, statement: i, label: label(raw, i) })));
    });
    findings.push(...separationFindings(subject, roles, account));
    return findings;
}

/** One principal's part in one Allow statement: what it administers or uses there. */
interface Role {
    readonly principal: string;
    readonly part: "admin" | "use";
    readonly statement: number;
    readonly label: string;
}

/**
 * Administration apart from use across the whole policy, per principal: a principal the policy lets administer
 * the key must not use it in another statement (within one statement the statement's own finding says so). The
 * one exception is AWS's documented pattern, which keyPolicyDocument writes: the account root administers (it
 * delegates to the account's IAM policies) and uses the key only through Australian services for this account
 * (kms:ViaService and kms:CallerAccount); such use is not reported as a role. Use by the root that lacks
 * kms:ViaService in Australia is its statement's finding already.
 */
function separationFindings(subject: string, roles: readonly Role[], account: string): string[] {
    const findings: string[] = [];
    const admins = [...new Set(roles.filter((r) => r.part === "admin").map((r) => r.principal))];
    for (const principal of admins) {
        const adminAt = roles.filter((r) => r.principal === principal && r.part === "admin");
        const adminStatements = new Set(adminAt.map((r) => r.statement));
        const useAt = roles.filter((r) => r.principal === principal && r.part === "use" && !adminStatements.has(r.statement));
        if (useAt.length === 0) continue;
        const where = (rs: readonly Role[]) => [...new Set(rs.map((r) => r.label))].join(", ");
        findings.push(
            `${subject}: ${principal} may administer the key (${where(adminAt)}) and use it (${where(useAt)}); allowed: administrators apart from ` +
                `the key's users, except the account root using it only through kms:ViaService with StringEquals kms:CallerAccount = ${account}.`,
        );
    }
    return findings;
}

function statementFindings(at: string, s: Statement, account: string, role: (r: Omit<Role, "statement" | "label">) => void): string[] {
    const effect = typeof s.Effect === "string" ? s.Effect.toLowerCase() : undefined;
    if (effect === "deny") return []; // a Deny grants nothing
    // "allow" too: a grant is never read as no grant because of its spelling.
    if (effect !== "allow") return [`${at} has Effect ${JSON.stringify(s.Effect)}; allowed: Allow or Deny.`];
    const findings: string[] = [];

    if (s.NotAction !== undefined || s.NotPrincipal !== undefined) {
        findings.push(`${at} is an Allow with NotAction or NotPrincipal, which grants more than it names; allowed: Action and Principal.`);
    }
    const patterns = list(s.Action).map(String);
    if (patterns.length === 0 && s.NotAction === undefined) findings.push(`${at} has no Action; allowed: KMS actions, e.g. kms:Decrypt.`);
    const unknown = patterns.filter((p) => p !== "*" && expand(p).length === 0);
    if (unknown.length > 0) {
        findings.push(`${at} names ${unknown.join(", ")}, which match no KMS action; allowed: actions of the AWS KMS action list (or wildcards matching some).`);
    }
    const allKms = patterns.some((a) => a === "*" || a.toLowerCase() === "kms:*");
    if (allKms) findings.push(`${at} allows kms:* (administration and use together); allowed: the actions each principal needs.`);

    const granted = new Set(patterns.flatMap((p) => (p === "*" ? ALL_ACTIONS : expand(p)).map((a) => a.name)));
    const names = (cls: ActionClass) => ALL_ACTIONS.filter((a) => a.cls === cls && granted.has(a.name)).map((a) => a.name);
    const use = names("use");
    const admin = names("admin");
    const grant = names("grant");
    const actions = patterns.join(", ") || "NotAction";

    if (s.Principal === undefined) {
        if (s.NotPrincipal === undefined) findings.push(`${at} has no Principal; allowed: the IAM principals of account ${account} or a service.`);
        return findings;
    }
    const principals = principalsOf(s.Principal, account);
    if (principals.length === 0) findings.push(`${at} names no principal; allowed: the IAM principals of account ${account} or a service.`);
    const of = (...kinds: PrincipalKind[]) => principals.filter((p) => kinds.includes(p.kind)).map((p) => p.value);

    const callerConfined = allEqual(conditionValues(s.Condition, "StringEquals", "kms:CallerAccount"), account);
    const via = [...(conditionValues(s.Condition, "StringEquals", "kms:ViaService") ?? []), ...(conditionValues(s.Condition, "StringLike", "kms:ViaService") ?? [])];
    const viaAu = via.length > 0 && via.every((v) => AU_VIA_SERVICE.test(v));
    const sourceAccount = allEqual(conditionValues(s.Condition, "StringEquals", "aws:SourceAccount"), account);
    const sourceArns = ["ArnEquals", "ArnLike", "StringEquals", "StringLike"].flatMap((op) => conditionValues(s.Condition, op, "aws:SourceArn") ?? []);
    const sourceConfined = sourceAccount || (sourceArns.length > 0 && sourceArns.every((a) => arnOfAccount(a, account)));
    // Every value "true": several values are ORed, so ["true", "false"] admits any grantor. Exactly "true", as the
    // other conditions are matched exactly: a spelling IAM may read differently is refused, never credited.
    const forAwsResource = allEqual(conditionValues(s.Condition, "Bool", "kms:GrantIsForAWSResource"), "true");

    // Who administers and who uses, for the policy-wide separation. kms:* is refused as a whole (below), and only
    // the account's root and named principals may administer at all; the root's use through Australian services
    // for this account is AWS's pattern (see separationFindings), its use without kms:ViaService is a finding here.
    if (!allKms) {
        for (const p of principals.filter((p) => p.kind === "root" || p.kind === "named")) {
            const principal = p.kind === "root" ? `arn:aws:iam::${account}:root` : p.value;
            if (admin.length > 0) role({ principal, part: "admin" });
            const uses = use.length > 0 || grant.length > 0;
            if (uses && (p.kind === "named" || (viaAu && !callerConfined))) role({ principal, part: "use" });
        }
    }

    // kms:* is refused as a whole above: the action-class findings would only spell it out again.
    if (!allKms && admin.length > 0 && use.length > 0) {
        findings.push(`${at} allows administration (${admin.join(", ")}) and use (${use.join(", ")}) together; allowed: each in its own statement.`);
    }
    const notAdmins = of("everyone", "service"); // a foreign principal is refused whatever it is allowed (below)
    if (!allKms && admin.length > 0 && notAdmins.length > 0) {
        findings.push(
            `${at} allows administration (${admin.join(", ")}) to ${notAdmins.join(", ")}; ` +
                `allowed: the key administrators, IAM roles or users of account ${account} or its root.`,
        );
    }
    if (!allKms && grant.length > 0) {
        // Who is a constrained use principal: a named role or user of the account, the account's root or "*" narrowed
        // to Australian services (and "*" to the account), a service scoped to the account.
        const constrained = (p: Principal) =>
            p.kind === "named" ||
            (p.kind === "root" && viaAu) ||
            (p.kind === "everyone" && viaAu && callerConfined) ||
            (p.kind === "service" && sourceConfined);
        const unconstrained = principals.filter((p) => !constrained(p)).map((p) => p.value);
        if (admin.length > 0 || unconstrained.length > 0) {
            findings.push(
                `${at} allows ${grant.join(", ")} to ${(unconstrained.length > 0 ? unconstrained : principals.map((p) => p.value)).join(", ")}` +
                    `${admin.length > 0 ? " with administration" : ""}; a grant hands use of the key to whoever the grantor names: ` +
                    "allowed only in a use statement of constrained use principals, with Bool kms:GrantIsForAWSResource = true.",
            );
        } else if (!forAwsResource) {
            findings.push(`${at} allows ${grant.join(", ")} without Bool kms:GrantIsForAWSResource = true; allowed: grants only for AWS resources acting for the caller.`);
        }
    }
    const wide = of("everyone", "root");
    if (!allKms && use.length > 0 && wide.length > 0 && !viaAu) {
        findings.push(
            `${at} allows use (${use.join(", ")}) to ${wide.join(", ")}, every principal of the account, ` +
                `${via.length === 0 ? "without kms:ViaService" : `with kms:ViaService ${via.join(", ")}`}; allowed: ${VIA_ALLOWED}, or named roles.`,
        );
    }
    if (of("everyone").length > 0 && !callerConfined) {
        findings.push(`${at} allows ${actions} to *, without StringEquals kms:CallerAccount = ${account}; allowed: "*" only with that condition.`);
    }
    const foreign = of("foreign");
    if (foreign.length > 0) {
        findings.push(`${at} allows ${actions} to ${foreign.join(", ")}, outside account ${account}; allowed: IAM principals of account ${account}.`);
    }
    const notServices = of("notService");
    if (notServices.length > 0) {
        findings.push(`${at} names Service ${notServices.join(", ")}, which is not a service principal; allowed: a service name, <service>.amazonaws.com.`);
    }
    const services = of("service");
    if (services.length > 0 && !sourceConfined) {
        findings.push(
            `${at} allows ${actions} to service ${services.join(", ")} without StringEquals aws:SourceAccount = ${account} ` +
                `or an aws:SourceArn of account ${account}; allowed: a service scoped to this account's resources.`,
        );
    }
    return findings;
}

/** The findings of one aws.kms.Grant. `keyName` names the key it is on. */
function grantFindings(grant: PolicyResource, keyName: string, account: string): string[] {
    const at = `KMS grant ${grant.name} on key ${keyName}`;
    const findings: string[] = [];
    const grantee = peek(grant.props, "granteePrincipal");
    if (grantee.state !== "known") {
        findings.push(`${at}: its grantee is ${grantee.state} at preview; allowed: an IAM role or user ARN of account ${account}, known at preview.`);
    } else {
        const p = principalsOf(String(grantee.value), account)[0]!;
        if (p.kind !== "named") {
            findings.push(`${at}: grantee ${p.value} is not an IAM role or user of account ${account}; allowed: an IAM role or user ARN of account ${account}.`);
        }
    }
    // The retiring principal may retire (end) the grant: it acts on the key, so it too stays in the account.
    const retiring = peek(grant.props, "retiringPrincipal");
    if (retiring.state === "unknown") {
        findings.push(`${at}: its retiring principal is unknown at preview; allowed: an IAM principal of account ${account}, known at preview, or none.`);
    } else if (retiring.state === "known") {
        const p = principalsOf(String(retiring.value), account)[0]!;
        if (p.kind !== "named" && p.kind !== "root") {
            findings.push(`${at}: retiring principal ${p.value} is not an IAM principal of account ${account}; allowed: an IAM role, user or the root of account ${account}, or none.`);
        }
    }
    const ops = peek(grant.props, "operations");
    const operations = ops.state === "known" ? list(ops.value).map(String) : [];
    if (operations.length === 0) {
        findings.push(`${at}: its operations are ${ops.state === "known" ? "empty" : ops.state}; allowed: the use operations the grantee needs.`);
    }
    const unknownOps = operations.filter((o) => !GRANT_OPERATIONS.has(o));
    if (unknownOps.length > 0) findings.push(`${at}: operations ${unknownOps.join(", ")} are not grant operations; allowed: ${[...GRANT_OPERATIONS].join(", ")}.`);
    if (operations.includes("CreateGrant")) {
        findings.push(`${at}: its operations include CreateGrant, so the grantee may grant use to anyone; allowed: use operations without CreateGrant.`);
    }
    const constraints = peek(grant.props, "constraints");
    const limited =
        constraints.state === "known" &&
        list(constraints.value).some(
            (c) => isRecord(c) && [c["encryptionContextEquals"], c["encryptionContextSubset"]].some((ctx) => isRecord(ctx) && Object.keys(ctx).length > 0),
        );
    if (!limited) {
        findings.push(
            `${at}: no encryption-context constraint, so the grantee may use the key on any data; ` +
                "allowed: constraints with encryptionContextEquals or encryptionContextSubset.",
        );
    }
    return findings;
}

/** `bypassPolicyLockoutSafetyCheck` must be known and not true. */
function bypassFinding(subject: string, flag: Peeked): string | undefined {
    if (flag.state === "absent" || (flag.state === "known" && flag.value === false)) return undefined;
    return (
        `${subject} sets bypassPolicyLockoutSafetyCheck ${flag.state === "known" ? JSON.stringify(flag.value) : "(unknown at preview)"}, ` +
        "which lets a policy lock the account out of the key; allowed: false or unset."
    );
}

/**
 * The key a KeyPolicy or Grant targets. A known `keyId` must be one key's known key id, ARN or id, whatever the
 * input was computed from: a reference only says which resources the value came from, and a transform of one
 * key's output can name any other key. Unknown at preview, the reference decides, and only when it names exactly
 * one key of the stack.
 */
function targetOf(side: PolicyResource, keys: readonly PolicyResource[]): PolicyResource | undefined {
    const id = peek(side.props, "keyId");
    if (id.state === "known") {
        return keys.find((k) => [peek(k.props, "keyId"), peek(k.props, "arn"), peek(k.props, "id")].some((v) => v.state === "known" && v.value === id.value));
    }
    const refs = new Set((side.propertyDependencies["keyId"] ?? []).map((r) => r.urn));
    const referenced = keys.filter((k) => refs.has(k.urn));
    return referenced.length === 1 ? referenced[0] : undefined;
}

/** The stack a resource belongs to: a URN is `urn:pulumi:<stack>::<project>::…`. */
function stackOf(r: PolicyResource): string {
    return r.urn.split("::")[0]?.replace("urn:pulumi:", "") || "<stack>";
}

function keyLabel(side: PolicyResource, target: PolicyResource | undefined): string {
    if (target !== undefined) return target.name;
    const id = peek(side.props, "keyId");
    return id.state === "known" ? String(id.value) : "(unknown key)";
}

export const awsKmsKeyPolicyExplicit = stackPolicy<{ accountId?: string }>({
    name: POLICY,
    description:
        "Customer-managed KMS keys (Key, ExternalKey, ReplicaKey, ReplicaExternalKey) must have an explicit key policy (on the key or an aws.kms.KeyPolicy): " +
        "no kms:*, administration apart from use per principal (the account root may also use the key only through kms:ViaService with kms:CallerAccount), " +
        "use by the account or * only through Australian services (any of them), no principal of another account, services named <service>.amazonaws.com " +
        "and scoped to the account, grants only for AWS resources, no repeated JSON keys; aws.kms.Grants only to the account's roles with an " +
        "encryption-context constraint and a retiring principal of the account; no policy lockout bypass; strict, so Bool \"True\", IfExists operators " +
        "and aws:PrincipalAccount are refused.",
    clauses: ["05.encryption-and-access-control", "05.industry-standard-encryption"],
    severity: "high",
    remediation:
        "Give the aws.kms.Key a `policy` (infra/components/shared/customer-managed-key.ts keyPolicyDocument): a statement for the key " +
        "administrators without use or grants, and use statements limited to named roles of the account or to the account with kms:ViaService " +
        `(Australian regions) and kms:CallerAccount conditions; set accountId in ${CONFIG_FILE}.`,
    subjects: [...T.kmsKeyWithPolicy, ...T.kmsKeyPolicy, ...T.kmsGrant],
    config: { accountId: { type: "string", pattern: "^\\d{12}$" } },
    validate: (args, report, config, isExempt) => {
        const of = (tokens: readonly string[]) => args.resources.filter((r) => isOneOfTypes(r.type, tokens));
        const keys = of(T.kmsKeyWithPolicy);
        const keyPolicies = of(T.kmsKeyPolicy);
        const grants = of(T.kmsGrant);
        const account = config.accountId;
        if (account === undefined) {
            const kinds: Array<[readonly PolicyResource[], string]> = [[keys, "KMS key"], [keyPolicies, "KMS key policy"], [grants, "KMS grant"]];
            for (const [resources, kind] of kinds) {
                for (const r of resources) {
                    if (isExempt(r)) continue;
                    report(
                        `${kind} ${r.name} cannot be judged: the policy pack config lacks accountId for ${POLICY} ` +
                            `(${CONFIG_FILE.replace("<stack>", stackOf(r))}, as CI passes it; the stack's data-platform:aws.accountId); ` +
                            "allowed: a 12-digit account id, never one inferred from the policies.",
                        r.urn,
                    );
                }
            }
            return;
        }
        const judgeDocument = (r: PolicyResource, subject: string, policy: Peeked) => {
            if (policy.state === "unknown") {
                report(`${subject}: the policy is unknown at preview, so it cannot be judged; allowed: a policy built from known values.`, r.urn);
            } else if (policy.state === "known") {
                for (const f of keyPolicyFindings(subject, policy.value, account)) report(f, r.urn);
            }
        };
        const replaced = new Set<string>();
        for (const kp of keyPolicies) {
            // An exempt KeyPolicy is not judged, so it cannot stand in for its key's policy either.
            if (isExempt(kp)) continue;
            const target = targetOf(kp, keys);
            if (target !== undefined) replaced.add(target.urn);
            const subject = `KMS key policy ${kp.name} (of key ${keyLabel(kp, target)})`;
            const policy = peek(kp.props, "policy");
            if (policy.state === "absent") report(`${subject}: the policy is empty; allowed: a JSON key policy document.`, kp.urn);
            judgeDocument(kp, subject, policy);
            const bypass = bypassFinding(subject, peek(kp.props, "bypassPolicyLockoutSafetyCheck"));
            if (bypass !== undefined) report(bypass, kp.urn);
        }
        for (const key of keys) {
            if (isExempt(key)) continue;
            const subject = `KMS key ${key.name}`;
            const policy = peek(key.props, "policy");
            if ((policy.state === "absent" || (policy.state === "known" && policy.value === "")) && !replaced.has(key.urn)) {
                report(
                    `${subject} has no key policy, so AWS applies its default: kms:* for the account's root principal ` +
                        "(any IAM policy of the account can manage and use the key); allowed: an explicit policy on the key or an aws.kms.KeyPolicy.",
                    key.urn,
                );
            } else if (!(policy.state === "known" && policy.value === "")) {
                judgeDocument(key, subject, policy);
            }
            const bypass = bypassFinding(subject, peek(key.props, "bypassPolicyLockoutSafetyCheck"));
            if (bypass !== undefined) report(bypass, key.urn);
        }
        for (const g of grants) {
            if (isExempt(g)) continue;
            for (const f of grantFindings(g, keyLabel(g, targetOf(g, keys)), account)) report(f, g.urn);
        }
    },
});
