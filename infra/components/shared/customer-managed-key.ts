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

export interface CustomerManagedKeyArgs {
    /** What the key encrypts, for the key's description. */
    readonly description: string;
    /** The alias, `alias/…` (letters, digits, `/`, `_` and `-`). */
    readonly aliasName: string;
    readonly tags: Record<string, string>;
    /** Days in the deletion window (7–30). Default 30. */
    readonly deletionWindowInDays?: number;
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
            deletionWindowInDays: args.deletionWindowInDays ?? 30,
            tags: args.tags,
        },
        { parent, protect: true },
    );
    const alias = new aws.kms.Alias(`${name}-key-alias`, { name: args.aliasName, targetKeyId: key.keyId }, { parent });
    return { key, alias };
}
