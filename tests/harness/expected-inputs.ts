/**
 * The exact inputs a component gives a child, as a function of the args that vary: read by the component's own
 * test (fixture args, tests/components/) and by the prod wiring's (prod values, tests/areas/), so that both assert
 * one literal with an exact `toEqual` instead of each writing it out.
 */
import type { Registration } from "../../infra/check/recorder";
import { TYPES } from "../../infra/policy/lib/tokens";
import type { RedisSubscriptionArgs } from "../../infra/components/ephemeral-data/redis-subscription";
import type { ApplicationArgs } from "../../infra/components/identity/application";

/** The Auth0 log stream of `AuditLogStream`: active, EventBridge, unfiltered, no credential in the sink. */
export function logStreamInputs(awsAccountId: string, awsRegion: string, name = "data-policy-audit") {
    return { name, type: "eventbridge", status: "active", sink: { awsAccountId, awsRegion } };
}

/** The GCS service agent the offline mocks give every project (`gcp.storage.getProjectServiceAccount`). */
export const MOCK_GCS_SERVICE_AGENT = "serviceAccount:service-000000000000@gs-project-accounts.iam.gserviceaccount.com";

/** Where `EncryptedGcsBucket` puts its key ring and key: the ids the mocks give them. */
export function gcsKeyIds(project: string, location: string, bucketName: string) {
    const ring = `projects/${project}/locations/${location}/keyRings/${bucketName}-ring`;
    return { ring, key: `${ring}/cryptoKeys/${bucketName}-cmek` };
}

/** The children of `EncryptedGcsBucket` `name`, by resource name, each `type::name`, sorted. */
export function gcsBucketChildren(name: string): string[] {
    return [
        `gcp:kms/cryptoKey:CryptoKey::${name}-key`,
        `gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember::${name}-key-storage-agent`,
        `gcp:kms/keyRing:KeyRing::${name}-key-ring`,
        `gcp:storage/bucket:Bucket::${name}`,
    ];
}

export interface GcsBucketExpectation {
    readonly bucketName: string;
    readonly project: string;
    /** The region as given (lower case); the bucket's location is its upper-case form. */
    readonly location: string;
    readonly rotationSeconds: number;
    readonly softDeleteSeconds: number;
    /** Labels beside the clause label. */
    readonly labels?: Record<string, string>;
}

/** The exact inputs of `EncryptedGcsBucket`'s key ring, key, service-agent grant and bucket. */
export function gcsBucketInputs(e: GcsBucketExpectation) {
    const ids = gcsKeyIds(e.project, e.location, e.bucketName);
    const labels = { ...e.labels, "data-policy-clause": "02-static-files" };
    return {
        ring: { name: `${e.bucketName}-ring`, project: e.project, location: e.location },
        key: {
            name: `${e.bucketName}-cmek`,
            keyRing: ids.ring,
            purpose: "ENCRYPT_DECRYPT",
            rotationPeriod: `${e.rotationSeconds}s`,
            versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "SOFTWARE" },
            destroyScheduledDuration: "2592000s",
            deletionPolicy: "PREVENT",
            labels,
        },
        grant: { cryptoKeyId: ids.key, role: "roles/cloudkms.cryptoKeyEncrypterDecrypter", member: MOCK_GCS_SERVICE_AGENT },
        bucket: {
            name: e.bucketName,
            project: e.project,
            location: e.location.toUpperCase(),
            storageClass: "STANDARD",
            uniformBucketLevelAccess: true,
            publicAccessPrevention: "enforced",
            versioning: { enabled: true },
            softDeletePolicy: { retentionDurationSeconds: e.softDeleteSeconds },
            encryption: { defaultKmsKeyName: ids.key },
            forceDestroy: false,
            deletionPolicy: "PREVENT",
            labels,
        },
    };
}

/** The storage Data Access audit config of `StorageDataAccessAudit`: all three log types, no exemptions. */
export function storageAuditConfigInputs(project: string) {
    return {
        project,
        service: "storage.googleapis.com",
        auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }],
    };
}

