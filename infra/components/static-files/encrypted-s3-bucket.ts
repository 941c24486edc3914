/**
 * A private, TLS-only, versioned and logged S3 bucket (data policy §02 "Static Files: … AWS S3", §05
 * "encryption at rest and in transit", §10 "audit logs").
 *
 * In @pulumi/aws v7 a bucket's controls are separate resources; this component declares all of them beside the
 * bucket, each named `${name}-<role>` and parented to the component:
 *
 * | child | setting |
 * |---|---|
 * | `aws.kms.Key` + `aws.kms.Alias` (data buckets) | customer-managed, single-Region, yearly rotation, 30-day deletion window; explicit key policy: administration apart from use, use only through S3 in the bucket's region by the bucket's account |
 * | `BucketServerSideEncryptionConfiguration` | SSE-KMS with that key and an S3 Bucket Key; SSE-C uploads blocked |
 * | `BucketPublicAccessBlock` | all four settings on |
 * | `BucketOwnershipControls` | `BucketOwnerEnforced` (ACLs disabled) |
 * | `BucketPolicy` | deny any request without TLS, and any below TLS 1.2 |
 * | `BucketVersioning` | `Enabled` |
 * | `BucketLogging` (data buckets) | server access logs to the access-log bucket |
 * | `BucketLifecycleConfiguration` | abort stale multipart uploads; access-log buckets also expire logs |
 * | `BucketObjectLockConfiguration` (audit-log targets) | Object Lock, default retention GOVERNANCE for the audit retention; the bucket policy denies `s3:BypassGovernanceRetention` to every principal |
 *
 * The bucket and its key are protected: `pulumi destroy` or a refactor cannot delete them by accident.
 *
 * An access-log bucket (`role.kind: "access-log-target"`) differs in one documented way: S3 server access
 * logging does not support SSE-KMS default encryption on the target bucket, so it uses SSE-S3 (AES-256, still
 * encryption at rest), and its policy lets the S3 logging service write logs for the named source buckets only.
 * See https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html
 *
 * An audit-log target (`role.kind: "audit-log-target"`, data policy §10) is keyed and access-logged like a data
 * bucket; its logs expire after the audit retention and its policy adds the delivery services' grants. It is created
 * with Object Lock, and every object version it receives is locked in governance mode for the audit retention: no
 * one deletes or overwrites a log within it unless granted `s3:BypassGovernanceRetention` and asking to bypass, on
 * the record. Governance rather than compliance: a compliance lock cannot be lifted by anyone, not even to correct
 * a retention set too long by mistake, until it expires. Object Lock needs versioning (on for every bucket), and
 * CloudTrail delivers to a bucket with default retention; the lifecycle's expirations wait for the lock (S3 does
 * not remove a locked version).
 *
 * Why names, not ids: the bucket's name comes from config, so its ARN (`arn:aws:s3:::<name>`) and the whole
 * bucket policy are known at `pulumi preview`, where the policy pack reads them.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ClauseId } from "../../clauses";
import { ACCESS_LOG_RETENTION_RULE, isAllowedAccessLogRetention } from "../../rules/access-log-retention";
import { AUDIT_RETENTION_RULE, isAllowedAuditRetention } from "../../rules/audit-retention";
import { awsSchema } from "../../schema/platform";
import { s3BucketName } from "../../schema/static-files";
import { checkArguments, type ArgumentCheck } from "../shared/argument-checks";
import type { AuAwsRegion } from "../../residency";
import { customerManagedKey, keyDeletionWindowCheck, keyPolicyChecks, type KeyPolicyArgs, type KeyServicePrincipal } from "../shared/customer-managed-key";

/** The clause this component exists for; tagged on every child that takes tags. */
const CLAUSE: ClauseId = "02.static-files";
/** The clause an audit-log target exists for. */
const AUDIT_CLAUSE: ClauseId = "10.staff-access-audit";

