/**
 * Composition root: read and validate the stack config (nothing is registered if it is wrong), build one
 * explicit provider per cloud, create the components each clause of the data policy asks for, export outputs.
 *
 * Every resource uses an explicit provider built here from validated config; `Pulumi.<stack>.yaml` sets
 * `pulumi:disable-default-providers: ["*"]`, so a resource that forgot its provider fails instead of landing in
 * whatever region the environment points at.
 */
import * as auth0 from "@pulumi/auth0";
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import * as mongodbatlas from "@pulumi/mongodbatlas";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { RedisDatabase } from "./components/ephemeral-data/redis-database";
import { RedisSubscription } from "./components/ephemeral-data/redis-subscription";
import { AwsRegionDenyScp } from "./components/guardrails/aws-region-deny-scp";
import { GcpOrgPolicies } from "./components/guardrails/gcp-org-policies";
import { S3AccountPublicAccessBlock } from "./components/guardrails/s3-account-public-access-block";
import { Application } from "./components/identity/application";
import { AttackProtection } from "./components/identity/attack-protection";
import { AuditLogStream } from "./components/identity/audit-log-stream";
import { MfaPolicy } from "./components/identity/mfa-policy";
import { PlatformApi } from "./components/identity/platform-api";
import { TenantSettings } from "./components/identity/tenant-settings";
import { UserDatabase } from "./components/identity/user-database";
import { AtlasProject } from "./components/operational-data/atlas-project";
import { ClusterBackups } from "./components/operational-data/cluster-backups";
import { AtlasCustomerKeyEncryption } from "./components/operational-data/customer-key-encryption";
import { LeastPrivilegeDatabaseUsers } from "./components/operational-data/database-users";
import { IntegrityAlerts } from "./components/operational-data/integrity-alerts";
import { OperationalCluster } from "./components/operational-data/operational-cluster";
import { ProjectNetworkAndAudit } from "./components/operational-data/project-network-and-audit";
import { AtlasResidencyGuardrail } from "./components/operational-data/residency-guardrail";
import { operationalDataSettings } from "./components/operational-data/settings";
import { EncryptedGcsBucket, labelValue } from "./components/static-files/encrypted-gcs-bucket";
import { EncryptedS3Bucket } from "./components/static-files/encrypted-s3-bucket";
import { StorageDataAccessAudit } from "./components/static-files/storage-data-access-audit";
import { loadConfig } from "./config";
import * as rediscloud from "./providers/rediscloud";
import { whenEnabled } from "./schema/guardrails";
import { ATLAS_REGION_PROVIDER } from "./residency";