export interface AtlasEncryptionExpectation {
    /** The component's resource name. */
    readonly name: string;
    /** The Atlas project id the children are given. */
    readonly projectId: string;
    /** The project name as given (`stem`), and the AWS-safe stem the AWS names are built from. */
    readonly stem: string;
    readonly awsStem: string;
    /** Atlas's name of the key's region (`AP_SOUTHEAST_2`). */
    readonly atlasRegion: string;
    readonly deletionWindowInDays: number;
    /** Tags beside the clause and purpose tags. */
    readonly tags?: Record<string, string>;
}

/**
 * The exact inputs of `AtlasCustomerKeyEncryption`'s children under the offline mocks (which compute the key, role
 * and Atlas ids from the resource names, and the ARNs in the mock account). The key's policy is asserted exactly in
 * tests/components/shared/key-policy.test.ts, so here it is any string.
 */
export function atlasEncryptionInputs(e: AtlasEncryptionExpectation, mockAtlasId: (name: string) => string, mock: { awsAccount: string; atlasAwsAccount: string }) {
    const keyId = `mock-${e.name}-key`;
    const roleId = mockAtlasId(`${e.name}-access-setup-role`);
    const roleName = `${e.awsStem}-atlas-kms`;
    const tags = { ...e.tags, "data-policy-clause": "05.industry-standard-encryption", purpose: `Atlas encryption at rest, project ${e.stem}` };
    return {
        keyId,
        roleId,
        roleName,
        key: {
            description: `Atlas encryption-at-rest key (customer key management) for project ${e.stem}`,
            keyUsage: "ENCRYPT_DECRYPT",
            customerMasterKeySpec: "SYMMETRIC_DEFAULT",
            enableKeyRotation: true,
            multiRegion: false,
            deletionWindowInDays: e.deletionWindowInDays,
            policy: expect.any(String),
            tags,
        },
        alias: { name: `alias/atlas/${e.awsStem}`, targetKeyId: keyId },
        setup: { projectId: e.projectId, providerName: "AWS" },
        role: {
            name: roleName,
            description: `Assumed by MongoDB Atlas to use the encryption-at-rest key of project ${e.stem}`,
            assumeRolePolicy: {
                Version: "2012-10-17",
                Statement: [
                    {
                        Effect: "Allow",
                        Principal: { AWS: `arn:aws:iam::${mock.atlasAwsAccount}:root` },
                        Action: "sts:AssumeRole",
                        Condition: { StringEquals: { "sts:ExternalId": `mock-external-id-${e.name}-access-setup` } },
                    },
                ],
            },
            tags,
        },
        rolePolicy: (keyArn: string) => ({
            role: roleName,
            name: "atlas-encryption-at-rest-key",
            policy: {
                Version: "2012-10-17",
                Statement: [{ Sid: "AtlasEncryptionAtRest", Effect: "Allow", Action: ["kms:Decrypt", "kms:Encrypt", "kms:DescribeKey"], Resource: [keyArn] }],
            },
        }),
        authorization: { projectId: e.projectId, roleId, aws: { iamAssumedRoleArn: `arn:aws:iam::${mock.awsAccount}:role/${roleName}` } },
        encryptionAtRest: { projectId: e.projectId, awsKmsConfig: { enabled: true, customerMasterKeyId: keyId, region: e.atlasRegion, roleId } },
    };
}

export interface IntegrityAlertsExpectation {
    readonly projectId: string;
    /** The notification exactly as each alert carries it. */
    readonly notification: Record<string, unknown>;
    readonly cpuPercent: number;
    readonly diskPercent: number;
    readonly snapshotCopies: boolean;
    readonly compliancePolicy: boolean;
    readonly resourcePolicy: boolean;
}

