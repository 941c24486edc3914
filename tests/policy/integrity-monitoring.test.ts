/**
 * §09 integrity monitoring through the real pack: the prod stack's Atlas alerts and Redis dataset-size alert (at
 * preview) pass; removing, disabling or silencing one fails with the exact message.
 */
import { UNKNOWN, type Recording } from "../../infra/check/recorder";
import { TYPES } from "../../infra/policy/lib/tokens";
import { mandatory, mutateResource, policySuite, violationsOf, withoutResources, withoutWhere } from "../harness/policy";

const suite = policySuite();

describe("atlas-cluster-integrity-alerts (stack)", () => {
    const policy = "atlas-cluster-integrity-alerts";
    const stack = async (rec: Recording) => violationsOf(await suite.pack.analyzeStack(rec), policy);
    const finding = (what: string, why: string) => mandatory(`Atlas cluster atlas-cluster: no enabled alert with a notification target on ${what} in its project: ${why}.`);
    const SNAPSHOT = "a failed backup snapshot (CPS_SNAPSHOT_FAILED)";
    const PRIMARY = "the loss of the primary (NO_PRIMARY)";
    const LAG = "replication lag (REPLICATION_OPLOG_WINDOW_RUNNING_OUT, or OUTSIDE_METRIC_THRESHOLD on OPLOG_SLAVE_LAG_MASTER_TIME GREATER_THAN)";
    const DISK = "disk pressure (OUTSIDE_METRIC_THRESHOLD on DISK_PARTITION_SPACE_USED_DATA GREATER_THAN)";
    const alerts = () => suite.rec.registrations.filter((r) => r.type === TYPES.atlasAlertConfiguration).map((r) => r.name);

    test("passes prod: the alerts reach the cluster's project through the encryption-at-rest configuration", async () => {
        expect(await stack(suite.rec)).toEqual([]);
    });
    test("fails when the snapshot-failure alert is gone", async () => {
        expect(await stack(withoutResources(suite.rec, "atlas-alerts-backup-snapshot-failed"))).toEqual([finding(SNAPSHOT, "no alert configuration matches")]);
    });
    test("fails a disabled no-primary alert", async () => {
        expect(await stack(mutateResource(suite.rec, "atlas-alerts-no-primary", (p) => (p["enabled"] = false)))).toEqual([
            finding(PRIMARY, "atlas-alerts-no-primary is not enabled"),
        ]);
    });
    test("fails an alert left at the provider's default (enabled unset, i.e. off)", async () => {
        expect(await stack(mutateResource(suite.rec, "atlas-alerts-no-primary", (p) => delete p["enabled"]))).toEqual([
            finding(PRIMARY, "atlas-alerts-no-primary is not enabled"),
        ]);
    });
    test("fails an oplog-window alert that notifies nobody", async () => {
        expect(await stack(mutateResource(suite.rec, "atlas-alerts-oplog-window", (p) => (p["notifications"] = [])))).toEqual([
            finding(LAG, "atlas-alerts-oplog-window has no notification target"),
        ]);
    });
    test("fails notifications that reach nobody: GROUP with e-mail and SMS off, EMAIL without an address", async () => {
        const notify = (n: Record<string, unknown>) => mutateResource(suite.rec, "atlas-alerts-oplog-window", (p) => (p["notifications"] = [n]));
        const none = [finding(LAG, "atlas-alerts-oplog-window has no notification target")];
        expect(await stack(notify({ typeName: "GROUP", emailEnabled: false, smsEnabled: false }))).toEqual(none);
        expect(await stack(notify({ typeName: "EMAIL" }))).toEqual(none);
        expect(await stack(notify({ typeName: "SLACK", channelName: "#ops" }))).toEqual(none);
    });
    test("fails a disk alert above 90 %", async () => {
        expect(await stack(mutateResource(suite.rec, "atlas-alerts-disk", (p) => (p["metricThresholdConfig"].threshold = 95)))).toEqual([
            finding(DISK, "atlas-alerts-disk fires at 95 %, above 90 %"),
        ]);
    });
    test("a replication-lag metric alert stands in for the oplog-window alert", async () => {
        const lagMetric = mutateResource(suite.rec, "atlas-alerts-oplog-window", (p) => {
            p["eventType"] = "OUTSIDE_METRIC_THRESHOLD";
            delete p["thresholdConfig"];
            p["metricThresholdConfig"] = { metricName: "OPLOG_SLAVE_LAG_MASTER_TIME", operator: "GREATER_THAN", threshold: 60, units: "SECONDS", mode: "AVERAGE" };
        });
        expect(await stack(lagMetric)).toEqual([]);
    });
    test("fails a disk alert that fires below the threshold instead of above it", async () => {
        expect(await stack(mutateResource(suite.rec, "atlas-alerts-disk", (p) => (p["metricThresholdConfig"].operator = "LESS_THAN")))).toEqual([
            finding(DISK, "no alert configuration matches"),
        ]);
    });
    test("the CPU alert does not count as a disk alert", async () => {
        expect(await stack(withoutResources(suite.rec, "atlas-alerts-disk"))).toEqual([finding(DISK, "no alert configuration matches")]);
    });
    test("alerts of another project do not count", async () => {
        let other = suite.rec;
        for (const name of alerts()) other = mutateResource(withoutProjectReference(other, name), name, (p) => (p["projectId"] = "another-project-id"));
        expect(await stack(other)).toEqual([
            finding(SNAPSHOT, "no alert configuration matches"),
            finding(PRIMARY, "no alert configuration matches"),
            finding(LAG, "no alert configuration matches"),
            finding(DISK, "no alert configuration matches"),
        ]);
    });
    test("a literal project id on the cluster and its alerts pairs them", async () => {
        let literal = mutateResource(withoutProjectReference(suite.rec, "atlas-cluster"), "atlas-cluster", (p) => (p["projectId"] = "0123456789abcdef01234567"));
        for (const name of alerts()) literal = mutateResource(withoutProjectReference(literal, name), name, (p) => (p["projectId"] = "0123456789abcdef01234567"));
        expect(await stack(literal)).toEqual([]);
    });
    test("judges a legacy mongodbatlas.Cluster too", async () => {
        const legacy: Recording = { ...suite.rec, registrations: suite.rec.registrations.map((r) => (r.name === "atlas-cluster" && r.custom ? { ...r, type: TYPES.atlasLegacyCluster } : r)) };
        expect(await stack(legacy)).toEqual([]);
        expect(await stack(withoutResources(legacy, "atlas-alerts-backup-snapshot-failed"))).toEqual([finding(SNAPSHOT, "no alert configuration matches")]);
    });
    test("does not apply to a stack without Atlas clusters", async () => {
        const noCluster = withoutWhere(suite.rec, (r) => r.type === TYPES.atlasAdvancedCluster);
        const result = await suite.pack.analyzeStack(noCluster);
        expect(violationsOf(result, policy)).toEqual([]);
        expect(result.notApplicable.find((n) => n.policyName === policy)?.reason).toBe("the stack has no Atlas clusters");
    });
});

