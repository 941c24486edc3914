/**
 * The AWS audit trail (data policy §10 "audit logs maintained for accountability"): who read or changed which object
 * of every data bucket, and every management call in the account, kept in Australia for the audit retention.
 *
 * | child | setting |
 * |---|---|
 * | `EncryptedS3Bucket` (role `audit-log-target`) | private, TLS-only, versioned, access-logged, its own customer key, protected; objects expire after the retention; CloudTrail may write, from this trail only (`aws:SourceArn`) |
 * | `aws.kms.Key` + `aws.kms.Alias` | the trail's customer key: CloudTrail encrypts log files with it, for this trail only |
 * | `aws.cloudtrail.Trail` | home region = the provider's (Australian) region, all regions recorded, log file validation, the key above; management events and S3 data events (read and write) for every data bucket |
 *
 * Not recorded: data events on the audit bucket itself (each delivery would log a write, which is delivered, which
 * logs a write…; AWS warns against it) — its own server access logs say who read the trail.
 *
 * Names, not ids: the trail's ARN is built from the account, region and trail name (all config), so the bucket
 * and key policies are fully known at `pulumi preview`, where the policy pack reads them.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ClauseId } from "../../clauses";
import { AUDIT_RETENTION_RULE, isAllowedAuditRetention } from "../../rules/audit-retention";
import { AU_AWS_REGIONS, isListed, REGION_RULE, type AuAwsRegion } from "../../residency";
import { s3BucketName } from "../../schema/static-files";
import { checkArguments } from "../shared/argument-checks";
import { customerManagedKey, type KeyPolicyArgs } from "../shared/customer-managed-key";
import { EncryptedS3Bucket, type PolicyStatement } from "../static-files/encrypted-s3-bucket";

const CLAUSE: ClauseId = "10.staff-access-audit";

export interface AuditTrailArgs {
    /** The trail's name; part of its ARN, which the bucket and key policies name. */
    readonly trailName: string;
    /** The audit bucket's name. */
    readonly bucketName: string;
    /** The account (the provider's) and its region: the trail's home region, in Australia. */
    readonly accountId: string;
    readonly region: AuAwsRegion;
    /** Days every log object is kept (infra/rules/audit-retention.ts). */
    readonly retentionDays: number;
    /** The data buckets whose object reads and writes the trail records: at least one. */
    readonly dataBucketNames: readonly string[];
    /** Where the audit bucket's own server access logs go, and that bucket's policy (see EncryptedS3Bucket). */
    readonly accessLogs: { readonly bucketName: pulumi.Input<string>; readonly targetPolicy?: pulumi.Resource };
}

export class AuditTrail extends pulumi.ComponentResource {
    public readonly trailArn: pulumi.Output<string>;
    public readonly bucket: EncryptedS3Bucket;
    public readonly kmsKey: aws.kms.Key;
    public readonly kmsAlias: aws.kms.Alias;
    public readonly trail: aws.cloudtrail.Trail;

    constructor(name: string, args: AuditTrailArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments("AuditTrail", name, opts, [
            { field: "region", value: args.region, ok: isListed(args.region, AU_AWS_REGIONS), allowed: REGION_RULE.aws },
            { field: "retentionDays", value: args.retentionDays, ok: isAllowedAuditRetention(args.retentionDays), allowed: AUDIT_RETENTION_RULE },
            {
                field: "dataBucketNames",
                value: args.dataBucketNames,
                ok: args.dataBucketNames.length > 0 && args.dataBucketNames.every((n) => s3BucketName.safeParse(n).success),
                allowed: "at least one S3 bucket name: every data bucket's reads and writes are recorded",
            },
            {
                field: "dataBucketNames",
                value: args.dataBucketNames,
                ok: !args.dataBucketNames.includes(args.bucketName),
                allowed: "buckets other than the audit bucket (recording data events on it would log its own deliveries, endlessly)",
            },
        ]);
        super("data-platform:audit:AuditTrail", name, {}, opts);
        const trailArn = trailArnOf(args);
        const tags = { "data-policy-clause": CLAUSE, purpose: "CloudTrail audit trail of the data stores" };

        this.bucket = new EncryptedS3Bucket(
            `${name}-bucket`,
            {
                bucketName: args.bucketName,
                purpose: "CloudTrail and Atlas audit logs of the data stores (data policy §10)",
                role: {
                    kind: "audit-log-target",
                    accessLogs: args.accessLogs,
                    retentionDays: args.retentionDays,
                    deliveryStatements: cloudTrailDeliveryStatements(`arn:aws:s3:::${args.bucketName}`, args.accountId, trailArn),
                    key: { accountId: args.accountId, region: args.region },
                },
            },
            { parent: this },
        );

        const { key, alias } = customerManagedKey(
            name,
            {
                description: `Encrypts the log files of CloudTrail trail ${args.trailName}`,
                aliasName: `alias/cloudtrail/${args.trailName}`,
                tags,
                policy: trailKeyPolicy(args.accountId, args.region, trailArn),
            },
            this,
        );
        this.kmsKey = key;
        this.kmsAlias = alias;

        this.trail = new aws.cloudtrail.Trail(
            name,
            {
                name: args.trailName,
                s3BucketName: this.bucket.bucketName,
                isMultiRegionTrail: true,
                includeGlobalServiceEvents: true,
                enableLogFileValidation: true,
                enableLogging: true,
                kmsKeyId: this.kmsKey.arn,
                advancedEventSelectors: trailEventSelectors(args.dataBucketNames),
                tags,
            },
            // CloudTrail checks at creation that it may write to the bucket: the bucket policy must exist first.
            { parent: this, protect: true, dependsOn: [this.bucket.policy] },
        );

        this.trailArn = this.trail.arn;
        this.registerOutputs({ trailArn: this.trailArn });
    }
}

