/**
 * Every policy of the pack, in one list. Tests and the offline check import this module; only `index.ts`
 * constructs the PolicyPack (constructing one starts a gRPC server, and a process may serve only one).
 */
import type { DataResourcePolicy, DataStackPolicy } from "./lib/define";
import { atlasAccessListNotOpen } from "./policies/atlas-access-list-not-open";
import { atlasBackupDailyRetention } from "./policies/atlas-backup-daily-retention";
import { atlasClusterBackupEnabled } from "./policies/atlas-cluster-backup-enabled";
import { atlasClusterEncryptionCustomerKey } from "./policies/atlas-cluster-encryption-customer-key";
import { atlasClusterHasBackupSchedule } from "./policies/atlas-cluster-has-backup-schedule";
import { atlasClusterTls12 } from "./policies/atlas-cluster-tls-1-2";
import { atlasClustersInAustralia } from "./policies/atlas-clusters-in-australia";
import { auth0ApiRbacEnforced } from "./policies/auth0-api-rbac-enforced";
import { auth0TenantInAustralia } from "./policies/auth0-tenant-in-australia";
import { awsKmsKeyRotationEnabled } from "./policies/aws-kms-key-rotation-enabled";
import { awsResourcesInAustralia } from "./policies/aws-resources-in-australia";
import { awsS3BucketControlsPaired } from "./policies/aws-s3-bucket-controls-paired";
import { awsS3BucketEncryptionCustomerKey } from "./policies/aws-s3-bucket-encryption-customer-key";
import { awsS3BucketPolicyDeniesInsecureTransport } from "./policies/aws-s3-bucket-policy-denies-insecure-transport";
import { awsS3OwnershipEnforced } from "./policies/aws-s3-ownership-enforced";
import { awsS3PublicAccessBlocked } from "./policies/aws-s3-public-access-blocked";
import { awsS3VersioningEnabled } from "./policies/aws-s3-versioning-enabled";
import { dataFlowsToDeclaredProcessors } from "./policies/data-flows-to-declared-processors";
import { gcpKmsKeyRotation } from "./policies/gcp-kms-key-rotation";
import { gcpResourcesInAustralia } from "./policies/gcp-resources-in-australia";
import { gcpStorageBucketCmek } from "./policies/gcp-storage-bucket-cmek";
import { gcpStorageBucketPrivate } from "./policies/gcp-storage-bucket-private";
import { gcpStorageBucketVersioningEnabled } from "./policies/gcp-storage-bucket-versioning-enabled";
import { redisDatabaseEphemeral } from "./policies/redis-database-ephemeral";
import { redisDatabaseSourceIpsRestricted } from "./policies/redis-database-source-ips-restricted";
import { redisDatabaseTlsEnabled } from "./policies/redis-database-tls-enabled";
import { redisSubscriptionsInAustralia } from "./policies/redis-subscriptions-in-australia";
import { statefulResourcesProtected } from "./policies/stateful-resources-protected";

export const POLICIES: readonly (DataResourcePolicy | DataStackPolicy)[] = [
    atlasAccessListNotOpen,
    atlasBackupDailyRetention,
    atlasClusterBackupEnabled,
    atlasClusterEncryptionCustomerKey,
    atlasClusterHasBackupSchedule,
    atlasClusterTls12,
    atlasClustersInAustralia,
    auth0ApiRbacEnforced,
    auth0TenantInAustralia,
    awsKmsKeyRotationEnabled,
    awsResourcesInAustralia,
    awsS3BucketControlsPaired,
    awsS3BucketEncryptionCustomerKey,
    awsS3BucketPolicyDeniesInsecureTransport,
    awsS3OwnershipEnforced,
    awsS3PublicAccessBlocked,
    awsS3VersioningEnabled,
    dataFlowsToDeclaredProcessors,
    gcpKmsKeyRotation,
    gcpResourcesInAustralia,
    gcpStorageBucketCmek,
    gcpStorageBucketPrivate,
    gcpStorageBucketVersioningEnabled,
    redisDatabaseEphemeral,
    redisDatabaseSourceIpsRestricted,
    redisDatabaseTlsEnabled,
    redisSubscriptionsInAustralia,
    statefulResourcesProtected,
];