describe("redis-database-dataset-size-alert", () => {
    const policy = "redis-database-dataset-size-alert";
    const check = (change?: (p: Record<string, any>) => void) => suite.violations("redis-pubsub", policy, change);
    test("passes prod (dataset-size at 75%)", async () => {
        expect(suite.resource("redis-pubsub").rawInputs["alerts"]).toContainEqual({ name: "dataset-size", value: 75 });
        expect(await check()).toEqual([]);
    });
    test("fails without the dataset-size alert", async () => {
        expect(await check((p) => (p["alerts"] = p["alerts"].filter((a: { name: string }) => a.name !== "dataset-size")))).toEqual([
            mandatory("Redis database redis-pubsub has no dataset-size alert."),
        ]);
    });
    test("fails without any alert", async () => {
        expect(await check((p) => delete p["alerts"])).toEqual([mandatory("Redis database redis-pubsub has no dataset-size alert.")]);
    });
    test("fails alerts unknown at preview instead of passing them", async () => {
        const msg = mandatory("Redis database redis-pubsub has alerts not known until the update runs, so its dataset-size alert cannot be shown; take them from config or a literal.");
        expect(await check((p) => (p["alerts"] = UNKNOWN))).toEqual([msg]);
        expect(await check((p) => (p["alerts"].find((a: { name: string }) => a.name === "dataset-size").value = UNKNOWN))).toEqual([msg]);
    });
    test("fails a threshold above 100%, which never fires", async () => {
        expect(await check((p) => (p["alerts"].find((a: { name: string }) => a.name === "dataset-size").value = 150))).toEqual([
            mandatory("Redis database redis-pubsub has a dataset-size alert at 150; it must be a percentage of the memory limit from 1 to 100."),
        ]);
    });
});

/** As if the program had passed `name` a literal project id instead of a reference. */
function withoutProjectReference(rec: Recording, name: string): Recording {
    return {
        ...rec,
        registrations: rec.registrations.map((r) => {
            if (r.name !== name || !r.custom) return r;
            const { projectId: _dropped, ...rest } = r.propertyDependencies;
            return { ...r, propertyDependencies: rest };
        }),
    };
}
