/**
 * Encryption at rest of an Atlas project with a customer-managed AWS KMS key (data policy clauses
 * "05.industry-standard-encryption" and "05.encryption-and-access-control": "encryption at rest … access control
 * mechanisms"). Atlas always encrypts storage; with customer key management Allotrac holds the key, can audit
 * its use in CloudTrail and can revoke Atlas's access to it.
 *
 * The chain, in the order Atlas documents it (Atlas "Manage Customer Keys with AWS KMS"; `@pulumi/mongodbatlas`
 * 4.16.0 `EncryptionAtRest` docs):
 *
 * | child | setting |
 * |---|---|
 * | `mongodbatlas.CloudProviderAccessSetup` | Atlas creates its AWS principal and an external id for this project |
 * | `aws.iam.Role` | trusted only by that Atlas principal, and only with that external id (confused-deputy protection) |
 * | `aws.kms.Key` + `aws.kms.Alias` | in the AWS provider's Australian region; single-Region (key material stays in Australia), yearly rotation, 30-day deletion window; explicit key policy: administration apart from use, use only by the role above (created first: KMS refuses a policy naming a principal that does not exist) |
 * | `aws.iam.RolePolicy` | `kms:Encrypt`, `kms:Decrypt`, `kms:DescribeKey` on this key and nothing else |
 * | `mongodbatlas.CloudProviderAccessAuthorization` | tells Atlas to use the role (after its policy exists) |
 * | `mongodbatlas.EncryptionAtRest` | the project uses the key through the role |
 *
 * Clusters must be created after the project's encryption-at-rest configuration; {@link projectId} is the
 * `EncryptionAtRest`'s own `projectId`, so a cluster built from it waits for it (the chaining Atlas's example
 * uses). Every child is protected: losing the key, the role or the configuration makes the data unreadable.
 */
import * as aws from "@pulumi/aws";
import * as mongodbatlas from "@pulumi/mongodbatlas";
import * as pulumi from "@pulumi/pulumi";
import type { ClauseId } from "../../clauses";
import { AU_AWS_REGIONS, isListed, REGION_RULE, type AuAwsRegion } from "../../residency";
import { checkArguments } from "../shared/argument-checks";
import { customerManagedKey, keyDeletionWindowCheck, keyPolicyChecks, type KeyPolicyArgs } from "../shared/customer-managed-key";

const CLAUSE: ClauseId = "05.industry-standard-encryption";

export interface AtlasCustomerKeyEncryptionArgs {
    /** The Atlas project whose data the key protects. */
    readonly projectId: pulumi.Input<string>;
    /** The AWS region the key lives in: the region of the AWS provider this component is given. */
    readonly keyRegion: AuAwsRegion;
    /** The AWS account of the key and the role (12 digits): the AWS provider's pinned account. */
    readonly accountId: string;
    /** Key administrators (IAM role or user ARNs of the account); default the account's root principal. */
    readonly keyAdministratorArns?: readonly string[];
    /**
     * Stem of the AWS names (IAM role `<stem>-atlas-kms`, key alias `alias/atlas/<stem>`), normally the Atlas
     * project name; lower-cased and reduced to the characters IAM and KMS accept.
     */
    readonly stem: string;
    /** Days in the KMS key's deletion window (7–30). Default 30, the maximum. */
    readonly keyDeletionWindowInDays?: number;
    /** Extra tags for the AWS resources. */
    readonly tags?: Record<string, string>;
}

/** The actions Atlas needs on the key (Atlas "Manage Customer Keys with AWS KMS", required permissions). */
export const ATLAS_KMS_ACTIONS = ["kms:Decrypt", "kms:Encrypt", "kms:DescribeKey"] as const;

export class AtlasCustomerKeyEncryption extends pulumi.ComponentResource {
    /** The project id, available once encryption at rest is configured (build clusters from this). */
    public readonly projectId: pulumi.Output<string>;
    /** ARN of the customer-managed key. */
    public readonly kmsKeyArn: pulumi.Output<string>;
    /** ARN of the IAM role Atlas assumes. */
    public readonly roleArn: pulumi.Output<string>;

    public readonly kmsKey: aws.kms.Key;
    public readonly kmsAlias: aws.kms.Alias;
    public readonly accessSetup: mongodbatlas.CloudProviderAccessSetup;
    public readonly role: aws.iam.Role;
    public readonly rolePolicy: aws.iam.RolePolicy;
    public readonly accessAuthorization: mongodbatlas.CloudProviderAccessAuthorization;
    public readonly encryptionAtRest: mongodbatlas.EncryptionAtRest;