/** A bucket that holds data: encrypted with its own customer-managed key, access-logged. */
export interface DataBucketRole {
    readonly kind: "data";
    /** Where this bucket's server access logs go. */
    readonly accessLogs: {
        /** Name of the access-log bucket (an {@link EncryptedS3Bucket} with role `access-log-target`). */
        readonly bucketName: pulumi.Input<string>;
        /** Key prefix for this bucket's logs. Default `<bucketName>/`. */
        readonly prefix?: string;
        /**
         * The access-log bucket's policy (the grant to `logging.s3.amazonaws.com`): the logging configuration waits
         * for it, because S3 refuses PutBucketLogging (InvalidTargetBucketForLogging) while the target does not
         * grant the log delivery service. Default none.
         */
        readonly targetPolicy?: pulumi.Resource;
    };
    /** The key policy of the bucket's key. */
    readonly key: DataBucketKeyArgs;
}

/**
 * Who administers the bucket's key and who may use it. Use is the account's principals through S3 in `region`
 * (`kms:ViaService` s3.<region>.amazonaws.com, `kms:CallerAccount`): S3 is the only caller the bucket's encryption
 * needs. S3 server access logging needs no grant: log delivery writes to the access-log bucket, which is SSE-S3.
 */
export interface DataBucketKeyArgs {
    /** The bucket's account (12 digits). */
    readonly accountId: string;
    /** The bucket's region: the region of the AWS provider the component is given. */
    readonly region: AuAwsRegion;
    /** Key administrators; default the account's root principal (see {@link KeyPolicyArgs.administratorArns}). */
    readonly administratorArns?: readonly string[];
    /** Delivery services that write SSE-KMS objects to this bucket, e.g. `cloudtrail.amazonaws.com` for an audit bucket. */
    readonly servicePrincipals?: readonly KeyServicePrincipal[];
}

/** The key policy of a data bucket's key (see {@link DataBucketKeyArgs}). */
export function dataBucketKeyPolicy(key: DataBucketKeyArgs): KeyPolicyArgs {
    return {
        accountId: key.accountId,
        ...(key.administratorArns !== undefined ? { administratorArns: key.administratorArns } : {}),
        viaServices: [`s3.${key.region}.amazonaws.com`],
        ...(key.servicePrincipals !== undefined ? { servicePrincipals: key.servicePrincipals } : {}),
    };
}

/** The bucket that receives S3 server access logs for the data buckets. */
export interface AccessLogTargetRole {
    readonly kind: "access-log-target";
    /** Names of the buckets whose logs may be delivered here (the policy's `aws:SourceArn`). */
    readonly sourceBucketNames: readonly string[];
    /** The account the source buckets live in (the policy's `aws:SourceAccount`). */
    readonly sourceAccountId: string;
    /** Days before a log object expires. */
    readonly retentionDays: number;
}

/**
 * The bucket audit trails are delivered to (data policy §10 "audit logs maintained for accountability"): CloudTrail
 * and the Atlas log export. Like a data bucket it has its own customer-managed key and is access-logged; unlike one,
 * its objects expire after the audit retention, and its policy lets the delivery services named here write.
 */
export interface AuditLogTargetRole {
    readonly kind: "audit-log-target";
    /** Where this bucket's own server access logs go (who read the audit trail). */
    readonly accessLogs: DataBucketRole["accessLogs"];
    /** Days before a log object expires: the audit retention (infra/rules/audit-retention.ts). */
    readonly retentionDays: number;
    /** Allow statements for the services that deliver here (each scoped with `aws:SourceArn`). */
    readonly deliveryStatements: readonly PolicyStatement[];
    /** The key policy of the bucket's key: the Atlas log export writes through S3 with it (CloudTrail uses the trail's key). */
    readonly key: DataBucketKeyArgs;
}

export interface EncryptedS3BucketArgs {
    /**
     * Globally unique bucket name. A plain string, not an Input: the bucket policy is built from it so that the
     * policy is fully known at preview.
     */
    readonly bucketName: string;
    /** What the bucket holds; goes into the key description and the `purpose` tag. */
    readonly purpose: string;
    /** Data bucket, or the access-log target. */
    readonly role: DataBucketRole | AccessLogTargetRole | AuditLogTargetRole;
    /** Days in the KMS key's deletion window (7–30). Default 30, the maximum. */
    readonly keyDeletionWindowInDays?: number;
    /** Extra tags for every child that takes tags. */
    readonly tags?: Record<string, string>;
}