/** The exact inputs of every alert configuration of `IntegrityAlerts`, by name suffix. */
export function integrityAlertInputs(e: IntegrityAlertsExpectation): Record<string, Record<string, unknown>> {
    const metric = (metricName: string, threshold: number) => ({ metricName, operator: "GREATER_THAN", threshold, units: "RAW", mode: "AVERAGE" });
    const specs: [string, Record<string, unknown>][] = [
        ["backup-snapshot-failed", { eventType: "CPS_SNAPSHOT_FAILED" }],
        ...(e.snapshotCopies ? [["backup-copy-failed", { eventType: "CPS_COPY_SNAPSHOT_FAILED" }] as [string, Record<string, unknown>]] : []),
        ["backup-restore-failed", { eventType: "CPS_RESTORE_FAILED" }],
        ["no-primary", { eventType: "NO_PRIMARY" }],
        ["primary-elected", { eventType: "PRIMARY_ELECTED" }],
        ["oplog-window", { eventType: "REPLICATION_OPLOG_WINDOW_RUNNING_OUT", thresholdConfig: { operator: "LESS_THAN", threshold: 1, units: "HOURS" } }],
        ["cpu", { eventType: "OUTSIDE_METRIC_THRESHOLD", metricThresholdConfig: metric("NORMALIZED_SYSTEM_CPU_USER", e.cpuPercent) }],
        ["disk", { eventType: "OUTSIDE_METRIC_THRESHOLD", metricThresholdConfig: metric("DISK_PARTITION_SPACE_USED_DATA", e.diskPercent) }],
        ["encryption-key-invalid", { eventType: "ENCRYPTION_AT_REST_CONFIG_NO_LONGER_VALID" }],
        ...(e.compliancePolicy ? [["compliance-disable-requested", { eventType: "CPS_DATA_PROTECTION_DISABLE_REQUESTED" }] as [string, Record<string, unknown>]] : []),
        ...(e.resourcePolicy ? [["resource-policy-violated", { eventType: "RESOURCE_POLICY_VIOLATED" }] as [string, Record<string, unknown>]] : []),
    ];
    return Object.fromEntries(specs.map(([suffix, spec]) => [suffix, { projectId: e.projectId, enabled: true, ...spec, notifications: [e.notification] }]));
}

/** The types of an `EncryptedS3Bucket`'s children, sorted: a keyed bucket has a key, an alias and access logging. */
export function s3BucketChildTypes(keyed: boolean): string[] {
    return [
        ...(keyed ? ["aws:kms/alias:Alias", "aws:kms/key:Key"] : []),
        "aws:s3/bucket:Bucket",
        "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
        ...(keyed ? ["aws:s3/bucketLogging:BucketLogging"] : []),
        "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
        "aws:s3/bucketPolicy:BucketPolicy",
        "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
        "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
        "aws:s3/bucketVersioning:BucketVersioning",
    ].sort();
}

/** The lifecycle rule every `EncryptedS3Bucket` has: stale multipart uploads aborted after 7 days. */
export const ABORT_STALE_UPLOADS = {
    id: "abort-incomplete-multipart-uploads",
    status: "Enabled",
    filter: {},
    abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
} as const;

/** The two statements every `EncryptedS3Bucket` policy starts with: no request without TLS, none below TLS 1.2. */
export function tlsOnlyStatements(bucketName: string) {
    const resource = [`arn:aws:s3:::${bucketName}`, `arn:aws:s3:::${bucketName}/*`];
    return [
        { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: resource, Condition: { Bool: { "aws:SecureTransport": "false" } } },
        { Sid: "DenyOutdatedTls", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: resource, Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } },
    ];
}

