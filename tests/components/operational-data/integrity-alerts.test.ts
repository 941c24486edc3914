/**
 * `IntegrityAlerts` on its own, with fixture args (data policy "09.integrity-monitoring", "09.integrity-response",
 * "06.operational-backup"): every alert enabled on the given project, at the given CPU and disk thresholds, the
 * optional ones exactly when their feature is on, all to the given target; a PagerDuty or Slack token is marked secret
 * even when given as a plain value, and never reaches the component's outputs. How the prod stack wires it from config
 * is tests/areas/operational-data-integrity-alerts.test.ts.
 */
import * as mongodbatlas from "@pulumi/mongodbatlas";
import * as pulumi from "@pulumi/pulumi";
import { IntegrityAlerts, type IntegrityAlertsArgs } from "../../../infra/components/operational-data/integrity-alerts";
import { mockAtlasId } from "../../../infra/check/mock-outputs";
import type { Recording } from "../../../infra/check/recorder";
import { buildAlone, tryBuildAlone } from "../../harness/build-alone";
import { integrityAlertInputs } from "../../harness/expected-inputs";
import { childrenOf, named, ofType } from "../../harness/stack";
import { onAtlas, ONLY_STACK_AND_PROVIDER, providersOf } from "./helpers";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:operational-data:IntegrityAlerts";
const TOKEN = "fixture-value-of-the-alert-token";

/** Fixture args: not prod's, so that a prod config edit cannot change what this file asserts. */
const ARGS: Omit<IntegrityAlertsArgs, "projectId"> = {
    notification: { typeName: "EMAIL", emailAddress: "alerts@fixture.example.com" },
    cpuPercent: 75,
    diskPercent: 85,
    snapshotCopies: true,
    compliancePolicy: true,
    resourcePolicy: true,
};
const FIXTURE_EMAIL = { typeName: "EMAIL", emailAddress: "alerts@fixture.example.com", delayMin: 0, intervalMin: 60 };

function build(args: Partial<IntegrityAlertsArgs>): Promise<Recording> {
    return buildAlone(() => {
        const atlas = new mongodbatlas.Provider("atlas", {});
        const project = new mongodbatlas.Project("proj", { orgId: "fixture-org", name: "fixture" }, { provider: atlas });
        return new IntegrityAlerts("a", { ...ARGS, projectId: project.id, ...args }, { providers: [atlas] });
    });
}

/** `suffix → inputs` of every alert configuration of a run. */
function alertsBySuffix(rec: Recording): Record<string, Record<string, unknown>> {
    return Object.fromEntries(ofType(rec, TYPES.atlasAlertConfiguration).map((a) => [a.name.replace(/^a-/, ""), a.inputs]));
}

describe("with every optional feature on", () => {
    const rec = recordOnce(() => build({}));

    test("eleven alerts, each exact: enabled, on the project, the given thresholds, e-mailing the given address every hour", () => {
        const expected = integrityAlertInputs({ ...ARGS, projectId: mockAtlasId("proj"), notification: FIXTURE_EMAIL, snapshotCopies: true, compliancePolicy: true, resourcePolicy: true });
        expect(Object.keys(expected)).toHaveLength(11);
        expect(alertsBySuffix(rec)).toEqual(expected);
    });

    test("the component holds exactly the alerts, all on the given Atlas provider, each taking the project id by reference", () => {
        const children = childrenOf(rec, named(rec, "a", COMPONENT));
        expect(children.map((c) => c.type)).toEqual(Array<string>(11).fill(TYPES.atlasAlertConfiguration));
        const atlas = named(rec, "atlas", TYPES.atlasProvider).urn;
        expect(providersOf(children)).toEqual(children.map((c) => ({ name: c.name, provider: atlas })));
        const project = named(rec, "proj", TYPES.atlasProject).urn;
        expect(children.map((c) => c.propertyDependencies["projectId"])).toEqual(children.map(() => [project]));
    });
});

