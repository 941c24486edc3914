/**
 * How the prod stack wires the operational-data backups (infra/areas/operational-data.ts), asserted exactly (data
 * policy "02.operational-data": "backed up daily, with a 30-day retention period"; "06.operational-backup"): the
 * schedule's inputs from config, its references to the cluster, the summary stack output, and the config switches
 * (copy region, compliance policy). The component on its own, with fixture args, is
 * tests/components/operational-data/cluster-backups.test.ts.
 */
import { UNKNOWN } from "../../infra/check/recorder";
import { childrenOf, named, ofType, runStack } from "../harness/stack";
import { atlasProviderUrn, CLUSTER, PROJECT_ID, providersOf, ZONE_ID } from "../components/operational-data/helpers";
import { TYPES } from "../../infra/policy/lib/tokens";
import { recordOnce } from "../harness/record-once";
import { backupScheduleInputs, backupSummary, DAILY_30 } from "../harness/expected-inputs";

/** Prod's schedule, as `backupScheduleInputs` and `backupSummary` take it: copies to Melbourne. */
const PROD = {
    projectId: PROJECT_ID,
    clusterName: CLUSTER,
    snapshotHourUtc: 16,
    restoreWindowDays: 7,
    hourly: { everyHours: 6, retentionDays: 7 },
    copy: { cloudProvider: "AWS", regionName: "AP_SOUTHEAST_4", zoneId: ZONE_ID },
} as const;
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

const rec = recordOnce(() => runStack());

test("in prod: one schedule, no compliance policy (its switch is off), on the Atlas provider", () => {
    const component = named(rec, "atlas-backups", "data-platform:operational-data:ClusterBackups");
    const children = childrenOf(rec, component);
    expect(children.map((c) => c.type)).toEqual([TYPES.atlasBackupSchedule]);
    expect(providersOf(children)).toEqual([{ name: "atlas-backups-schedule", provider: atlasProviderUrn(rec) }]);
    expect(ofType(rec, TYPES.atlasBackupCompliancePolicy)).toEqual([]);
});

test("the schedule: daily snapshots kept exactly 30 days, 6-hourly kept 7, a 7-day point-in-time window, copies to Melbourne", () => {
    const schedule = named(rec, "atlas-backups-schedule", TYPES.atlasBackupSchedule);
    expect(schedule.inputs).toEqual(backupScheduleInputs(PROD));
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
    expect(rec.outputs["atlasBackupSchedule"]).toEqual(backupSummary({ ...PROD, compliancePolicy: false }));
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
    const { copy: _, ...withoutCopy } = PROD;
    expect(named(noCopy, "atlas-backups-schedule", TYPES.atlasBackupSchedule).inputs).toEqual(backupScheduleInputs(withoutCopy));
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