/** The four public-access-block settings, all on, and ACLs disabled, for `bucketName`. */
export function s3PrivateInputs(bucketName: string) {
    return {
        publicAccessBlock: { bucket: bucketName, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
        ownership: { bucket: bucketName, rule: { objectOwnership: "BucketOwnerEnforced" } },
    };
}

export interface S3DataBucketExpectation {
    readonly bucketName: string;
    readonly purpose: string;
    /** The key's id and ARN as the mocks compute them. */
    readonly keyId: string;
    readonly keyArn: string;
    readonly accessLogBucket: string;
    /** Default `<bucketName>/`. */
    readonly accessLogPrefix?: string;
    /** Default 30. */
    readonly deletionWindowInDays?: number;
    /** Tags beside the clause and purpose tags. */
    readonly tags?: Record<string, string>;
}

/**
 * The exact inputs of a data `EncryptedS3Bucket`'s children. The key's policy is asserted exactly in
 * tests/components/shared/key-policy.test.ts, so here it is any string.
 */
export function s3DataBucketInputs(e: S3DataBucketExpectation) {
    const tags = { ...e.tags, "data-policy-clause": "02.static-files", purpose: e.purpose };
    return {
        bucket: { bucket: e.bucketName, forceDestroy: false, objectLockEnabled: false, tags },
        key: {
            description: `Default encryption key for s3://${e.bucketName}: ${e.purpose}`,
            keyUsage: "ENCRYPT_DECRYPT",
            customerMasterKeySpec: "SYMMETRIC_DEFAULT",
            enableKeyRotation: true,
            multiRegion: false,
            deletionWindowInDays: e.deletionWindowInDays ?? 30,
            policy: expect.any(String),
            tags,
        },
        alias: { name: `alias/s3/${e.bucketName.replace(/\./g, "-")}`, targetKeyId: e.keyId },
        encryption: {
            bucket: e.bucketName,
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: e.keyArn }, bucketKeyEnabled: true, blockedEncryptionTypes: ["SSE-C"] }],
        },
        ...s3PrivateInputs(e.bucketName),
        policy: { Version: "2012-10-17", Statement: tlsOnlyStatements(e.bucketName) },
        versioning: { bucket: e.bucketName, versioningConfiguration: { status: "Enabled" } },
        logging: {
            bucket: e.bucketName,
            targetBucket: e.accessLogBucket,
            targetPrefix: e.accessLogPrefix ?? `${e.bucketName}/`,
            targetObjectKeyFormat: { partitionedPrefix: { partitionDateSource: "EventTime" } },
        },
        lifecycle: { bucket: e.bucketName, rules: [ABORT_STALE_UPLOADS] },
    };
}

export interface S3AccessLogTargetExpectation {
    readonly bucketName: string;
    readonly purpose: string;
    readonly sourceBucketNames: readonly string[];
    readonly sourceAccountId: string;
    readonly retentionDays: number;
}

/** The exact inputs of an access-log-target `EncryptedS3Bucket`'s children (SSE-S3, no key, not itself logged). */
export function s3AccessLogTargetInputs(e: S3AccessLogTargetExpectation) {
    return {
        bucket: { bucket: e.bucketName, forceDestroy: false, objectLockEnabled: false, tags: { "data-policy-clause": "02.static-files", purpose: e.purpose } },
        encryption: { bucket: e.bucketName, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, blockedEncryptionTypes: ["SSE-C"] }] },
        ...s3PrivateInputs(e.bucketName),
        policy: {
            Version: "2012-10-17",
            Statement: [
                ...tlsOnlyStatements(e.bucketName),
                {
                    Sid: "AllowS3ServerAccessLogDelivery",
                    Effect: "Allow",
                    Principal: { Service: "logging.s3.amazonaws.com" },
                    Action: "s3:PutObject",
                    Resource: [`arn:aws:s3:::${e.bucketName}/*`],
                    Condition: {
                        ArnLike: { "aws:SourceArn": e.sourceBucketNames.map((n) => `arn:aws:s3:::${n}`) },
                        StringEquals: { "aws:SourceAccount": e.sourceAccountId },
                    },
                },
            ],
        },
        versioning: { bucket: e.bucketName, versioningConfiguration: { status: "Enabled" } },
        lifecycle: {
            bucket: e.bucketName,
            rules: [
                ABORT_STALE_UPLOADS,
                { id: "expire-access-logs", status: "Enabled", filter: {}, expiration: { days: e.retentionDays }, noncurrentVersionExpiration: { noncurrentDays: 30 } },
            ],
        },
    };
}