test("with every optional feature off: no copy, compliance or guardrail alert, the eight others unchanged", async () => {
    const rec = await build({ snapshotCopies: false, compliancePolicy: false, resourcePolicy: false });
    expect(alertsBySuffix(rec)).toEqual(
        integrityAlertInputs({ ...ARGS, projectId: mockAtlasId("proj"), notification: FIXTURE_EMAIL, snapshotCopies: false, compliancePolicy: false, resourcePolicy: false }),
    );
    expect(ofType(rec, TYPES.atlasAlertConfiguration)).toHaveLength(8);
});

describe.each([
    {
        target: "PagerDuty",
        notification: { typeName: "PAGER_DUTY", serviceKey: pulumi.output(TOKEN) } as const,
        expected: { typeName: "PAGER_DUTY", serviceKey: TOKEN, delayMin: 0 },
        secret: "notifications[0].serviceKey",
    },
    {
        target: "Slack",
        notification: { typeName: "SLACK", channelName: "#fixture-alerts", apiToken: pulumi.output(TOKEN) } as const,
        expected: { typeName: "SLACK", channelName: "#fixture-alerts", apiToken: TOKEN, delayMin: 0, intervalMin: 60 },
        secret: "notifications[0].apiToken",
    },
])("a $target target given its token as a plain value", ({ notification, expected, secret }) => {
    const rec = recordOnce(() => build({ notification }));

    test("every alert carries the notification exactly, with the token marked secret", () => {
        const alerts = ofType(rec, TYPES.atlasAlertConfiguration);
        expect(alerts).toHaveLength(11);
        expect(alerts.map((a) => ({ name: a.name, notifications: a.inputs["notifications"], secrets: a.secretInputs }))).toEqual(
            alerts.map((a) => ({ name: a.name, notifications: [expected], secrets: [secret] })),
        );
    });

    test("the token appears in no other registration and not in the component's outputs", () => {
        const elsewhere = rec.registrations.filter((r) => r.type !== TYPES.atlasAlertConfiguration && JSON.stringify(r.inputs).includes(TOKEN));
        expect(elsewhere.map((r) => r.name)).toEqual([]);
        expect(JSON.stringify(rec.states.get(named(rec, "a", COMPONENT).urn))).not.toContain(TOKEN);
    });
});

test("the component's outputs are Atlas's id of each alert configuration, by suffix (ids only, never a notification token)", async () => {
    let ids: Record<string, pulumi.Output<string>> = {};
    let own: Record<string, pulumi.Output<string>> = {};
    const built = await tryBuildAlone(() => {
        const alerts = new IntegrityAlerts(
            "a",
            {
                projectId: "p",
                notification: { typeName: "EMAIL", emailAddress: "alerts@example.com" },
                cpuPercent: 80,
                diskPercent: 80,
                snapshotCopies: false,
                compliancePolicy: false,
                resourcePolicy: true,
            },
            onAtlas(),
        );
        ids = { ...alerts.alertConfigurationIds };
        own = Object.fromEntries(Object.entries(alerts.alerts).map(([k, a]) => [k, a.alertConfigurationId]));
    });
    expect(built).toEqual({
        error: undefined,
        registered: [...ONLY_STACK_AND_PROVIDER, "data-platform:operational-data:IntegrityAlerts", ...Array<string>(9).fill(TYPES.atlasAlertConfiguration)],
    });
    expect(Object.keys(ids)).toEqual([
        "backup-snapshot-failed",
        "backup-restore-failed",
        "no-primary",
        "primary-elected",
        "oplog-window",
        "cpu",
        "disk",
        "encryption-key-invalid",
        "resource-policy-violated",
    ]);
    // Each is the alert configuration's own `alertConfigurationId` output, not a copy or a derived value.
    expect(Object.entries(ids).filter(([k, v]) => v !== own[k])).toEqual([]);
});
