/**
 * Operational data (data policy §02, §03, §05, §06, §09, §10): the Atlas project, its customer-key encryption, the
 * cluster, its backups, network access and auditing, database users, integrity alerts and the org-level residency
 * guardrail. docs/operational-data.md.
 */
import type * as aws from "@pulumi/aws";
import type * as mongodbatlas from "@pulumi/mongodbatlas";
import { AtlasLogExport } from "../components/audit/atlas-log-export";
import type { EncryptedS3Bucket } from "../components/static-files/encrypted-s3-bucket";
import { AtlasProject } from "../components/operational-data/atlas-project";
import { ClusterBackups } from "../components/operational-data/cluster-backups";
import { AtlasCustomerKeyEncryption } from "../components/operational-data/atlas-customer-key-encryption";
import { LeastPrivilegeDatabaseUsers } from "../components/operational-data/least-privilege-database-users";
import { IntegrityAlerts, type AlertNotificationTarget } from "../components/operational-data/integrity-alerts";
import { OperationalCluster } from "../components/operational-data/operational-cluster";
import { ProjectNetworkAndAudit } from "../components/operational-data/project-network-and-audit";
import { AtlasResidencyGuardrail } from "../components/operational-data/atlas-residency-guardrail";
import type { StackConfig } from "../config";
import { ATLAS_REGION_PROVIDER } from "../residency";

export interface OperationalDataProviders {
    readonly atlas: mongodbatlas.Provider;
    /** The org-level Atlas provider (its own Organization Owner key), present while the Resource Policy is on. */
    readonly atlasOrg?: mongodbatlas.Provider | undefined;
    /** For the KMS key and the IAM role Atlas assumes. */
    readonly aws: aws.Provider;
}

/** What the area takes from the others. */
export interface OperationalDataInputs {
    /** The audit bucket (static-files area) the Atlas logs are exported to. */
    readonly auditBucket: EncryptedS3Bucket;
}

/** Creates the area; returns its stack outputs (the connection string on its own, so that only it is secret). */
export function operationalData(config: StackConfig, providers: OperationalDataProviders, inputs: OperationalDataInputs) {
    const atlas = config.atlas;
    const onAtlas = { providers: [providers.atlas] };
    const atlasProject = new AtlasProject("atlas-project", { orgId: atlas.orgId, projectName: atlas.projectName }, onAtlas);
    const atlasEncryption = new AtlasCustomerKeyEncryption(
        "atlas-encryption",
        // The key's administrators: the account's root principal (IAM decides who), from the pinned account id.
        { projectId: atlasProject.projectId, keyRegion: config.aws.region, accountId: config.aws.accountId, stem: atlas.projectName },
        { providers: [providers.atlas, providers.aws] },
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
            notification: alertNotification(config),
            cpuPercent: atlas.alerts.cpuPercent,
            diskPercent: atlas.alerts.diskPercent,
            snapshotCopies: atlasBackup.copyRegion !== undefined,
            compliancePolicy: atlasBackup.compliancePolicy.enabled,
            resourcePolicy: atlas.resourcePolicy.enabled,
        },
        onAtlas,
    );
    // Data policy §10: the database audit log (ProjectNetworkAndAudit) kept the audit retention, in the audit bucket.
    new AtlasLogExport(
        "atlas-log-export",
        {
            projectId: atlasCluster.projectId,
            bucketName: config.audit.bucketName,
            // An audit-log target always has its own key (EncryptedS3Bucket); only access-log targets have none.
            bucketKeyArn: inputs.auditBucket.kmsKeyArn!,
            roleName: atlasEncryption.role.name,
            atlasRoleId: atlasEncryption.accessAuthorization.roleId,
            waitFor: [inputs.auditBucket.policy],
        },
        { providers: [providers.atlas, providers.aws] },
    );
    if (atlas.resourcePolicy.enabled) {
        new AtlasResidencyGuardrail("atlas-guardrail", { orgId: atlas.orgId }, { providers: [providers.atlasOrg!] });
    }

    return {
        atlasCluster: { name: atlasCluster.clusterName, id: atlasCluster.clusterId },
        atlasConnectionString: atlasCluster.connectionString,
        atlasBackupSchedule: atlasBackups.summary,
    };
}

/**
 * Where integrity alerts go, with the token from secret config where the target needs one. `loadConfig()` refuses a
 * PAGER_DUTY or SLACK target without its token (`atlasStackChecks` in infra/schema/operational-data.ts).
 */
export function alertNotification(config: StackConfig): AlertNotificationTarget {
    const token = config.secrets["data-platform:atlasAlertToken"];
    const target = config.atlas.alerts.notification;
    switch (target.type) {
        case "EMAIL":
            return { typeName: "EMAIL", emailAddress: target.emailAddress };
        case "PAGER_DUTY":
            return { typeName: "PAGER_DUTY", serviceKey: requireChecked(token) };
        case "SLACK":
            return { typeName: "SLACK", channelName: target.channelName, apiToken: requireChecked(token) };
    }
}

function requireChecked<T>(value: T | undefined): T {
    if (value === undefined) throw new Error("internal: loadConfig() lets no PAGER_DUTY/SLACK target through without its token");
    return value;
}