/** `arn:aws:cloudtrail:<region>:<account>:trail/<name>`: what CloudTrail sends as `aws:SourceArn`. */
export function trailArnOf(args: Pick<AuditTrailArgs, "region" | "accountId" | "trailName">): string {
    return `arn:aws:cloudtrail:${args.region}:${args.accountId}:trail/${args.trailName}`;
}

/** Management events, and S3 object reads and writes (no `readOnly` selector: both) of the named buckets. */
export function trailEventSelectors(dataBucketNames: readonly string[]) {
    return [
        { name: "Management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] },
        {
            name: "S3 data events of the data buckets",
            fieldSelectors: [
                { field: "eventCategory", equals: ["Data"] },
                { field: "resources.type", equals: ["AWS::S3::Object"] },
                { field: "resources.ARN", startsWith: dataBucketNames.map((n) => `arn:aws:s3:::${n}/`) },
            ],
        },
    ];
}

/** The bucket-policy grants CloudTrail needs (AWS "Amazon S3 bucket policy for CloudTrail"), for this trail only. */
export function cloudTrailDeliveryStatements(bucketArn: string, accountId: string, trailArn: string): PolicyStatement[] {
    return [
        {
            Sid: "AllowCloudTrailAclCheck",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:GetBucketAcl",
            Resource: [bucketArn],
            Condition: { StringEquals: { "aws:SourceArn": trailArn } },
        },
        {
            Sid: "AllowCloudTrailWrite",
            Effect: "Allow",
            Principal: { Service: "cloudtrail.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: [`${bucketArn}/AWSLogs/${accountId}/*`],
            Condition: { StringEquals: { "aws:SourceArn": trailArn, "s3:x-amz-acl": "bucket-owner-full-control" } },
        },
    ];
}

/**
 * The trail key's policy: the account's administrators administer it, apart from its use (customer-managed-key.ts);
 * the account's principals decrypt the log files only through S3 in the trail's region; CloudTrail may encrypt with
 * it for this trail only and describe it (AWS "Configure AWS KMS key policies for CloudTrail"). Without the CloudTrail
 * grant, CreateTrail fails (InsufficientEncryptionPolicyException).
 */
export function trailKeyPolicy(accountId: string, region: AuAwsRegion, trailArn: string): KeyPolicyArgs {
    return {
        accountId,
        viaServices: [`s3.${region}.amazonaws.com`],
        servicePrincipals: [
            {
                sid: "CloudTrailEncryptsThisTrailsLogs",
                service: "cloudtrail.amazonaws.com",
                actions: ["kms:GenerateDataKey*"],
                sourceArns: [trailArn],
                condition: { StringLike: { "kms:EncryptionContext:aws:cloudtrail:arn": `arn:aws:cloudtrail:*:${accountId}:trail/*` } },
            },
            { sid: "CloudTrailDescribesTheKey", service: "cloudtrail.amazonaws.com", actions: ["kms:DescribeKey"], sourceArns: [trailArn] },
        ],
    };
}
