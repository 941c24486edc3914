/**
 * How the prod stack wires integrity monitoring of the operational data (infra/areas/operational-data.ts), asserted
 * exactly (data policy "09.integrity-monitoring", "09.integrity-response", "06.operational-backup"): which Atlas
 * events and metrics alert, at which thresholds, to whom, as the config says; and that a notification token from
 * secret config stays secret. The component on its own, with fixture args, is
 * tests/components/operational-data/integrity-alerts.test.ts.
 */
import type { Recording } from "../../infra/check/recorder";
import { childrenOf, named, ofType, runStack } from "../harness/stack";
import { atlasProviderUrn, PROJECT_ID, providersOf } from "../components/operational-data/helpers";
import { TYPES } from "../../infra/policy/lib/tokens";
import { recordOnce } from "../harness/record-once";
import { integrityAlertInputs } from "../harness/expected-inputs";

/** How many alert configurations prod declares (the event types of the first test). */
const PROD_ALERTS = 10;

const EMAIL = { typeName: "EMAIL", emailAddress: "platform-alerts@allotrac.com.au", delayMin: 0, intervalMin: 60 };
const TOKEN = "offline-test-value-of-the-alert-token";

const rec = recordOnce(() => runStack());

/** `suffix → inputs` of every alert in a run. */
function alertsBySuffix(r: Recording): Record<string, Record<string, unknown>> {
    return Object.fromEntries(ofType(r, TYPES.atlasAlertConfiguration).map((a) => [a.name.replace(/^atlas-alerts-/, ""), a.inputs]));
}

/** Prod's alerts: e-mail, 80 % CPU and disk, snapshot copies and the Resource Policy on, no compliance policy. */
const PROD = { projectId: PROJECT_ID, notification: EMAIL, cpuPercent: 80, diskPercent: 80, snapshotCopies: true, compliancePolicy: false, resourcePolicy: true } as const;

test("prod alerts on failed snapshots, copies and restores, on failover and replication trouble, CPU, disk, the key and the guardrail", () => {
    expect(alertsBySuffix(rec)).toEqual(integrityAlertInputs(PROD));
    const children = childrenOf(rec, named(rec, "atlas-alerts", "data-platform:operational-data:IntegrityAlerts"));
    expect(providersOf(children)).toEqual(children.map((c) => ({ name: c.name, provider: atlasProviderUrn(rec) })));
});

test("every alert is enabled, on the project, and e-mails the platform team every hour until acknowledged", () => {
    const project = named(rec, "atlas-project", TYPES.atlasProject).urn;
    const alerts = ofType(rec, TYPES.atlasAlertConfiguration);
    expect(alerts).toHaveLength(PROD_ALERTS);
    for (const alert of alerts) {
        expect({ name: alert.name, enabled: alert.inputs["enabled"], projectId: alert.inputs["projectId"], notifications: alert.inputs["notifications"] }).toEqual({
            name: alert.name,
            enabled: true,
            projectId: PROJECT_ID,
            notifications: [EMAIL],
        });
        expect(alert.propertyDependencies["projectId"]).toEqual([project]);
    }
});

test("thresholds: oplog window under 1 hour, normalized CPU above 80 %, data disk above 80 %", () => {
    const prod = integrityAlertInputs(PROD);
    for (const suffix of ["oplog-window", "cpu", "disk"]) {
        expect({ suffix, inputs: named(rec, `atlas-alerts-${suffix}`, TYPES.atlasAlertConfiguration).inputs }).toEqual({ suffix, inputs: prod[suffix] });
    }
});

test("a PagerDuty target gets the service key from secret config, as a secret, and it appears nowhere else", async () => {
    const pd = await runStack({
        mutate: (c) => (c["data-platform:atlas"].alerts.notification = { type: "PAGER_DUTY" }),
        secrets: { "data-platform:atlasAlertToken": TOKEN },
    });
    const alerts = ofType(pd, TYPES.atlasAlertConfiguration);
    expect(alerts).toHaveLength(PROD_ALERTS);
    for (const alert of alerts) {
        expect({ name: alert.name, notifications: alert.inputs["notifications"], secrets: alert.secretInputs }).toEqual({
            name: alert.name,
            notifications: [{ typeName: "PAGER_DUTY", serviceKey: TOKEN, delayMin: 0 }],
            secrets: ["notifications[0].serviceKey"],
        });
    }
    const elsewhere = pd.registrations.filter((r) => r.type !== TYPES.atlasAlertConfiguration && JSON.stringify(r.inputs).includes(TOKEN));
    expect(elsewhere.map((r) => r.name)).toEqual([]);
    expect(JSON.stringify(pd.outputs)).not.toContain(TOKEN);
});

test("a Slack target gets the API token as a secret and the configured channel", async () => {
    const slack = await runStack({
        mutate: (c) => (c["data-platform:atlas"].alerts.notification = { type: "SLACK", channelName: "#data-platform-alerts" }),
        secrets: { "data-platform:atlasAlertToken": TOKEN },
    });
    const alert = named(slack, "atlas-alerts-no-primary", TYPES.atlasAlertConfiguration);
    expect(alert.inputs["notifications"]).toEqual([
        { typeName: "SLACK", channelName: "#data-platform-alerts", apiToken: TOKEN, delayMin: 0, intervalMin: 60 },
    ]);
    expect(alert.secretInputs).toEqual(["notifications[0].apiToken"]);
});

test("alerts that belong to optional features come and go with them", async () => {
    const minimal = await runStack({
        mutate: (c) => {
            delete c["data-platform:atlas"].backup.copyRegion;
            c["data-platform:atlas"].resourcePolicy.enabled = false;
            c["data-platform:atlas"].backup.compliancePolicy = {
                enabled: true,
                authorizedUser: { firstName: "Dana", lastName: "Nguyen", email: "security@allotrac.com.au" },
            };
        },
    });
    // No copies: no copy alert. No guardrail: no violation alert. Compliance policy on: its disable-request alert.
    expect(alertsBySuffix(minimal)).toEqual(integrityAlertInputs({ ...PROD, snapshotCopies: false, resourcePolicy: false, compliancePolicy: true }));
});

test("the CPU and disk thresholds come from config", async () => {
    const tuned = await runStack({
        mutate: (c) => Object.assign(c["data-platform:atlas"].alerts, { cpuPercent: 70, diskPercent: 90 }),
    });
    expect((named(tuned, "atlas-alerts-cpu", TYPES.atlasAlertConfiguration).inputs["metricThresholdConfig"] as { threshold: number }).threshold).toBe(70);
    expect((named(tuned, "atlas-alerts-disk", TYPES.atlasAlertConfiguration).inputs["metricThresholdConfig"] as { threshold: number }).threshold).toBe(90);
});