/** The Redis Cloud plugin every rediscloud resource asks for: the provider's 1.3.5 from RedisLabs' releases. */
export const REDISCLOUD_PLUGIN = { version: "1.3.5", pluginDownloadURL: "github://api.github.com/RedisLabs/pulumi-rediscloud" } as const;

/** What a registration's options and secrecy say: protection, secret inputs and outputs, and which plugin it asks for. */
export function protectionAndPlugin(r: Registration) {
    return {
        protect: r.options.protect,
        secretInputs: r.secretInputs,
        additionalSecretOutputs: r.options.additionalSecretOutputs,
        version: r.options.version,
        pluginDownloadURL: r.options.pluginDownloadURL,
    };
}

export interface BackupScheduleExpectation {
    readonly projectId: unknown;
    readonly clusterName: string;
    readonly snapshotHourUtc: number;
    readonly restoreWindowDays: number;
    readonly hourly: { readonly everyHours: number; readonly retentionDays: number };
    /** Where snapshots are copied, and the zone they are copied from; none: no copy settings at all. */
    readonly copy?: { readonly cloudProvider: string; readonly regionName: string; readonly zoneId: string };
    /** Whether destroy only forgets the schedule (with a Backup Compliance Policy). Default false. */
    readonly skipDestroy?: boolean;
}

/** `ClusterBackups`' daily item: every day, kept exactly 30 days (data policy §02, §06). */
export const DAILY_30 = { frequencyInterval: 1, retentionUnit: "days", retentionValue: 30 } as const;

/** The exact inputs of `ClusterBackups`' schedule. */
export function backupScheduleInputs(e: BackupScheduleExpectation) {
    const hourly = { frequencyInterval: e.hourly.everyHours, retentionUnit: "days", retentionValue: e.hourly.retentionDays };
    return {
        projectId: e.projectId,
        clusterName: e.clusterName,
        referenceHourOfDay: e.snapshotHourUtc,
        referenceMinuteOfHour: 0,
        restoreWindowDays: e.restoreWindowDays,
        policyItemHourly: hourly,
        policyItemDaily: DAILY_30,
        updateSnapshots: true,
        ...(e.copy
            ? {
                  copyPolicyItemsEnabled: true,
                  // A retention change reaches the copies already held too, not only the snapshots in the primary region.
                  updateCopySnapshots: true,
                  copySettings: [
                      {
                          ...e.copy,
                          shouldCopyOplogs: true,
                          copyPolicyItems: [
                              { frequencyType: "hourly", retentionUnit: "days", retentionValue: e.hourly.retentionDays },
                              { frequencyType: "daily", retentionUnit: "days", retentionValue: 30 },
                          ],
                      },
                  ],
              }
            : {}),
        skipDestroy: e.skipDestroy ?? false,
    };
}

/** `ClusterBackups`' summary output, in plain values. */
export function backupSummary(
    e: Pick<BackupScheduleExpectation, "snapshotHourUtc" | "restoreWindowDays" | "hourly"> & { readonly copy?: { readonly regionName: string }; readonly compliancePolicy: boolean },
) {
    return {
        clause: "06.operational-backup",
        daily: { everyDays: 1, retentionDays: 30 },
        hourly: e.hourly,
        pointInTimeRestoreWindowDays: e.restoreWindowDays,
        snapshotHourUtc: e.snapshotHourUtc,
        copyRegion: e.copy?.regionName ?? null,
        compliancePolicy: e.compliancePolicy,
    };
}


/**
 * The exact inputs of a customer-facing `Application`'s client, from the args it was given: first-party, PKCE,
 * rotating refresh tokens of the given lifetimes, an Organization required at login.
 */
