/**
 * The operational-data backups of the prod stack, asserted exactly (data policy "02.operational-data": "backed
 * up daily, with a 30-day retention period"; "06.operational-backup": "Backup copies are securely stored and can
 * be restored"): the schedule's daily item, hourly and point-in-time settings, the copy to Melbourne, and the
 * Backup Compliance Policy behind its switch.
 */
import { ClusterBackups, type SnapshotCopy } from "../../../infra/components/operational-data/cluster-backups";
import type { Recording } from "../../../infra/check/recorder";
import { UNKNOWN } from "../../../infra/check/recorder";
import { childrenOf, named, ofType, runStack } from "../../harness/stack";
import { atlasProviderUrn, CLUSTER, onAtlas, ONLY_STACK_AND_PROVIDER, PROJECT_ID, providersOf, ZONE_ID } from "./helpers";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { tryBuildAlone } from "../../harness/build-alone";

const DAILY_30 = { frequencyInterval: 1, retentionUnit: "days", retentionValue: 30 };
const HOURLY = { frequencyInterval: 6, retentionUnit: "days", retentionValue: 7 };
const COPY_TO_MELBOURNE = {
    cloudProvider: "AWS",
    regionName: "AP_SOUTHEAST_4",
    zoneId: ZONE_ID,
    shouldCopyOplogs: true,
    copyPolicyItems: [
        { frequencyType: "hourly", retentionUnit: "days", retentionValue: 7 },
        { frequencyType: "daily", retentionUnit: "days", retentionValue: 30 },
    ],
};

let rec: Recording;
beforeAll(async () => {
    rec = await runStack();
});

test("in prod: one schedule, no compliance policy (its switch is off), on the Atlas provider", () => {
    const component = named(rec, "atlas-backups", "data-platform:operational-data:ClusterBackups");
    const children = childrenOf(rec, component);
    expect(children.map((c) => c.type)).toEqual([TYPES.atlasBackupSchedule]);
    expect(providersOf(children)).toEqual([{ name: "atlas-backups-schedule", provider: atlasProviderUrn(rec) }]);
    expect(ofType(rec, TYPES.atlasBackupCompliancePolicy)).toEqual([]);
});

test("the schedule: daily snapshots kept exactly 30 days, 6-hourly kept 7, a 7-day point-in-time window, copies to Melbourne", () => {
    const schedule = named(rec, "atlas-backups-schedule", TYPES.atlasBackupSchedule);
    expect(schedule.inputs).toEqual({
        projectId: PROJECT_ID,
        clusterName: CLUSTER,
        referenceHourOfDay: 16,
        referenceMinuteOfHour: 0,
        restoreWindowDays: 7,
        policyItemHourly: HOURLY,
        policyItemDaily: DAILY_30,
        updateSnapshots: true,
        copyPolicyItemsEnabled: true,
        // A retention change reaches the copies already held in Melbourne too, not only the snapshots in Sydney.
        updateCopySnapshots: true,
        copySettings: [COPY_TO_MELBOURNE],
        skipDestroy: false,
    });
    expect(schedule.options.protect).toBe(true);
});

test("the schedule names the cluster by reference (so it waits for it), and copies the cluster's own zone", () => {
    const schedule = named(rec, "atlas-backups-schedule", TYPES.atlasBackupSchedule);
    const cluster = named(rec, "atlas-cluster", TYPES.atlasAdvancedCluster).urn;
    expect(schedule.propertyDependencies["clusterName"]).toEqual([cluster]);
    expect(schedule.propertyDependencies["projectId"]).toEqual([cluster]);
    expect(schedule.propertyDependencies["copySettings"]).toEqual([cluster]);
});

test("the backup schedule summary is a stack output, in plain values", () => {
    expect(rec.outputs["atlasBackupSchedule"]).toEqual({
        clause: "06.operational-backup",
        daily: { everyDays: 1, retentionDays: 30 },
        hourly: { everyHours: 6, retentionDays: 7 },
        pointInTimeRestoreWindowDays: 7,
        snapshotHourUtc: 16,
        copyRegion: "AP_SOUTHEAST_4",
        compliancePolicy: false,
    });
});

test("with the compliance policy switched on: the same items as an undeletable floor, and the schedule only forgotten on destroy", async () => {
    const withPolicy = await runStack({
        mutate: (c) =>
            (c["data-platform:atlas"].backup.compliancePolicy = {
                enabled: true,
                authorizedUser: { firstName: "Dana", lastName: "Nguyen", email: "security@allotrac.com.au" },
            }),
    });
    const policy = named(withPolicy, "atlas-backups-compliance-policy", TYPES.atlasBackupCompliancePolicy);
    expect(policy.inputs).toEqual({
        projectId: PROJECT_ID,
        authorizedEmail: "security@allotrac.com.au",
        authorizedUserFirstName: "Dana",
        authorizedUserLastName: "Nguyen",
        copyProtectionEnabled: true,
        encryptionAtRestEnabled: true,
        pitEnabled: true,
        restoreWindowDays: 7,
        policyItemHourly: HOURLY,
        policyItemDaily: DAILY_30,
    });
    expect(policy.options.protect).toBe(true);
    expect(policy.dependencies).toContain(named(withPolicy, "atlas-backups-schedule", TYPES.atlasBackupSchedule).urn);
    expect(named(withPolicy, "atlas-backups-schedule", TYPES.atlasBackupSchedule).inputs["skipDestroy"]).toBe(true);
    expect((withPolicy.outputs["atlasBackupSchedule"] as { compliancePolicy: boolean }).compliancePolicy).toBe(true);
});

