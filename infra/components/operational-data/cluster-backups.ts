/**
 * The backup schedule of the operational-data cluster (data policy clauses "02.operational-data": "backed up
 * daily, with a 30-day retention period", and "06.operational-backup": "Backup copies are securely stored and
 * can be restored in the event of data loss").
 *
 * | child | setting |
 * |---|---|
 * | `mongodbatlas.CloudBackupSchedule` | a daily snapshot kept `dailyRetentionDays` (prod: 30); hourly snapshots for point-in-time restores; optional copies of every snapshot and of the oplog to a second Australian region |
 * | `mongodbatlas.BackupCompliancePolicy` (switch) | the same items as a floor nobody can lower; snapshots cannot be deleted before they expire; copies and encryption at rest required |
 *
 * Atlas creates a default schedule when Cloud Backup is switched on; this resource replaces its policy items with
 * exactly these. `updateSnapshots` applies a changed retention to snapshots already taken in the cluster's own
 * region; with copies, `updateCopySnapshots` does the same for the copies already held in the second region
 * (Atlas accepts it only together with `copyPolicyItemsEnabled`). Together they make the retention said here true
 * of every snapshot and every copy held, not only of new ones.
 *
 * Both are protected: deleting the schedule would leave the cluster with no snapshots scheduled at all, and the
 * compliance policy can only be removed by MongoDB Support. With the compliance policy on, the schedule is
 * marked `skipDestroy` (Atlas forbids deleting it; Pulumi then only forgets it, as the provider docs require for
 * deleting a cluster under a compliance policy).
 */
import * as mongodbatlas from "@pulumi/mongodbatlas";
import * as pulumi from "@pulumi/pulumi";
import type { ClauseId } from "../../clauses";
import { AU_ATLAS_REGIONS, isListed, REGION_RULE, type AuAtlasRegion } from "../../residency";
import { DAILY_BACKUP_RETENTION_DAYS, DAILY_BACKUP_RETENTION_RULE } from "../../rules/backup-retention";
import { checkArguments } from "../shared/argument-checks";

/** The clause this component exists for (named in the summary output; Atlas backup objects take no tags). */
const CLAUSE: ClauseId = "06.operational-backup";

export interface SnapshotCopy {
    /** Atlas region that receives the copies, e.g. `AP_SOUTHEAST_4`. */
    readonly regionName: AuAtlasRegion;
    /** Cloud of that region (Atlas copies within one cloud). */
    readonly cloudProvider: "AWS" | "GCP" | "AZURE";
}

export interface BackupCompliancePolicySettings {
    /** The security or legal representative who may ask MongoDB Support to change or lift the policy. */
    readonly authorizedUser: { readonly firstName: string; readonly lastName: string; readonly email: string };
}

export interface ClusterBackupsArgs {
    /** The cluster's project (`OperationalCluster.projectId`, so the schedule waits for the cluster). */
    readonly projectId: pulumi.Input<string>;
    /** The cluster's name (`OperationalCluster.clusterName`). */
    readonly clusterName: pulumi.Input<string>;
    /** The replica set's zone id (`OperationalCluster.zoneId`); needed only with {@link copy}. */
    readonly zoneId?: pulumi.Input<string | undefined>;
    /** Days each daily snapshot is kept: exactly {@link DAILY_BACKUP_RETENTION_DAYS} (data policy §02, §06). */
    readonly dailyRetentionDays: number;
    /** Hourly snapshots: hours between them, days each is kept. */
    readonly hourly: { readonly everyHours: number; readonly retentionDays: number };
    /** Days back a point-in-time restore can reach (at most the hourly retention). */
    readonly restoreWindowDays: number;
    /** UTC hour of the daily snapshot. */
    readonly snapshotHourUtc: number;
    /** Copy every snapshot and the oplog to a second region. Default: no copies. */
    readonly copy?: SnapshotCopy;
    /** Turn on the Backup Compliance Policy (irreversible without MongoDB Support). Default: off. */
    readonly compliancePolicy?: BackupCompliancePolicySettings;
}

/** What the schedule keeps, in plain values (known at preview; exported as a stack output). */
export interface BackupScheduleSummary {
    readonly clause: ClauseId;
    readonly daily: { readonly everyDays: 1; readonly retentionDays: number };
    readonly hourly: { readonly everyHours: number; readonly retentionDays: number };
    readonly pointInTimeRestoreWindowDays: number;
    readonly snapshotHourUtc: number;
    readonly copyRegion: string | null;
    readonly compliancePolicy: boolean;
}

