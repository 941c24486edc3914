/**
 * The AWS KMS key every customer-managed encryption in this stack uses (data policy §05 "encryption at rest",
 * "industry-standard encryption"), and its alias. A function, not a component: the key stays a direct child of
 * the component that uses it, so its URN says what it encrypts.
 *
 * - symmetric `ENCRYPT_DECRYPT`, automatic yearly rotation (CIS AWS 3.6, Security Hub KMS.4);
 * - single-Region: a multi-Region key replicates its key material to other Regions, outside Australia (§02);
 * - the longest deletion window (30 days) unless told otherwise, and `protect`: losing the key loses the data.
 *
 * The key policy is AWS's default (the account's root principal), which delegates access to IAM.
 */
import * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";
import type { ArgumentCheck } from "./argument-checks";

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
    /** The key policy (JSON). Default AWS's default policy; a key a service encrypts with (CloudTrail) needs its grant here. */
    readonly policy?: pulumi.Input<string>;
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
            tags: args.tags,
            ...(args.policy !== undefined ? { policy: args.policy } : {}),
        },
        { parent, protect: true },
    );
    const alias = new aws.kms.Alias(`${name}-key-alias`, { name: args.aliasName, targetKeyId: key.keyId }, { parent });
    return { key, alias };
}
