/**
 * The AWS KMS key every customer-managed encryption in this stack uses (data policy §05 "encryption at rest",
 * "industry-standard encryption"), and its alias. A function, not a component: the key stays a direct child of
 * the component that uses it, so its URN says what it encrypts.
 *
 * - symmetric `ENCRYPT_DECRYPT`, automatic yearly rotation (CIS AWS 3.6, Security Hub KMS.4);
 * - single-Region: a multi-Region key replicates its key material to other Regions, outside Australia (§02);
 * - the longest deletion window (30 days) unless told otherwise, and `protect`: losing the key loses the data;
 * - an explicit key policy ({@link keyPolicyDocument}), never AWS's default. The default grants `kms:*` to the
 *   account's root principal, so any IAM policy in the account could both manage the key and decrypt with it.
 *   Here administration and use are separate statements: the administrators may manage the key but not use it,
 *   and use is limited to the account's principals calling through the named services (`kms:ViaService`,
 *   `kms:CallerAccount`), to named roles, and to the delivery services that must encrypt (e.g. CloudTrail).
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { ArgumentCheck } from "./argument-checks";

/**
 * What a key administrator may do: manage the key's lifecycle, policy, grants and tags, never encrypt or decrypt
 * (the key-administrator statement of AWS's "Default key policy" guide). Deletion is scheduled, not immediate.
 * `kms:CreateAlias`, not the guide's `kms:Create*`: that also matches `kms:CreateGrant`, and a grant hands use of
 * the key (Decrypt) to any principal the grantor names, outside this policy. None of this stack's key users (S3,
 * Atlas, CloudTrail) needs a grant; the policy pack refuses a grant action in an administration statement.
 */
export const KEY_ADMIN_ACTIONS = [
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
] as const;

/** What a service using the key on a principal's behalf needs (S3 SSE-KMS with a Bucket Key uses all of them). */
export const KEY_USE_ACTIONS = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey"] as const;

/** A principal that uses the key directly, not through a service: e.g. the IAM role Atlas assumes. */
export interface KeyRoleUser {
    /** The statement id (letters and digits). */
    readonly sid: string;
    /** An IAM role ARN in the key's account. It must exist before the key: KMS refuses unknown principals. */
    readonly roleArn: string;
    /** The actions it needs, least privilege (a subset of {@link KEY_USE_ACTIONS}). */
    readonly actions: readonly string[];
}

/**
 * An AWS service principal that must encrypt on delivery, e.g. `cloudtrail.amazonaws.com` for an encrypted trail.
 * Always scoped to the key's account with `aws:SourceAccount` (confused-deputy protection), and to `sourceArns`
 * when given.
 */
export interface KeyServicePrincipal {
    /** The statement id (letters and digits). */
    readonly sid: string;
    /** The service principal, `<service>.amazonaws.com`. */
    readonly service: string;
    /** The actions it needs, e.g. `kms:GenerateDataKey*` and `kms:DescribeKey` for CloudTrail. */
    readonly actions: readonly string[];
    /** The resources it delivers for (`aws:SourceArn`), e.g. the trail's ARN. */
    readonly sourceArns?: readonly string[];
    /** Extra conditions, e.g. `{ StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": "arn:aws:cloudtrail:*:<account>:trail/*" } }`. */
    readonly condition?: Record<string, Record<string, string | readonly string[]>>;
}

/** Who administers and who uses a key: the input of {@link keyPolicyDocument}. */
export interface KeyPolicyArgs {
    /** The key's account (12 digits): the root principal, `kms:CallerAccount` and `aws:SourceAccount`. */
    readonly accountId: string;
    /**
     * The key administrators (IAM role or user ARNs of the account). Default the account's root principal, which
     * delegates key administration to IAM policies in the account and keeps the deploying identity able to manage
     * the key (KMS refuses a policy that would lock the caller out). Named administrators must include the deployer.
     */
    readonly administratorArns?: readonly string[];
    /** Services through which the account's principals may use the key (`kms:ViaService`), e.g. `s3.ap-southeast-2.amazonaws.com`. */
    readonly viaServices?: readonly string[];
    /** Roles that use the key directly. */
    readonly roleUsers?: readonly KeyRoleUser[];
    /** Delivery services that must encrypt with the key. */
    readonly servicePrincipals?: readonly KeyServicePrincipal[];
}

/** A key policy statement (the subset this stack writes). */
export interface KeyPolicyStatement {
    readonly Sid: string;
    readonly Effect: "Allow";
    readonly Principal: { readonly AWS: string | readonly string[] } | { readonly Service: string };
    readonly Action: readonly string[];
    readonly Resource: "*";
    readonly Condition?: Record<string, Record<string, string | readonly string[]>>;
}

/** `arn:aws:iam::<account>:root`: the account itself as a principal. */
export function accountRootArn(accountId: string): string {
    return `arn:aws:iam::${accountId}:root`;
}

/**
 * The key policy. `Resource: "*"` in a key policy means "this key". A plain JSON object (as the bucket policies
 * are), so the whole policy is known at `pulumi preview`, where the policy pack reads it.
 */