/** Days after which an incomplete multipart upload is aborted (its parts cost money and hold data). */
const ABORT_INCOMPLETE_UPLOAD_DAYS = 7;
/** Days a superseded (noncurrent) log object is kept on the versioned access-log bucket. */
const NONCURRENT_LOG_RETENTION_DAYS = 30;

export class EncryptedS3Bucket extends pulumi.ComponentResource {
    /** The bucket's name. */
    public readonly bucketName: pulumi.Output<string>;
    /** The bucket's ARN. */
    public readonly bucketArn: pulumi.Output<string>;
    /** ARN of the bucket's customer-managed KMS key; `undefined` for the access-log target (SSE-S3). */
    public readonly kmsKeyArn: pulumi.Output<string> | undefined;

    public readonly bucket: aws.s3.Bucket;
    public readonly kmsKey: aws.kms.Key | undefined;
    public readonly kmsAlias: aws.kms.Alias | undefined;
    public readonly encryption: aws.s3.BucketServerSideEncryptionConfiguration;
    public readonly publicAccessBlock: aws.s3.BucketPublicAccessBlock;
    public readonly ownershipControls: aws.s3.BucketOwnershipControls;
    public readonly policy: aws.s3.BucketPolicy;
    public readonly versioning: aws.s3.BucketVersioning;
    public readonly logging: aws.s3.BucketLogging | undefined;
    public readonly lifecycle: aws.s3.BucketLifecycleConfiguration;
    /** The default retention of an audit-log target; `undefined` for other buckets. */
    public readonly objectLock: aws.s3.BucketObjectLockConfiguration | undefined;