    constructor(name: string, args: AtlasCustomerKeyEncryptionArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments("AtlasCustomerKeyEncryption", name, opts, [
            { field: "keyRegion", value: args.keyRegion, ok: isListed(args.keyRegion, AU_AWS_REGIONS), allowed: REGION_RULE.aws },
            keyDeletionWindowCheck(args.keyDeletionWindowInDays),
            ...keyPolicyChecks("keyPolicy", atlasKeyPolicyArgs(args.accountId, awsNameStem(args.stem), args.keyAdministratorArns)),
        ]);
        super("data-platform:operational-data:AtlasCustomerKeyEncryption", name, {}, opts);
        const stem = awsNameStem(args.stem);
        const tags = { ...args.tags, "data-policy-clause": CLAUSE, purpose: `Atlas encryption at rest, project ${args.stem}` };

        this.accessSetup = new mongodbatlas.CloudProviderAccessSetup(
            `${name}-access-setup`,
            { projectId: args.projectId, providerName: "AWS" },
            { parent: this, protect: true },
        );

        this.role = new aws.iam.Role(
            `${name}-role`,
            {
                name: `${stem}-atlas-kms`,
                description: `Assumed by MongoDB Atlas to use the encryption-at-rest key of project ${args.stem}`,
                assumeRolePolicy: this.accessSetup.awsConfigs.apply((configs) => {
                    const atlas = configs[0];
                    if (atlas === undefined) {
                        throw new pulumi.ResourceError("Atlas returned no AWS principal for the cloud provider access setup.", this);
                    }
                    return JSON.stringify(atlasTrustPolicy(atlas.atlasAwsAccountArn, atlas.atlasAssumedRoleExternalId));
                }),
                tags,
            },
            { parent: this, protect: true },
        );

        const { key, alias } = customerManagedKey(
            name,
            {
                description: `Atlas encryption-at-rest key (customer key management) for project ${args.stem}`,
                aliasName: `alias/atlas/${stem}`,
                tags,
                ...(args.keyDeletionWindowInDays !== undefined ? { deletionWindowInDays: args.keyDeletionWindowInDays } : {}),
                policy: atlasKeyPolicyArgs(args.accountId, stem, args.keyAdministratorArns),
                // The policy names the role by its ARN (a plain string, known at preview); the role must exist first.
                dependsOn: [this.role],
            },
            this,
        );
        this.kmsKey = key;
        this.kmsAlias = alias;

        this.rolePolicy = new aws.iam.RolePolicy(
            `${name}-role-policy`,
            {
                role: this.role.name,
                name: "atlas-encryption-at-rest-key",
                policy: this.kmsKey.arn.apply((arn) => JSON.stringify(atlasKeyPolicy(arn))),
            },
            { parent: this },
        );

        this.accessAuthorization = new mongodbatlas.CloudProviderAccessAuthorization(
            `${name}-access-authorization`,
            { projectId: args.projectId, roleId: this.accessSetup.roleId, aws: { iamAssumedRoleArn: this.role.arn } },
            // Atlas verifies at once that it can assume the role and use the key, so the policy must exist first.
            { parent: this, protect: true, dependsOn: [this.rolePolicy] },
        );

        this.encryptionAtRest = new mongodbatlas.EncryptionAtRest(
            `${name}-encryption-at-rest`,
            {
                projectId: args.projectId,
                awsKmsConfig: {
                    enabled: true,
                    customerMasterKeyId: this.kmsKey.keyId,
                    region: atlasRegionName(args.keyRegion),
                    roleId: this.accessAuthorization.roleId,
                },
            },
            { parent: this, protect: true },
        );

        this.projectId = this.encryptionAtRest.projectId;
        this.kmsKeyArn = this.kmsKey.arn;
        this.roleArn = this.role.arn;
        this.registerOutputs({ projectId: this.projectId, kmsKeyArn: this.kmsKeyArn, roleArn: this.roleArn });
    }
}

/** `arn:aws:iam::<account>:role/<stem>-atlas-kms`: the role Atlas assumes, by the name the component gives it. */
export function atlasRoleArn(accountId: string, stem: string): string {
    return `arn:aws:iam::${accountId}:role/${stem}-atlas-kms`;
}

/**
 * The Atlas key's policy: administrators apart from use, and use by the Atlas role only, with the three actions
 * Atlas needs. No `kms:ViaService` use: Atlas calls KMS directly, not through an AWS service.
 */
export function atlasKeyPolicyArgs(accountId: string, stem: string, administratorArns?: readonly string[]): KeyPolicyArgs {
    return {
        accountId,
        ...(administratorArns !== undefined ? { administratorArns } : {}),
        roleUsers: [{ sid: "AtlasEncryptionAtRest", roleArn: atlasRoleArn(accountId, stem), actions: [...ATLAS_KMS_ACTIONS] }],
    };
}

/** The role's trust policy: Atlas's principal for this project, with the external id Atlas presents. */
export function atlasTrustPolicy(atlasAwsAccountArn: string, externalId: string): object {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { AWS: atlasAwsAccountArn },
                Action: "sts:AssumeRole",
                Condition: { StringEquals: { "sts:ExternalId": externalId } },
            },
        ],
    };
}

/** The role's permissions: the three key actions Atlas needs, on this key only. */
export function atlasKeyPolicy(keyArn: string): object {
    return {
        Version: "2012-10-17",
        Statement: [{ Sid: "AtlasEncryptionAtRest", Effect: "Allow", Action: [...ATLAS_KMS_ACTIONS], Resource: [keyArn] }],
    };
}

/** `ap-southeast-2` → `AP_SOUTHEAST_2`: Atlas names AWS regions in upper snake case. */
export function atlasRegionName(awsRegion: AuAwsRegion): string {
    return awsRegion.toUpperCase().replace(/-/g, "_");
}

/** IAM role names allow `[\w+=,.@-]` and 64 characters; `-atlas-kms` takes 10 of them. */
function awsNameStem(stem: string): string {
    return stem
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 54);
}