export function keyPolicyDocument(args: KeyPolicyArgs): { Version: "2012-10-17"; Statement: KeyPolicyStatement[] } {
    const account = args.accountId;
    const statements: KeyPolicyStatement[] = [
        {
            Sid: "KeyAdministration",
            Effect: "Allow",
            Principal: { AWS: [...(args.administratorArns ?? [accountRootArn(account)])] },
            Action: [...KEY_ADMIN_ACTIONS],
            Resource: "*",
        },
    ];
    if (args.viaServices !== undefined && args.viaServices.length > 0) {
        // The account's principals (as IAM allows them), only through these services and only from this account.
        statements.push({
            Sid: "KeyUseThroughServices",
            Effect: "Allow",
            Principal: { AWS: accountRootArn(account) },
            Action: [...KEY_USE_ACTIONS],
            Resource: "*",
            Condition: { StringEquals: { "kms:CallerAccount": account, "kms:ViaService": [...args.viaServices] } },
        });
    }
    for (const user of args.roleUsers ?? []) {
        statements.push({
            Sid: user.sid,
            Effect: "Allow",
            Principal: { AWS: user.roleArn },
            Action: [...user.actions],
            Resource: "*",
            Condition: { StringEquals: { "kms:CallerAccount": account } },
        });
    }
    for (const sp of args.servicePrincipals ?? []) {
        statements.push({
            Sid: sp.sid,
            Effect: "Allow",
            Principal: { Service: sp.service },
            Action: [...sp.actions],
            Resource: "*",
            Condition: {
                ...sp.condition,
                StringEquals: { ...sp.condition?.["StringEquals"], "aws:SourceAccount": account },
                ...(sp.sourceArns !== undefined && sp.sourceArns.length > 0 ? { ArnLike: { ...sp.condition?.["ArnLike"], "aws:SourceArn": [...sp.sourceArns] } } : {}),
            },
        });
    }
    return { Version: "2012-10-17", Statement: statements };
}

/** The argument checks of a key policy: an account id, administrators and role users inside that account. */
export function keyPolicyChecks(field: string, args: KeyPolicyArgs): ArgumentCheck[] {
    const inAccount = (arn: string) =>
        arn === accountRootArn(args.accountId) || new RegExp(`^arn:aws:iam::${args.accountId}:(role|user)/[\\w+=,.@/-]+$`).test(arn);
    return [
        { field: `${field}.accountId`, value: args.accountId, ok: /^\d{12}$/.test(args.accountId), allowed: "a 12-digit AWS account id, quoted as a string" },
        ...(args.administratorArns ?? []).map((arn, i) => ({
            field: `${field}.administratorArns[${i}]`,
            value: arn,
            ok: inAccount(arn),
            allowed: `an IAM role or user ARN of account ${args.accountId}, or ${accountRootArn(args.accountId)}`,
        })),
        {
            field: `${field}.administratorArns`,
            value: args.administratorArns,
            ok: args.administratorArns === undefined || args.administratorArns.length > 0,
            allowed: "at least one administrator, or none given for the account's root principal",
        },
        ...(args.roleUsers ?? []).map((u, i) => ({
            field: `${field}.roleUsers[${i}].roleArn`,
            value: u.roleArn,
            ok: new RegExp(`^arn:aws:iam::${args.accountId}:role/[\\w+=,.@/-]+$`).test(u.roleArn),
            allowed: `an IAM role ARN of account ${args.accountId}`,
        })),
        ...(args.servicePrincipals ?? []).map((sp, i) => ({
            field: `${field}.servicePrincipals[${i}].service`,
            value: sp.service,
            ok: /^[a-z0-9.-]+\.amazonaws\.com$/.test(sp.service),
            allowed: "an AWS service principal, <service>.amazonaws.com",
        })),
    ];
}

/** The deletion windows AWS KMS accepts, in days; the longest is the default. */
export const KEY_DELETION_WINDOW_DAYS = { min: 7, max: 30 } as const;

/** The argument check of a component that passes a deletion window on: undefined (the default) or 7–30 days. */
export function keyDeletionWindowCheck(days: number | undefined): ArgumentCheck {
    return {
        field: "keyDeletionWindowInDays",
        value: days,
        ok: days === undefined || (Number.isInteger(days) && days >= KEY_DELETION_WINDOW_DAYS.min && days <= KEY_DELETION_WINDOW_DAYS.max),
        allowed: `a whole number of days from ${KEY_DELETION_WINDOW_DAYS.min} to ${KEY_DELETION_WINDOW_DAYS.max} (the AWS KMS limits), or none for ${KEY_DELETION_WINDOW_DAYS.max}`,
    };
}

export interface CustomerManagedKeyArgs {
    /** What the key encrypts, for the key's description. */
    readonly description: string;
    /** The alias, `alias/…` (letters, digits, `/`, `_` and `-`). */
    readonly aliasName: string;
    readonly tags: Record<string, string>;
    /** Days in the deletion window (7–30). Default 30. */
    readonly deletionWindowInDays?: number;
    /** Who administers and uses the key (the caller has checked it with {@link keyPolicyChecks}). */
    readonly policy: KeyPolicyArgs;
    /** Resources the key waits for: the principals its policy names must exist first. */
    readonly dependsOn?: readonly pulumi.Resource[];
}

/** Declares `${name}-key` and `${name}-key-alias` under `parent`. */
export function customerManagedKey(
    name: string,
    args: CustomerManagedKeyArgs,
    parent: pulumi.Resource,
): { readonly key: aws.kms.Key; readonly alias: aws.kms.Alias } {
    const key = new aws.kms.Key(
        `${name}-key`,
        {
            description: args.description,
            keyUsage: "ENCRYPT_DECRYPT",
            customerMasterKeySpec: "SYMMETRIC_DEFAULT",
            enableKeyRotation: true,
            multiRegion: false,
            deletionWindowInDays: args.deletionWindowInDays ?? KEY_DELETION_WINDOW_DAYS.max,
            policy: JSON.stringify(keyPolicyDocument(args.policy)),
            tags: args.tags,
        },
        { parent, protect: true, dependsOn: [...(args.dependsOn ?? [])] },
    );
    const alias = new aws.kms.Alias(`${name}-key-alias`, { name: args.aliasName, targetKeyId: key.keyId }, { parent });
    return { key, alias };
}