export = async function main() {
    const config = loadConfig();
    const atlasSettings = operationalDataSettings(config);
    const stack = pulumi.getStack();
    const project = pulumi.getProject();

    // ---- Providers (one per cloud, pinned to validated Australian regions) --------------------------------
    const awsProvider = new aws.Provider("aws-au", {
        region: config.aws.region,
        allowedAccountIds: [config.aws.accountId],
        defaultTags: { tags: { "managed-by": "pulumi", "pulumi-project": project, "pulumi-stack": stack } },
    });
    const gcpProvider = new gcp.Provider("gcp-au", {
        project: config.gcp.project,
        region: config.gcp.region,
        defaultLabels: { "managed-by": "pulumi", "pulumi-project": labelValue(project), "pulumi-stack": labelValue(stack) },
    });
    // Auth0: always the tenant's canonical domain (validated `*.au.auth0.com`), never the custom domain, because the
    // Management API lives there. The client secret is a secret Output from secret config (the SDK marks no provider
    // input secret itself); when that key is unset the plugin reads AUTH0_CLIENT_SECRET from the environment.
    const auth0Provider = new auth0.Provider("auth0-au", {
        domain: config.auth0.domain,
        clientId: config.auth0.clientId,
        clientSecret: config.secrets["auth0:clientSecret"],
    });
    // Atlas: the API key pair from secret config when set (secret Outputs); otherwise no credentials are passed and
    // the provider plugin reads MONGODB_ATLAS_PUBLIC_KEY / MONGODB_ATLAS_PRIVATE_KEY from the environment.
    const atlasProvider = new mongodbatlas.Provider("atlas", atlasSettings.provider);
    // Redis Cloud (through the typed binding in providers/rediscloud, which asks the engine for plugin v1.3.5 from
    // RedisLabs' GitHub releases): the API key pair as secret Outputs from secret config, or nothing, and then the
    // binding takes it from REDISCLOUD_API_KEY (or REDISCLOUD_ACCESS_KEY) and REDISCLOUD_SECRET_KEY, both or neither.
    const [redisApiKey, redisSecretKey] = [config.secrets["rediscloud:apiKey"], config.secrets["rediscloud:secretKey"]];
    const rediscloudProvider = new rediscloud.Provider(
        "rediscloud",
        redisApiKey !== undefined && redisSecretKey !== undefined ? { apiKey: redisApiKey, secretKey: redisSecretKey } : {},
    );
    // Random (the generated Redis password): default providers are disabled, so it needs its own explicit one.
    const randomRedisProvider = new random.Provider("random-redis", {});

    // ---- Static files: S3 (§02, §05, §10) ------------------------------------------------------------------
    const s3 = config.staticFiles.s3;
    const accessLogs = new EncryptedS3Bucket(
        "s3-access-logs",
        {
            bucketName: s3.accessLogBucketName,
            purpose: "S3 server access logs of the static-file buckets",
            role: {
                kind: "access-log-target",
                sourceBucketNames: s3.buckets.map((b) => b.name),
                sourceAccountId: config.aws.accountId,
                retentionDays: s3.accessLogRetentionDays,
            },
        },
        { providers: [awsProvider] },
    );
    const s3Buckets = s3.buckets.map(
        (b) =>
            new EncryptedS3Bucket(
                `s3-${b.key}`,
                { bucketName: b.name, purpose: b.purpose, role: { kind: "data", accessLogs: { bucketName: accessLogs.bucketName } } },
                { providers: [awsProvider] },
            ),
    );

    // ---- Static files: Cloud Storage (§02, §05, §10) -----------------------------------------------------
    const gcs = config.staticFiles.gcs;
    const gcsBuckets = gcs.buckets.map(
        (b) =>
            new EncryptedGcsBucket(
                `gcs-${b.key}`,
                {
                    bucketName: b.name,
                    project: config.gcp.project,
                    location: config.gcp.region,
                    keyRotationDays: gcs.keyRotationDays,
                    softDeleteRetentionDays: gcs.softDeleteRetentionDays,
                },
                { providers: [gcpProvider] },
            ),
    );
    new StorageDataAccessAudit("gcs-data-access-audit", { project: config.gcp.project }, { providers: [gcpProvider] });

    // ---- Identity: Auth0 (§01, §02 identity data, §03 RBAC and tenant data, §05, §10) — docs/identity.md ----
    const idp = config.auth0;
    const onAuth0 = { providers: [auth0Provider] };
    const auth0Tenant = new TenantSettings(
        "auth0-tenant",
        {
            friendlyName: idp.tenant.friendlyName,
            supportEmail: idp.tenant.supportEmail,
            supportUrl: idp.tenant.supportUrl,
            sessionLifetimeHours: idp.tenant.sessionLifetimeHours,
            idleSessionLifetimeHours: idp.tenant.idleSessionLifetimeHours,
            customDomain: idp.customDomain,
        },
        onAuth0,
    );
    new AttackProtection("auth0-attack-protection", {}, onAuth0);
    new MfaPolicy("auth0-mfa", { factors: idp.mfa.factors }, onAuth0);
    const platformApi = new PlatformApi(
        "auth0-platform-api",
        {
            identifier: idp.api.identifier,
            displayName: idp.api.name,
            accessTokenLifetimeSeconds: idp.api.accessTokenLifetimeSeconds,
            permissions: idp.api.permissions,
            roles: idp.roles,
        },
        onAuth0,
    );
    const auth0Apps = idp.applications.map(
        (a) =>
            new Application(
                `auth0-app-${a.key}`,
                {
                    displayName: a.name,
                    description: a.description,
                    appType: a.appType,
                    customerFacing: a.customerFacing,
                    callbackUrls: a.callbackUrls,
                    logoutUrls: a.logoutUrls,
                    webOrigins: a.webOrigins,
                    // A refresh token must not keep a user signed in longer than the tenant's session limits allow.
                    refreshTokenLifetimeSeconds: idp.tenant.sessionLifetimeHours * 3600,
                    refreshTokenIdleLifetimeSeconds: idp.tenant.idleSessionLifetimeHours * 3600,
                },
                onAuth0,
            ),
    );
    const userDatabase = new UserDatabase(
        "auth0-users",
        { connectionName: idp.database.name, passwordPolicy: idp.database.passwordPolicy, enabledClientIds: auth0Apps.map((a) => a.clientId) },
        onAuth0,
    );
    const auditLogStream = new AuditLogStream(
        "auth0-audit-log-stream",
        { awsAccountId: idp.logStream.awsAccountId, awsRegion: idp.logStream.awsRegion },
        onAuth0,
    );
    // ---- end Identity ------------------------------------------------------------------------------------------

    // ---- Operational data: MongoDB Atlas (§02, §03, §05, §06, §09, §10) — docs/operational-data.md -----------
    const atlas = config.atlas;
    const onAtlas = { providers: [atlasProvider] };
    const atlasProject = new AtlasProject("atlas-project", { orgId: atlas.orgId, projectName: atlas.projectName }, onAtlas);
    // The KMS key and the IAM role Atlas assumes are AWS resources: the component gets both providers.
    const atlasEncryption = new AtlasCustomerKeyEncryption(
        "atlas-encryption",
        { projectId: atlasProject.projectId, keyRegion: config.aws.region, stem: atlas.projectName },
        { providers: [atlasProvider, awsProvider] },
    );
    const atlasCluster = new OperationalCluster(
        "atlas-cluster",
        {
            // From the encryption-at-rest configuration: Atlas requires it before a cluster that uses the key.
            projectId: atlasEncryption.projectId,
            clusterName: atlas.cluster.name,
            instanceSize: atlas.cluster.instanceSize,
            mongoDbMajorVersion: atlas.cluster.mongoDbMajorVersion,
            primaryRegion: atlas.cluster.regions.primary,
            ...(atlas.cluster.regions.secondary ? { secondaryRegion: atlas.cluster.regions.secondary } : {}),
        },
        onAtlas,
    );
    const atlasBackup = atlas.backup;
    const atlasBackups = new ClusterBackups(
        "atlas-backups",
        {
            projectId: atlasCluster.projectId,
            clusterName: atlasCluster.clusterName,
            zoneId: atlasCluster.zoneId,
            dailyRetentionDays: atlasBackup.dailyRetentionDays,
            hourly: atlasBackup.hourly,
            restoreWindowDays: atlasBackup.restoreWindowDays,
            snapshotHourUtc: atlasBackup.snapshotHourUtc,
            ...(atlasBackup.copyRegion
                ? { copy: { regionName: atlasBackup.copyRegion, cloudProvider: ATLAS_REGION_PROVIDER[atlasBackup.copyRegion] } }
                : {}),
            ...(atlasBackup.compliancePolicy.enabled && atlasBackup.compliancePolicy.authorizedUser
                ? { compliancePolicy: { authorizedUser: atlasBackup.compliancePolicy.authorizedUser } }
                : {}),
        },
        onAtlas,
    );
    new ProjectNetworkAndAudit("atlas-access", { projectId: atlasCluster.projectId, ipAccessList: atlas.ipAccessList }, onAtlas);
    new LeastPrivilegeDatabaseUsers(
        "atlas-db-users",
        { projectId: atlasCluster.projectId, clusterName: atlasCluster.clusterName, users: atlas.databaseUsers },
        onAtlas,
    );
    new IntegrityAlerts(
        "atlas-alerts",
        {
            projectId: atlasProject.projectId,
            notification: atlasSettings.alertNotification,
            cpuPercent: atlas.alerts.cpuPercent,
            diskPercent: atlas.alerts.diskPercent,
            snapshotCopies: atlasBackup.copyRegion !== undefined,
            compliancePolicy: atlasBackup.compliancePolicy.enabled,
            resourcePolicy: atlas.resourcePolicy.enabled,
        },
        onAtlas,
    );
    if (atlas.resourcePolicy.enabled) {
        new AtlasResidencyGuardrail("atlas-guardrail", { orgId: atlas.orgId }, onAtlas);
    }
    // ---- end Operational data ------------------------------------------------------------------------------------

    // ---- Ephemeral data: Redis Cloud Pro (§02, §03, §05, §06) — docs/ephemeral-data.md -------------------------
    const redis = config.redis;
    const redisSubscription = new RedisSubscription(
        "redis-subscription",
        {
            subscriptionName: redis.subscription.name,
            cloudProvider: redis.subscription.cloudProvider,
            region: redis.subscription.region,
            networkingDeploymentCidr: redis.subscription.networkingDeploymentCidr,
            multipleAvailabilityZones: redis.subscription.multipleAvailabilityZones,
            paymentMethodId: redis.subscription.paymentMethodId,
            creationPlan: redis.subscription.creationPlan,
        },
        { providers: [rediscloudProvider] },
    );
    const redisDatabase = new RedisDatabase(
        "redis-pubsub",
        {
            subscriptionId: redisSubscription.subscriptionId,
            databaseName: redis.database.name,
            memoryLimitInGb: redis.database.memoryLimitInGb,
            throughputMeasurementBy: redis.database.throughputMeasurementBy,
            throughputMeasurementValue: redis.database.throughputMeasurementValue,
            sourceIps: redis.database.sourceIps,
            dataEviction: redis.database.dataEviction,
            alerts: redis.database.alerts,
            // From secret config when set; otherwise the component generates one (random provider).
            ...(config.secrets["data-platform:redisPassword"] ? { password: config.secrets["data-platform:redisPassword"] } : {}),
        },
        { providers: [rediscloudProvider, randomRedisProvider] },
    );
    // ---- end Ephemeral data ----------------------------------------------------------------------------------------

    // ---- Guardrails: cloud-side denial behind the policy pack (§02, §05, §08) — docs/guardrails.md ---------------
    // Each switch needs rights beyond the stack's own resources, so each is off unless config turns it on. They use
    // the same pinned providers: the SCP and the account-level block through `aws-au` (production account), the
    // org policies through `gcp-au`.
    const guardrails = config.guardrails;
    const regionDeny = whenEnabled(guardrails.aws.regionDenyScp, "targetId");
    const awsRegionDeny = regionDeny
        ? new AwsRegionDenyScp(
              "aws-region-deny",
              { targetId: regionDeny.targetId, allowedRegions: regionDeny.allowedRegions },
              { providers: [awsProvider] },
          )
        : undefined;
    const s3AccountBlock = guardrails.aws.accountPublicAccessBlock.enabled
        ? new S3AccountPublicAccessBlock("s3-account-public-access-block", { accountId: config.aws.accountId }, { providers: [awsProvider] })
        : undefined;
    const orgPolicies = whenEnabled(guardrails.gcp.orgPolicies, "parent");
    const gcpOrgPolicies = orgPolicies
        ? new GcpOrgPolicies("gcp-org-policies", { parent: orgPolicies.parent }, { providers: [gcpProvider] })
        : undefined;
    // ---- end Guardrails -------------------------------------------------------------------------------------------

    return {
        s3Buckets: Object.fromEntries(s3.buckets.map((b, i) => [b.key, { name: s3Buckets[i]!.bucketName, arn: s3Buckets[i]!.bucketArn }])),
        s3AccessLogBucket: accessLogs.bucketName,
        gcsBuckets: Object.fromEntries(gcs.buckets.map((b, i) => [b.key, { name: gcsBuckets[i]!.bucketName, url: gcsBuckets[i]!.url }])),
        // Operational data: the connection string is its own output so that only it is secret.
        atlasCluster: { name: atlasCluster.clusterName, id: atlasCluster.clusterId },
        atlasConnectionString: atlasCluster.connectionString,
        atlasBackupSchedule: atlasBackups.summary,
        // Ephemeral data: ids in the clear; everything a client connects with (endpoints, user, password) is one
        // secret output, shown only with `pulumi stack output --show-secrets redisConnection`.
        redisDatabase: { subscriptionId: redisSubscription.subscriptionId, databaseId: redisDatabase.databaseId },
        redisConnection: pulumi.secret({
            publicEndpoint: redisDatabase.publicEndpoint,
            privateEndpoint: redisDatabase.privateEndpoint,
            username: "default",
            password: redisDatabase.password,
            tls: true,
        }),
        // Ids and names only: the stack creates no client secret (public clients) and exports no credential.
        identity: {
            tenantDomain: idp.domain,
            ...(auth0Tenant.customDomainVerification
                ? { customDomain: { domain: idp.customDomain, verification: auth0Tenant.customDomainVerification } }
                : {}),
            apiIdentifier: platformApi.identifier,
            roleIds: platformApi.roleIds,
            applications: Object.fromEntries(idp.applications.map((a, i) => [a.key, { clientId: auth0Apps[i]!.clientId }])),
            userDatabase: { id: userDatabase.connectionId, name: userDatabase.connectionName },
            auditLogPartnerEventSource: auditLogStream.partnerEventSource,
        },
        // Guardrails: which are on, and where (ids and names only).
        guardrails: {
            ...(awsRegionDeny ? { awsRegionDenyScp: { policyId: awsRegionDeny.policyId, targetId: awsRegionDeny.targetId } } : {}),
            ...(s3AccountBlock ? { s3AccountPublicAccessBlock: { accountId: s3AccountBlock.accountId } } : {}),
            ...(gcpOrgPolicies ? { gcpOrgPolicies: { parent: gcpOrgPolicies.parentNode, policies: gcpOrgPolicies.policyNames } } : {}),
        },
    };
};