    constructor(name: string, args: EncryptedS3BucketArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments("EncryptedS3Bucket", name, opts, [
            s3NameCheck("bucketName", args.bucketName),
            keyDeletionWindowCheck(args.keyDeletionWindowInDays),
            ...(args.role.kind === "access-log-target" ? accessLogTargetChecks(args.role) : keyPolicyChecks("role.key", dataBucketKeyPolicy(args.role.key))),
            ...(args.role.kind === "audit-log-target"
                ? [{ field: "role.retentionDays", value: args.role.retentionDays, ok: isAllowedAuditRetention(args.role.retentionDays), allowed: AUDIT_RETENTION_RULE }]
                : []),
        ]);
        super("data-platform:static-files:EncryptedS3Bucket", name, {}, opts);
        const { bucketName, role } = args;
        const tags = { ...args.tags, "data-policy-clause": role.kind === "audit-log-target" ? AUDIT_CLAUSE : CLAUSE, purpose: args.purpose };
        const arn = `arn:aws:s3:::${bucketName}`;

        if (role.kind !== "access-log-target") {
            const { key, alias } = customerManagedKey(
                name,
                {
                    description: `Default encryption key for s3://${bucketName}: ${args.purpose}`,
                    aliasName: `alias/s3/${bucketName.replace(/\./g, "-")}`,
                    tags,
                    ...(args.keyDeletionWindowInDays !== undefined ? { deletionWindowInDays: args.keyDeletionWindowInDays } : {}),
                    policy: dataBucketKeyPolicy(role.key),
                },
                this,
            );
            this.kmsKey = key;
            this.kmsAlias = alias;
            this.kmsKeyArn = this.kmsKey.arn;
        }

        this.bucket = new aws.s3.Bucket(
            name,
            // Object Lock is chosen when the bucket is created (enabling it later is a separate, one-way request).
            { bucket: bucketName, forceDestroy: false, objectLockEnabled: role.kind === "audit-log-target", tags },
            { parent: this, protect: true },
        );
        // Side resources take the bucket's name (`bucket.bucket`), which echoes the config value and so is known
        // at preview, and carry the dependency the policy pack uses to pair them with this bucket.
        const bucketRef = this.bucket.bucket;

        this.publicAccessBlock = new aws.s3.BucketPublicAccessBlock(
            `${name}-public-access-block`,
            {
                bucket: bucketRef,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            { parent: this },
        );

        this.ownershipControls = new aws.s3.BucketOwnershipControls(
            `${name}-ownership`,
            { bucket: bucketRef, rule: { objectOwnership: "BucketOwnerEnforced" } },
            { parent: this },
        );

        this.encryption = new aws.s3.BucketServerSideEncryptionConfiguration(
            `${name}-encryption`,
            {
                bucket: bucketRef,
                rules: [
                    this.kmsKey
                        ? {
                              applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: this.kmsKey.arn },
                              bucketKeyEnabled: true,
                              blockedEncryptionTypes: ["SSE-C"],
                          }
                        : {
                              // Access-log targets: SSE-KMS is not supported by S3 server access logging (see above).
                              applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" },
                              blockedEncryptionTypes: ["SSE-C"],
                          },
                ],
            },
            { parent: this },
        );

        this.policy = new aws.s3.BucketPolicy(
            `${name}-policy`,
            { bucket: bucketRef, policy: JSON.stringify(bucketPolicyDocument(arn, role)) },
            // S3 rejects concurrent configuration changes on one bucket; apply the policy after access is blocked.
            { parent: this, dependsOn: [this.publicAccessBlock, this.ownershipControls] },
        );

        this.versioning = new aws.s3.BucketVersioning(
            `${name}-versioning`,
            { bucket: bucketRef, versioningConfiguration: { status: "Enabled" } },
            { parent: this },
        );

        if (role.kind !== "access-log-target") {
            this.logging = new aws.s3.BucketLogging(
                `${name}-logging`,
                {
                    bucket: bucketRef,
                    targetBucket: role.accessLogs.bucketName,
                    targetPrefix: role.accessLogs.prefix ?? `${bucketName}/`,
                    targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
                },
                { parent: this, dependsOn: role.accessLogs.targetPolicy ? [role.accessLogs.targetPolicy] : [] },
            );
        }

        const abortStaleUploads = {
            id: "abort-incomplete-multipart-uploads",
            status: "Enabled",
            filter: {},
            abortIncompleteMultipartUpload: { daysAfterInitiation: ABORT_INCOMPLETE_UPLOAD_DAYS },
        };
        this.lifecycle = new aws.s3.BucketLifecycleConfiguration(
            `${name}-lifecycle`,
            {
                bucket: bucketRef,
                rules:
                    role.kind === "access-log-target"
                        ? [
                              abortStaleUploads,
                              {
                                  id: "expire-access-logs",
                                  status: "Enabled",
                                  filter: {},
                                  expiration: { days: role.retentionDays },
                                  noncurrentVersionExpiration: { noncurrentDays: NONCURRENT_LOG_RETENTION_DAYS },
                              },
                          ]
                        : role.kind === "audit-log-target"
                          ? [
                                abortStaleUploads,
                                {
                                    // Kept the audit retention, then gone; a superseded version is gone as soon as the
                                    // current one would be, so an overwrite cannot shorten or lengthen the trail.
                                    id: "expire-audit-logs",
                                    status: "Enabled",
                                    filter: {},
                                    expiration: { days: role.retentionDays },
                                    noncurrentVersionExpiration: { noncurrentDays: role.retentionDays },
                                },
                            ]
                          : [abortStaleUploads],
            },
            // Lifecycle rules on a versioned bucket act on versions; configure after versioning is on.
            { parent: this, dependsOn: [this.versioning] },
        );

        if (role.kind === "audit-log-target") {
            this.objectLock = new aws.s3.BucketObjectLockConfiguration(
                `${name}-object-lock`,
                {
                    bucket: bucketRef,
                    objectLockEnabled: "Enabled",
                    rule: { defaultRetention: { mode: "GOVERNANCE", days: role.retentionDays } },
                },
                // S3 refuses Object Lock on an unversioned bucket, and concurrent configuration changes on one bucket.
                { parent: this, dependsOn: [this.versioning] },
            );
        }

        this.bucketName = this.bucket.bucket;
        this.bucketArn = this.bucket.arn;
        this.registerOutputs({
            bucketName: this.bucketName,
            bucketArn: this.bucketArn,
            kmsKeyArn: this.kmsKeyArn,
        });
    }
}