/** Days: the one retention unit used here, so that "30" in config reads as 30 days everywhere. */
const DAYS = "days";

export class ClusterBackups extends pulumi.ComponentResource {
    /** The schedule, in plain values. */
    public readonly summary: BackupScheduleSummary;

    public readonly schedule: mongodbatlas.CloudBackupSchedule;
    public readonly compliancePolicy: mongodbatlas.BackupCompliancePolicy | undefined;

    constructor(name: string, args: ClusterBackupsArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments("ClusterBackups", name, opts, [
            {
                field: "dailyRetentionDays",
                value: args.dailyRetentionDays,
                ok: args.dailyRetentionDays === DAILY_BACKUP_RETENTION_DAYS,
                allowed: DAILY_BACKUP_RETENTION_RULE,
            },
            ...(args.copy
                ? [
                      {
                          field: "copy.regionName",
                          value: args.copy.regionName,
                          ok: isListed(args.copy.regionName, AU_ATLAS_REGIONS),
                          allowed: REGION_RULE.atlas,
                      },
                  ]
                : []),
        ]);
        super("data-platform:operational-data:ClusterBackups", name, {}, opts);
        const daily = { frequencyInterval: 1, retentionUnit: DAYS, retentionValue: args.dailyRetentionDays };
        const hourly = { frequencyInterval: args.hourly.everyHours, retentionUnit: DAYS, retentionValue: args.hourly.retentionDays };

        this.schedule = new mongodbatlas.CloudBackupSchedule(
            `${name}-schedule`,
            {
                projectId: args.projectId,
                clusterName: args.clusterName,
                referenceHourOfDay: args.snapshotHourUtc,
                referenceMinuteOfHour: 0,
                restoreWindowDays: args.restoreWindowDays,
                policyItemHourly: hourly,
                policyItemDaily: daily,
                updateSnapshots: true,
                ...(args.copy
                    ? {
                          // copyPolicyItems (not the deprecated `frequencies`) need this one-way switch.
                          copyPolicyItemsEnabled: true,
                          // A changed retention also applies to the copies already held in the second region, not
                          // only to new ones (needs copyPolicyItemsEnabled; provider docs of `updateCopySnapshots`).
                          updateCopySnapshots: true,
                          copySettings: [
                              {
                                  cloudProvider: args.copy.cloudProvider,
                                  regionName: args.copy.regionName,
                                  zoneId: args.zoneId,
                                  // The oplog too, so a point-in-time restore also works from the copy region.
                                  shouldCopyOplogs: true,
                                  copyPolicyItems: [
                                      { frequencyType: "hourly", retentionUnit: DAYS, retentionValue: args.hourly.retentionDays },
                                      { frequencyType: "daily", retentionUnit: DAYS, retentionValue: args.dailyRetentionDays },
                                  ],
                              },
                          ],
                      }
                    : {}),
                skipDestroy: args.compliancePolicy !== undefined,
            },
            { parent: this, protect: true },
        );

        if (args.compliancePolicy) {
            const user = args.compliancePolicy.authorizedUser;
            this.compliancePolicy = new mongodbatlas.BackupCompliancePolicy(
                `${name}-compliance-policy`,
                {
                    projectId: args.projectId,
                    authorizedEmail: user.email,
                    authorizedUserFirstName: user.firstName,
                    authorizedUserLastName: user.lastName,
                    copyProtectionEnabled: args.copy !== undefined,
                    encryptionAtRestEnabled: true,
                    pitEnabled: true,
                    restoreWindowDays: args.restoreWindowDays,
                    policyItemHourly: hourly,
                    policyItemDaily: daily,
                },
                // The policy is a floor under the schedule: set it once the schedule meets it.
                { parent: this, protect: true, dependsOn: [this.schedule] },
            );
        }

        this.summary = {
            clause: CLAUSE,
            daily: { everyDays: 1, retentionDays: args.dailyRetentionDays },
            hourly: { everyHours: args.hourly.everyHours, retentionDays: args.hourly.retentionDays },
            pointInTimeRestoreWindowDays: args.restoreWindowDays,
            snapshotHourUtc: args.snapshotHourUtc,
            copyRegion: args.copy?.regionName ?? null,
            compliancePolicy: args.compliancePolicy !== undefined,
        };
        this.registerOutputs({ summary: this.summary });
    }
}