export function customerApplicationClientInputs(e: Omit<ApplicationArgs, "customerFacing" | "waitFor">) {
    return {
        name: e.displayName,
        description: e.description,
        appType: e.appType,
        isFirstParty: true,
        oidcConformant: true,
        grantTypes: ["authorization_code", "refresh_token"],
        callbacks: e.callbackUrls,
        allowedLogoutUrls: e.logoutUrls,
        webOrigins: e.webOrigins,
        crossOriginAuth: false,
        jwtConfiguration: { alg: "RS256" },
        refreshToken: {
            rotationType: "rotating",
            expirationType: "expiring",
            leeway: 0,
            tokenLifetime: e.refreshTokenLifetimeSeconds,
            idleTokenLifetime: e.refreshTokenIdleLifetimeSeconds,
            infiniteTokenLifetime: false,
            infiniteIdleTokenLifetime: false,
        },
        organizationUsage: "require",
        organizationRequireBehavior: "post_login_prompt",
        clientMetadata: { "data-policy-clause": "03.tenant-data-access" },
    };
}

/** The inputs of an `Application`'s client that say where it may redirect and whether it takes Organizations. */
export function redirectsAndOrganizations(inputs: Record<string, unknown>) {
    const fields = ["appType", "callbacks", "allowedLogoutUrls", "webOrigins", "organizationUsage", "organizationRequireBehavior"] as const;
    return Object.fromEntries(fields.map((f) => [f, inputs[f]]));
}

/** The exact inputs of `UserDatabase`'s connection: the given password policy, brute-force protection, MFA, no sign-up. */
export function userConnectionInputs(e: { name: string; policy: string; minLength: number; history: number; dictionary: readonly string[] }) {
    return {
        name: e.name,
        strategy: "auth0",
        metadata: { "data-policy-clause": "02.identity-data" },
        options: {
            passwordPolicy: e.policy,
            passwordComplexityOptions: { minLength: e.minLength },
            passwordHistories: [{ enable: true, size: e.history }],
            passwordDictionary: { enable: true, dictionaries: e.dictionary },
            passwordNoPersonalInfo: { enable: true },
            bruteForceProtection: true,
            mfa: { active: true, returnEnrollSettings: true },
            disableSignup: true,
            requiresUsername: false,
        },
    };
}

/** The exact inputs of `PlatformApi`'s resource server: RBAC enforced, permissions in the token, RS256, the given lifetime. */
export function platformApiInputs(identifier: string, name: string, tokenLifetime: number) {
    return {
        identifier,
        name,
        enforcePolicies: true,
        tokenDialect: "access_token_authz",
        signingAlg: "RS256",
        tokenLifetime,
        tokenLifetimeForWeb: tokenLifetime,
        allowOfflineAccess: true,
        skipConsentForVerifiableFirstPartyClients: true,
    };
}

/** The exact inputs of `AtlasProject`'s project: default alerts kept, every feature that moves database content off. */
export function atlasProjectInputs(orgId: string, name: string, tags: Record<string, string> = {}) {
    return {
        orgId,
        name,
        withDefaultAlertsSettings: true,
        isDataExplorerGenAiFeaturesEnabled: false,
        isDataExplorerGenAiSampleDocumentPassingEnabled: false,
        isClusterAiAssistantEnabled: false,
        isNativeRerankingEnabled: false,
        // The US control-plane features ("Atlas Data Processing"); each on by default in Atlas, so each is set.
        isDataExplorerEnabled: false,
        isPerformanceAdvisorEnabled: false,
        isSchemaAdvisorEnabled: false,
        isRealtimePerformancePanelEnabled: false,
        tags: { ...tags, "data-policy-clause": "02.operational-data" },
    };
}

/** One region of `OperationalCluster`'s replica set: electable nodes (if any) and read-only nodes (if any). */
export function clusterRegion(cloud: string, regionName: string, priority: number, instanceSize: string, nodes: { electable?: number; readOnly?: number }) {
    return {
        providerName: cloud,
        regionName,
        priority,
        ...(nodes.electable ? { electableSpecs: { instanceSize, nodeCount: nodes.electable } } : {}),
        ...(nodes.readOnly ? { readOnlySpecs: { instanceSize, nodeCount: nodes.readOnly } } : {}),
    };
}

