/**
 * The operational-data cluster of the prod stack, asserted exactly (data policy "02.operational-data": Atlas,
 * in Australia; "06.operational-backup": failover; "05.encryption-and-access-control": encryption at rest with
 * the customer key, TLS 1.2 or later). Runs the real program under Pulumi's mock monitor.
 */
import type { Recording } from "../../../infra/offline/recorder";
import { UNKNOWN } from "../../../infra/offline/recorder";
import { AU_ATLAS_REGIONS } from "../../../infra/residency";
import { childrenOf, named, runStack } from "../../harness/stack";
import { atlasProviderUrn, CLUSTER, PROJECT_ID, providersOf, T } from "./helpers";

let rec: Recording;
beforeAll(async () => {
    rec = await runStack();
});

const PROD_CLUSTER_INPUTS = {
    projectId: PROJECT_ID,
    name: CLUSTER,
    clusterType: "REPLICASET",
    mongoDbMajorVersion: "8.0",
    backupEnabled: true,
    pitEnabled: true,
    retainBackupsEnabled: true,
    terminationProtectionEnabled: true,
    encryptionAtRestProvider: "AWS",
    redactClientLogData: true,
    advancedConfiguration: { minimumEnabledTlsProtocol: "TLS1_2" },
    replicationSpecs: [
        {
            regionConfigs: [
                { providerName: "AWS", regionName: "AP_SOUTHEAST_2", priority: 7, electableSpecs: { instanceSize: "M30", nodeCount: 3 } },
                { providerName: "AWS", regionName: "AP_SOUTHEAST_4", priority: 6, electableSpecs: { instanceSize: "M30", nodeCount: 2 } },
            ],
        },
    ],
    tags: { "data-policy-clause": "02.operational-data" },
};

test("the component holds exactly one cluster, on the explicit Atlas provider", () => {
    const component = named(rec, "atlas-cluster", "data-platform:operational-data:OperationalCluster");
    const children = childrenOf(rec, component);
    expect(children.map((c) => c.type)).toEqual([T.cluster]);
    expect(providersOf(children)).toEqual([{ name: "atlas-cluster", provider: atlasProviderUrn(rec) }]);
});

test("a replica set in Sydney (3 electable nodes, priority 7) and Melbourne (2 electable, priority 6), every setting exact", () => {
    const cluster = named(rec, "atlas-cluster", T.cluster);
    expect(cluster.inputs).toEqual(PROD_CLUSTER_INPUTS);
});

test("every region is Australian, and the replica set has 5 electable nodes, at least 3 of them in the primary region", () => {
    const configs = (named(rec, "atlas-cluster", T.cluster).inputs["replicationSpecs"] as any[])[0].regionConfigs as any[];
    expect(configs.map((c) => (AU_ATLAS_REGIONS as readonly string[]).includes(c.regionName))).toEqual([true, true]);
    expect(configs.reduce((n, c) => n + (c.electableSpecs?.nodeCount ?? 0), 0)).toBe(5);
    expect(configs[0].electableSpecs.nodeCount).toBeGreaterThanOrEqual(3);
});

test("the cluster is protected, and waits for the project's customer-key encryption (its projectId comes from it)", () => {
    const cluster = named(rec, "atlas-cluster", T.cluster);
    expect(cluster.options.protect).toBe(true);
    expect(cluster.propertyDependencies["projectId"]).toEqual([named(rec, "atlas-encryption-encryption-at-rest", T.encryptionAtRest).urn]);
});

test("without a second region: one region config with 3 electable nodes", async () => {
    const single = await runStack({
        mutate: (c) => {
            delete c["data-platform:atlas"].cluster.regions.secondary;
            delete c["data-platform:atlas"].backup.copyRegion;
        },
    });
    expect(named(single, "atlas-cluster", T.cluster).inputs["replicationSpecs"]).toEqual([
        { regionConfigs: [{ providerName: "AWS", regionName: "AP_SOUTHEAST_2", priority: 7, electableSpecs: { instanceSize: "M30", nodeCount: 3 } }] },
    ]);
});

test("a second region with read-only nodes only gets priority 0 and no electable spec", async () => {
    const readOnly = await runStack({
        mutate: (c) => (c["data-platform:atlas"].cluster.regions.secondary = { name: "AP_SOUTHEAST_4", readOnlyNodes: 2 }),
    });
    expect((named(readOnly, "atlas-cluster", T.cluster).inputs["replicationSpecs"] as any[])[0].regionConfigs[1]).toEqual({
        providerName: "AWS",
        regionName: "AP_SOUTHEAST_4",
        priority: 0,
        readOnlySpecs: { instanceSize: "M30", nodeCount: 2 },
    });
});

test("at preview every setting the policy pack reads is known; only the new project's id is not", async () => {
    const preview = await runStack({ preview: true });
    expect(named(preview, "atlas-cluster", T.cluster).inputs).toEqual({ ...PROD_CLUSTER_INPUTS, projectId: UNKNOWN });
});