test("without a copy region: no copy settings, no copy-policy switch (it is one-way in Atlas), no updateCopySnapshots (Atlas refuses it without copies)", async () => {
    const noCopy = await runStack({ mutate: (c) => delete c["data-platform:atlas"].backup.copyRegion });
    expect(named(noCopy, "atlas-backups-schedule", TYPES.atlasBackupSchedule).inputs).toEqual({
        projectId: PROJECT_ID,
        clusterName: CLUSTER,
        referenceHourOfDay: 16,
        referenceMinuteOfHour: 0,
        restoreWindowDays: 7,
        policyItemHourly: HOURLY,
        policyItemDaily: DAILY_30,
        updateSnapshots: true,
        skipDestroy: false,
    });
});

test("the daily item and its copies keep exactly the published 30 days (config refuses any other figure)", async () => {
    const inputs = named(await runStack(), "atlas-backups-schedule", TYPES.atlasBackupSchedule).inputs as any;
    expect(inputs.policyItemDaily).toEqual({ frequencyInterval: 1, retentionUnit: "days", retentionValue: 30 });
    expect(inputs.copySettings[0].copyPolicyItems[1]).toEqual({ frequencyType: "daily", retentionUnit: "days", retentionValue: 30 });
});

test("at preview the retention, window and copy region are known, so the policy pack can check them", async () => {
    const preview = await runStack({ preview: true });
    const inputs = named(preview, "atlas-backups-schedule", TYPES.atlasBackupSchedule).inputs as any;
    expect(inputs.policyItemDaily).toEqual(DAILY_30);
    expect(inputs.policyItemHourly).toEqual(HOURLY);
    expect(inputs.restoreWindowDays).toBe(7);
    expect(inputs.clusterName).toBe(CLUSTER);
    expect(inputs.projectId).toBe(UNKNOWN);
    expect(inputs.copySettings[0].regionName).toBe("AP_SOUTHEAST_4");
    expect(inputs.copySettings[0].copyPolicyItems).toEqual(COPY_TO_MELBOURNE.copyPolicyItems);
});

describe("ClusterBackups on its own (no config validation in front of it)", () => {
    function withDailyRetention(dailyRetentionDays: number, copy?: SnapshotCopy) {
        return tryBuildAlone(
            () =>
                new ClusterBackups(
                    "b",
                    {
                        projectId: "p",
                        clusterName: "c",
                        dailyRetentionDays,
                        hourly: { everyHours: 6, retentionDays: 7 },
                        restoreWindowDays: 7,
                        snapshotHourUtc: 16,
                        ...(copy ? { copy, zoneId: "z" } : {}),
                    },
                    onAtlas(),
                ),
        );
    }
    const refusedRetention = (days: number) => ({
        error:
            `ClusterBackups b: dailyRetentionDays = ${days} is not allowed; expected 30: data policy §02 and §06 publish a 30-day ` +
            "retention period for daily backups of operational data, so neither fewer nor more days.",
        registered: ONLY_STACK_AND_PROVIDER,
    });

    test("refuses any daily retention but exactly 30 days (fewer, more, or not a whole number) before anything is registered", async () => {
        expect(await withDailyRetention(29)).toEqual(refusedRetention(29));
        // More is refused too: the data policy publishes 30 days, and the policy pack checks exactly 30.
        expect(await withDailyRetention(45)).toEqual(refusedRetention(45));
        expect(await withDailyRetention(30.5)).toEqual(refusedRetention(30.5));
    });

    test("refuses a copy region outside Australia before anything is registered", async () => {
        expect(await withDailyRetention(30, { regionName: "US_EAST_1" as SnapshotCopy["regionName"], cloudProvider: "AWS" })).toEqual({
            error:
                'ClusterBackups b: copy.regionName = "US_EAST_1" is not allowed; expected an Australian Atlas region (AP_SOUTHEAST_2 | AP_SOUTHEAST_4 | ' +
                "AUSTRALIA_SOUTHEAST_1 | AUSTRALIA_SOUTHEAST_2 | AUSTRALIA_EAST | AUSTRALIA_SOUTH_EAST | AUSTRALIA_CENTRAL | AUSTRALIA_CENTRAL_2); " +
                "data policy §02 keeps operational data in Australia.",
            registered: ONLY_STACK_AND_PROVIDER,
        });
    });

    test("builds the schedule with 30", async () => {
        expect(await withDailyRetention(30)).toEqual({
            error: undefined,
            registered: [...ONLY_STACK_AND_PROVIDER, "data-platform:operational-data:ClusterBackups", TYPES.atlasBackupSchedule],
        });
    });
});
