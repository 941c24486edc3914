/**
 * Exports the Atlas project's logs, its database audit log among them, to the audit bucket (data policy §10 "audit
 * logs maintained for accountability"): Atlas keeps them only for a limited time, the audit bucket the audit
 * retention, in Australia.
 *
 * | child | setting |
 * |---|---|
 * | `aws.iam.RolePolicy` | on the role Atlas already assumes for the project (its cloud provider access role, from the customer-key encryption): write to the audit bucket's `atlas/` prefix only, and the bucket key to encrypt what it writes |
 * | `mongodbatlas.PushBasedLogExport` | mongod, mongos and audit logs, every 5 minutes, to `s3://<audit bucket>/atlas/` |
 *
 * The same role as the encryption key, not a second one: Atlas authorizes one AWS role per project feature set,
 * and a second setup/authorization pair would add a second trust relationship for no gain; the grants stay separate
 * policies, each limited to what its feature needs.
 *
 * `PushBasedLogExport` is the resource the provider documents for this in @pulumi/mongodbatlas 4.16 (marked
 * deprecated there in favour of `LogIntegration`, whose S3 export has the same bucket, role and prefix).
 */
import * as aws from "@pulumi/aws";
import * as mongodbatlas from "@pulumi/mongodbatlas";
import * as pulumi from "@pulumi/pulumi";

export interface AtlasLogExportArgs {
    readonly projectId: pulumi.Input<string>;
    /** The audit bucket: its name and its default-encryption key. */
    readonly bucketName: string;
    readonly bucketKeyArn: pulumi.Input<string>;
    /** The role Atlas assumes: its IAM name, and its Atlas cloud provider access role id (from the authorization). */
    readonly roleName: pulumi.Input<string>;
    readonly atlasRoleId: pulumi.Input<string>;
    /** Resources the export waits for (the audit bucket's policy): Atlas checks at once that it can write. */
    readonly waitFor?: readonly pulumi.Resource[];
}

/** Where in the audit bucket Atlas writes. */
export const ATLAS_LOG_PREFIX = "atlas";

export class AtlasLogExport extends pulumi.ComponentResource {
    public readonly rolePolicy: aws.iam.RolePolicy;
    public readonly logExport: mongodbatlas.PushBasedLogExport;

    constructor(name: string, args: AtlasLogExportArgs, opts?: pulumi.ComponentResourceOptions) {
        super("data-platform:audit:AtlasLogExport", name, {}, opts);
        this.rolePolicy = new aws.iam.RolePolicy(
            `${name}-role-policy`,
            {
                role: args.roleName,
                name: "atlas-log-export-to-audit-bucket",
                policy: pulumi.jsonStringify(atlasLogExportPolicy(args.bucketName, args.bucketKeyArn)),
            },
            { parent: this },
        );
        this.logExport = new mongodbatlas.PushBasedLogExport(
            `${name}-export`,
            { projectId: args.projectId, bucketName: args.bucketName, iamRoleId: args.atlasRoleId, prefixPath: ATLAS_LOG_PREFIX },
            { parent: this, dependsOn: [this.rolePolicy, ...(args.waitFor ?? [])] },
        );
        this.registerOutputs({});
    }
}

/** What Atlas's push-based log export needs (Atlas docs, "Push-based log export"), on the `atlas/` prefix only. */
export function atlasLogExportPolicy(bucketName: string, bucketKeyArn: pulumi.Input<string>) {
    const bucketArn = `arn:aws:s3:::${bucketName}`;
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "LocateAndListTheAuditBucket", Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:ListBucket"], Resource: [bucketArn] },
            { Sid: "WriteAtlasLogs", Effect: "Allow", Action: ["s3:PutObject", "s3:GetObject"], Resource: [`${bucketArn}/${ATLAS_LOG_PREFIX}/*`] },
            { Sid: "EncryptWithTheBucketKey", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: [bucketKeyArn] },
        ],
    };
}