/** The exact inputs of `OperationalCluster`'s cluster: a replica set in the given regions, every safety setting on. */
export function operationalClusterInputs(e: { projectId: unknown; name: string; version: string; regions: readonly ReturnType<typeof clusterRegion>[]; tags?: Record<string, string> }) {
    return {
        projectId: e.projectId,
        name: e.name,
        clusterType: "REPLICASET",
        mongoDbMajorVersion: e.version,
        backupEnabled: true,
        pitEnabled: true,
        retainBackupsEnabled: true,
        terminationProtectionEnabled: true,
        encryptionAtRestProvider: "AWS",
        redactClientLogData: true,
        advancedConfiguration: { minimumEnabledTlsProtocol: "TLS1_2" },
        replicationSpecs: [{ regionConfigs: e.regions }],
        tags: { ...e.tags, "data-policy-clause": "02.operational-data" },
    };
}

/** A Redis Cloud subscription's protection and secrecy: protected, nothing secret. */
export const REDIS_SUBSCRIPTION_PROTECTION = { protect: true, secretInputs: [], additionalSecretOutputs: [], ...REDISCLOUD_PLUGIN } as const;

/** A Redis Cloud database's: protected; the password a secret input; it and both endpoints secret outputs. */
export const REDIS_DATABASE_PROTECTION = {
    protect: true,
    secretInputs: ["password"],
    // The component's endpoints first, then the binding's own `password` (merged after the caller's options).
    additionalSecretOutputs: ["publicEndpoint", "privateEndpoint", "password"],
    ...REDISCLOUD_PLUGIN,
} as const;

/** The generated Redis password's inputs: 40 letters and digits, at least 2 of each kind. */
export const REDIS_PASSWORD_INPUTS = { length: 40, special: false, upper: true, lower: true, numeric: true, minUpper: 2, minLower: 2, minNumeric: 2 } as const;

/**
 * The exact inputs of `RedisSubscription`'s subscription, from the args it was given (with the planned database count
 * stated): RAM only, across availability zones, replicated.
 */
export function redisSubscriptionInputs(e: Omit<RedisSubscriptionArgs, "multipleAvailabilityZones"> & { readonly creationPlan: { readonly quantity: number } }) {
    return {
        name: e.subscriptionName,
        paymentMethod: "credit-card",
        paymentMethodId: e.paymentMethodId,
        memoryStorage: "ram",
        cloudProvider: { provider: e.cloudProvider, regions: [{ region: e.region, networkingDeploymentCidr: e.networkingDeploymentCidr, multipleAvailabilityZones: true }] },
        creationPlan: { ...e.creationPlan, replication: true },
    };
}

/** `RedisDatabase` `name`'s children, in order, as `placement` gives them: its password on the random provider, the database on Redis Cloud's. */
export function redisDatabaseChildren(name: string, providers: { random: string; rediscloud: string }) {
    return [
        { type: TYPES.randomPassword, name: `${name}-password`, provider: providers.random },
        { type: TYPES.redisDatabase, name, provider: providers.rediscloud },
    ];
}

/**
 * The exact inputs of one of `LeastPrivilegeDatabaseUsers`' users: the IAM role `roleArn`, authenticated by AWS IAM,
 * scoped to the one cluster, with exactly `roles`.
 */
export function iamDatabaseUserInputs(projectId: unknown, cluster: string, roleArn: string, roles: readonly Record<string, string>[]) {
    return {
        projectId,
        authDatabaseName: "$external",
        awsIamType: "ROLE",
        scopes: [{ name: cluster, type: "CLUSTER" }],
        labels: [{ key: "data-policy-clause", value: "03.rbac" }],
        username: roleArn,
        roles,
    };
}
