/**
 * Every policy of the pack, in one list. Tests and the offline check import this module; only `index.ts`
 * constructs the PolicyPack (constructing one starts a gRPC server, and a process may serve only one).
 */
import { controlMismatches } from "../facts/clauses";
import type { DataResourcePolicy, DataStackPolicy } from "../lib/define";
import { atlasAccessListNotOpen } from "./atlas-access-list-not-open";
import { atlasBackupDailyRetention } from "./atlas-backup-daily-retention";
import { atlasClusterBackupEnabled } from "./atlas-cluster-backup-enabled";
import { atlasClusterEncryptionCustomerKey } from "./atlas-cluster-encryption-customer-key";
import { atlasClusterHasBackupSchedule } from "./atlas-cluster-has-backup-schedule";
import { atlasClusterIntegrityAlerts } from "./atlas-cluster-integrity-alerts";
import { atlasClusterPitEnabled } from "./atlas-cluster-pit-enabled";
import { atlasClusterTls12 } from "./atlas-cluster-tls-1-2";
import { atlasClustersInAustralia } from "./atlas-clusters-in-australia";
import { atlasDatabaseUsersLeastPrivilege } from "./atlas-database-users-least-privilege";
import { atlasProjectDataServicesOff } from "./atlas-project-data-services-off";
import { auditLogsKeptInAustralia } from "./audit-logs-kept-in-australia";
import { auditLogsObjectLocked } from "./audit-logs-object-locked";
import { auditTrailRecordsEveryDataStore } from "./audit-trail-records-every-data-store";
import { auth0ApiRbacEnforced } from "./auth0-api-rbac-enforced";
import { auth0LoginProtections } from "./auth0-login-protections";
import { auth0LoginsRequireOrganization } from "./auth0-logins-require-organization";
import { auth0TenantInAustralia } from "./auth0-tenant-in-australia";
import { awsKmsKeyPolicyExplicit } from "./aws-kms-key-policy-explicit";
import { awsKmsKeyRotationEnabled } from "./aws-kms-key-rotation-enabled";
import { awsResourcesInAustralia } from "./aws-resources-in-australia";
import { awsS3BucketControlsPaired } from "./aws-s3-bucket-controls-paired";
import { awsS3BucketEncryptionCustomerKey } from "./aws-s3-bucket-encryption-customer-key";
import { awsS3BucketPolicyDeniesInsecureTransport } from "./aws-s3-bucket-policy-denies-insecure-transport";
import { awsS3NoncurrentVersionRetention } from "./aws-s3-noncurrent-version-retention";
import { awsS3OwnershipEnforced } from "./aws-s3-ownership-enforced";
import { awsS3PublicAccessBlocked } from "./aws-s3-public-access-blocked";
import { awsS3VersioningEnabled } from "./aws-s3-versioning-enabled";
import { dataFlowsToDeclaredProcessors } from "./data-flows-to-declared-processors";
import { gcpKmsKeyRotation } from "./gcp-kms-key-rotation";
import { gcpResourcesInAustralia } from "./gcp-resources-in-australia";
import { gcpStorageBucketCmek } from "./gcp-storage-bucket-cmek";
import { gcpStorageBucketPrivate } from "./gcp-storage-bucket-private";
import { gcpStorageBucketSoftDeleteOn } from "./gcp-storage-bucket-soft-delete-on";
import { gcpStorageBucketVersioningEnabled } from "./gcp-storage-bucket-versioning-enabled";
import { redisDatabaseEphemeral } from "./redis-database-ephemeral";
import { redisDatabaseDatasetSizeAlert } from "./redis-database-dataset-size-alert";
import { redisDatabaseSourceIpsRestricted } from "./redis-database-source-ips-restricted";
import { redisDatabaseTlsEnabled } from "./redis-database-tls-enabled";
import { redisSubscriptionsInAustralia } from "./redis-subscriptions-in-australia";
import { statefulResourcesProtected } from "./stateful-resources-protected";

export const POLICIES: readonly (DataResourcePolicy | DataStackPolicy)[] = [
    atlasAccessListNotOpen,
    atlasBackupDailyRetention,
    atlasClusterBackupEnabled,
    atlasClusterEncryptionCustomerKey,
    atlasClusterHasBackupSchedule,
    atlasClusterIntegrityAlerts,
    atlasClusterPitEnabled,
    atlasClusterTls12,
    atlasClustersInAustralia,
    atlasDatabaseUsersLeastPrivilege,
    atlasProjectDataServicesOff,
    auditLogsKeptInAustralia,
    auditLogsObjectLocked,
    auditTrailRecordsEveryDataStore,
    auth0ApiRbacEnforced,
    auth0LoginProtections,
    auth0LoginsRequireOrganization,
    auth0TenantInAustralia,
    awsKmsKeyPolicyExplicit,
    awsKmsKeyRotationEnabled,
    awsResourcesInAustralia,
    awsS3BucketControlsPaired,
    awsS3BucketEncryptionCustomerKey,
    awsS3BucketPolicyDeniesInsecureTransport,
    awsS3NoncurrentVersionRetention,
    awsS3OwnershipEnforced,
    awsS3PublicAccessBlocked,
    awsS3VersioningEnabled,
    dataFlowsToDeclaredProcessors,
    gcpKmsKeyRotation,
    gcpResourcesInAustralia,
    gcpStorageBucketCmek,
    gcpStorageBucketPrivate,
    gcpStorageBucketSoftDeleteOn,
    gcpStorageBucketVersioningEnabled,
    redisDatabaseEphemeral,
    redisDatabaseDatasetSizeAlert,
    redisDatabaseSourceIpsRestricted,
    redisDatabaseTlsEnabled,
    redisSubscriptionsInAustralia,
    statefulResourcesProtected,
];

// Each policy cites its clauses where it is defined, and each clause lists its controls in infra/clauses.ts; the
// report's clause status reads the table, so a pack where the two disagree must not load.
const mismatches = controlMismatches(POLICIES);
if (mismatches.length > 0) {
    throw new Error(`The policies and the clause controls (infra/clauses.ts CONTROLS) disagree:\n  ${mismatches.join("\n  ")}`);
}
