/**
 * How operational data is wired into the prod stack: the Atlas project (data policy "02.operational-data"), the
 * explicit Atlas provider and its credentials (secret), every Atlas resource on that provider inside an
 * operational-data component, and the stack outputs (the connection string secret).
 */
import { mockAtlasId } from "../../infra/check/mock-outputs";
import { UNKNOWN } from "../../infra/check/recorder";
import { childrenOf, named, providerUrn, runStack } from "../harness/stack";
import { atlasProviderUrn, CLUSTER } from "../components/operational-data/helpers";
import { TYPES } from "../../infra/policy/lib/tokens";
import { recordOnce } from "../harness/record-once";
import { atlasProjectInputs, backupSummary } from "../harness/expected-inputs";

const PUBLIC = "offline-test-value-of-the-atlas-public-key";
const PRIVATE = "offline-test-value-of-the-atlas-private-key";
const ORG_PUBLIC = "offline-test-value-of-the-atlas-org-public-key";
const ORG_PRIVATE = "offline-test-value-of-the-atlas-org-private-key";

const rec = recordOnce(() => runStack({
    secrets: {
        "mongodbatlas:publicKey": PUBLIC,
        "mongodbatlas:privateKey": PRIVATE,
        "data-platform:atlasOrgPublicKey": ORG_PUBLIC,
        "data-platform:atlasOrgPrivateKey": ORG_PRIVATE,
    },
}));

test("the project: in the configured org, Atlas's default alerts kept, every feature that moves database content off, tagged, protected", () => {
    const project = named(rec, "atlas-project", TYPES.atlasProject);
    expect(childrenOf(rec, named(rec, "atlas-project", "data-platform:operational-data:AtlasProject"))).toEqual([project]);
    expect(project.inputs).toEqual(atlasProjectInputs("000000000000000000000000", "allotrac-prod-operational"));
    expect(project.options.protect).toBe(true);
});

test("two Atlas providers, the workload's and the org-level one, each given its own key pair from secret config as secrets; the keys appear nowhere else", () => {
    const providers = rec.registrations.filter((r) => r.type === TYPES.atlasProvider);
    expect(providers.map((p) => ({ name: p.name, inputs: p.inputs, secrets: [...p.secretInputs].sort() }))).toEqual([
        { name: "atlas", inputs: { publicKey: PUBLIC, privateKey: PRIVATE }, secrets: ["privateKey", "publicKey"] },
        { name: "atlas-org", inputs: { publicKey: ORG_PUBLIC, privateKey: ORG_PRIVATE }, secrets: ["privateKey", "publicKey"] },
    ]);
    const elsewhere = rec.registrations.filter((r) => r.type !== TYPES.atlasProvider && /offline-test-value-of-the-atlas/.test(JSON.stringify(r.inputs)));
    expect(elsewhere.map((r) => r.name)).toEqual([]);
    expect(JSON.stringify(rec.outputs)).not.toContain("offline-test-value-of-the-atlas");
});

test("without secret config the providers get no credentials (the plugin then reads MONGODB_ATLAS_PUBLIC_KEY/PRIVATE_KEY; pulumi up refuses that for atlas-org, tests/config.test.ts)", async () => {
    const plain = await runStack();
    expect(named(plain, "atlas", TYPES.atlasProvider).inputs).toEqual({});
    expect(named(plain, "atlas-org", TYPES.atlasProvider).inputs).toEqual({});
});

test("with the Resource Policy off there is no org-level Atlas provider at all", async () => {
    const off = await runStack({ mutate: (c) => (c["data-platform:atlas"].resourcePolicy.enabled = false) });
    expect(off.registrations.filter((r) => r.type === TYPES.atlasProvider).map((p) => p.name)).toEqual(["atlas"]);
});

test("every Atlas resource uses the workload provider and sits in an operational-data component (the log export in the audit one); only the org's Resource Policy uses atlas-org", () => {
    const workload = atlasProviderUrn(rec);
    const org = named(rec, "atlas-org", TYPES.atlasProvider).urn;
    const atlas = rec.registrations.filter((r) => r.type.startsWith("mongodbatlas:"));
    expect(atlas).toHaveLength(22);
    for (const r of atlas) {
        const parent = rec.registrations.find((p) => p.urn === r.parent);
        expect({ name: r.name, provider: providerUrn(r.provider), parent: parent?.type.split(":").slice(0, 2).join(":") }).toEqual({
            name: r.name,
            provider: r.type === "mongodbatlas:index/resourcePolicy:ResourcePolicy" ? org : workload,
            parent: r.type === "mongodbatlas:index/pushBasedLogExport:PushBasedLogExport" ? "data-platform:audit" : "data-platform:operational-data",
        });
    }
    expect(atlas.filter((r) => providerUrn(r.provider) === org).map((r) => r.type)).toEqual(["mongodbatlas:index/resourcePolicy:ResourcePolicy"]);
});

test("outputs: cluster name and id, the backup summary in plain values, and the connection string as a secret", () => {
    expect({
        atlasCluster: rec.outputs["atlasCluster"],
        atlasConnectionString: rec.outputs["atlasConnectionString"],
        atlasBackupSchedule: rec.outputs["atlasBackupSchedule"],
    }).toEqual({
        atlasCluster: { name: CLUSTER, id: mockAtlasId("atlas-cluster-cluster") },
        atlasConnectionString: `mongodb+srv://${CLUSTER}.mock0.mongodb.net`,
        atlasBackupSchedule: backupSummary({
            snapshotHourUtc: 16,
            restoreWindowDays: 7,
            hourly: { everyHours: 6, retentionDays: 7 },
            copy: { regionName: "AP_SOUTHEAST_4" },
            compliancePolicy: false,
        }),
    });
    // The whole stack's secret outputs: of the Atlas ones only the connection string (the Redis connection details
    // are the other one; tests/areas/ephemeral-data-redis-database.test.ts).
    expect(rec.secretOutputs).toEqual(["atlasConnectionString", "redisConnection"]);
});

test("at preview the backup summary is already known; the outputs that hold the cluster id or the connection string are not", async () => {
    const preview = await runStack({ preview: true });
    expect({
        atlasCluster: preview.outputs["atlasCluster"],
        atlasConnectionString: preview.outputs["atlasConnectionString"],
        atlasBackupSchedule: preview.outputs["atlasBackupSchedule"],
    }).toEqual({ atlasCluster: UNKNOWN, atlasConnectionString: UNKNOWN, atlasBackupSchedule: rec.outputs["atlasBackupSchedule"] });
    // Unknown, and still secret: a preview never shows the connection string in the clear either.
    expect(preview.secretOutputs).toEqual(["atlasConnectionString", "redisConnection"]);
    expect(named(preview, "atlas-cluster", TYPES.atlasAdvancedCluster).inputs["name"]).toBe(CLUSTER);
});