function s3NameCheck(field: string, bucketName: string): ArgumentCheck {
    const parsed = s3BucketName.safeParse(bucketName);
    return { field, value: bucketName, ok: parsed.success, allowed: parsed.error?.issues[0]?.message ?? "" };
}

/** An access-log target is scoped to named buckets of one account, and keeps logs as long as the audit rule says. */
function accessLogTargetChecks(role: AccessLogTargetRole): ArgumentCheck[] {
    return [
        ...role.sourceBucketNames.map((n, i) => s3NameCheck(`role.sourceBucketNames[${i}]`, n)),
        {
            field: "role.sourceBucketNames",
            value: role.sourceBucketNames,
            ok: role.sourceBucketNames.length > 0,
            allowed: "at least one bucket whose logs are delivered here (the policy names each)",
        },
        {
            field: "role.sourceAccountId",
            value: role.sourceAccountId,
            ok: awsSchema.shape.accountId.safeParse(role.sourceAccountId).success,
            allowed: "a 12-digit AWS account id, quoted as a string",
        },
        { field: "role.retentionDays", value: role.retentionDays, ok: isAllowedAccessLogRetention(role.retentionDays), allowed: ACCESS_LOG_RETENTION_RULE },
    ];
}

/** An IAM policy statement (the subset S3 bucket policies use). */
export interface PolicyStatement {
    readonly Sid: string;
    readonly Effect: "Allow" | "Deny";
    readonly Principal: "*" | { readonly Service: string };
    readonly Action: string | readonly string[];
    readonly Resource: readonly string[];
    /** Absent for an unconditional statement. */
    readonly Condition?: Record<string, Record<string, string | readonly string[]>>;
}

/**
 * The bucket policy: TLS only (S3.5 / CIS AWS 2.1.1), TLS 1.2 or later, and for an access-log target the one
 * permission S3 log delivery needs, scoped to the source buckets and account (confused-deputy protection).
 */
export function bucketPolicyDocument(
    bucketArn: string,
    role: DataBucketRole | AccessLogTargetRole | AuditLogTargetRole,
): { Version: "2012-10-17"; Statement: PolicyStatement[] } {
    const everything = [bucketArn, `${bucketArn}/*`];
    const statements: PolicyStatement[] = [
        {
            Sid: "DenyInsecureTransport",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: everything,
            Condition: { Bool: { "aws:SecureTransport": "false" } },
        },
        {
            Sid: "DenyOutdatedTls",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:*",
            Resource: everything,
            Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
        },
    ];
    if (role.kind === "access-log-target") {
        statements.push({
            Sid: "AllowS3ServerAccessLogDelivery",
            Effect: "Allow",
            Principal: { Service: "logging.s3.amazonaws.com" },
            Action: "s3:PutObject",
            Resource: [`${bucketArn}/*`],
            Condition: {
                ArnLike: { "aws:SourceArn": role.sourceBucketNames.map((n) => `arn:aws:s3:::${n}`) },
                StringEquals: { "aws:SourceAccount": role.sourceAccountId },
            },
        });
    }
    if (role.kind === "audit-log-target") {
        statements.push(...role.deliveryStatements);
        // GOVERNANCE retention yields to any principal IAM allows s3:BypassGovernanceRetention; this deny, for every
        // principal and unconditioned, means lifting a lock takes a change to this policy first, not an IAM grant.
        statements.push({
            Sid: "DenyBypassGovernanceRetention",
            Effect: "Deny",
            Principal: "*",
            Action: "s3:BypassGovernanceRetention",
            Resource: [`${bucketArn}/*`],
        });
    }
    return { Version: "2012-10-17", Statement: statements };
}
