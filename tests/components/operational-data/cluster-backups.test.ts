/**
 * `ClusterBackups` on its own, with fixture args (data policy "02.operational-data": "backed up daily, with a
 * 30-day retention period"; "06.operational-backup": "Backup copies are securely stored and can be restored"): the
 * schedule's daily item, hourly and point-in-time settings, the copies, the Backup Compliance Policy behind its
 * switch, and the refusal of any retention but 30 days. How the prod stack wires it from config is
 * tests/areas/operational-data-backups.test.ts.
 */
import { ClusterBackups, type ClusterBackupsArgs, type SnapshotCopy } from "../../../infra/components/operational-data/cluster-backups";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { tryBuildAlone, fixtureBuild } from "../../harness/build-alone";
import { childrenOf, named, placement } from "../../harness/stack";
import { onAtlas, ONLY_STACK_AND_PROVIDER } from "./helpers";
import { recordOnce } from "../../harness/record-once";
import { backupScheduleInputs, backupSummary, DAILY_30 } from "../../harness/expected-inputs";

const COMPONENT = "data-platform:operational-data:ClusterBackups";
const HOURLY = { frequencyInterval: 4, retentionUnit: "days", retentionValue: 5 };
const COPY: SnapshotCopy = { regionName: "AUSTRALIA_SOUTHEAST_2", cloudProvider: "GCP" };
const USER = { firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" };

/** Fixture args: not prod's, so that a prod config edit cannot change what this file asserts. */
const ARGS: ClusterBackupsArgs = {
    projectId: "fixture-project",
    clusterName: "fixture-cluster",
    dailyRetentionDays: 30,
    hourly: { everyHours: 4, retentionDays: 5 },
    restoreWindowDays: 3,
    snapshotHourUtc: 2,
};

/** The fixture's schedule, as `backupScheduleInputs` and `backupSummary` take it. */
const EXPECTED = { projectId: "fixture-project", clusterName: "fixture-cluster", snapshotHourUtc: 2, restoreWindowDays: 3, hourly: ARGS.hourly } as const;
const FIXTURE_COPY = { cloudProvider: "GCP", regionName: "AUSTRALIA_SOUTHEAST_2", zoneId: "fixture-zone" };

const build = fixtureBuild(ARGS, (args) => new ClusterBackups("b", args, onAtlas()));

describe("without copies or compliance policy", () => {
    const rec = recordOnce(() => build({}));

    test("one child, the schedule, on the given Atlas provider", () => {
        const children = childrenOf(rec, named(rec, "b", COMPONENT));
        expect(placement(children)).toEqual([
            { type: TYPES.atlasBackupSchedule, name: "b-schedule", provider: named(rec, "atlas", TYPES.atlasProvider).urn },
        ]);
    });

    test("the schedule: the daily item kept exactly 30 days, the hourly item and window as given, no copy settings, protected", () => {
        const schedule = named(rec, "b-schedule", TYPES.atlasBackupSchedule);
        expect(schedule.inputs).toEqual(backupScheduleInputs(EXPECTED));
        expect(schedule.options.protect).toBe(true);
    });

    test("the summary output, in plain values", () => {
        expect(rec.states.get(named(rec, "b", COMPONENT).urn)).toEqual({ summary: backupSummary({ ...EXPECTED, compliancePolicy: false }) });
    });
});

test("with copies: every snapshot and the oplog copied to the region, with the same retention, applied to copies already held", async () => {
    const rec = await build({ copy: COPY, zoneId: "fixture-zone" });
    const inputs = named(rec, "b-schedule", TYPES.atlasBackupSchedule).inputs;
    expect(inputs).toEqual(backupScheduleInputs({ ...EXPECTED, copy: FIXTURE_COPY }));
});

test("with the compliance policy: the same items as an undeletable floor, set after the schedule, which is then only forgotten on destroy", async () => {
    const rec = await build({ copy: COPY, zoneId: "fixture-zone", compliancePolicy: { authorizedUser: USER } });
    const schedule = named(rec, "b-schedule", TYPES.atlasBackupSchedule);
    const policy = named(rec, "b-compliance-policy", TYPES.atlasBackupCompliancePolicy);
    expect(policy.inputs).toEqual({
        projectId: "fixture-project",
        authorizedEmail: "ada@example.com",
        authorizedUserFirstName: "Ada",
        authorizedUserLastName: "Lovelace",
        copyProtectionEnabled: true,
        encryptionAtRestEnabled: true,
        pitEnabled: true,
        restoreWindowDays: 3,
        policyItemHourly: HOURLY,
        policyItemDaily: DAILY_30,
    });
    expect(policy.options.protect).toBe(true);
    expect(policy.dependencies).toContain(schedule.urn);
    expect(schedule.inputs["skipDestroy"]).toBe(true);
    expect((rec.states.get(named(rec, "b", COMPONENT).urn)!["summary"] as { compliancePolicy: boolean }).compliancePolicy).toBe(true);
});

test("without copies the compliance policy does not require copy protection", async () => {
    const rec = await build({ compliancePolicy: { authorizedUser: USER } });
    expect(named(rec, "b-compliance-policy", TYPES.atlasBackupCompliancePolicy).inputs["copyProtectionEnabled"]).toBe(false);
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
