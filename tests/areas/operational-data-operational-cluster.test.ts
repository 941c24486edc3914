/**
 * How the prod stack wires the operational-data cluster (infra/areas/operational-data.ts), asserted exactly (data policy "02.operational-data": Atlas,
 * in Australia; "06.operational-backup": failover; "05.encryption-and-access-control": encryption at rest with
 * the customer key, TLS 1.2 or later). Runs the real program under Pulumi's mock monitor. The component on its own,
 * with fixture args, is tests/components/operational-data/operational-cluster.test.ts.
 */
import * as pulumi from "@pulumi/pulumi";
import { mockAtlasId } from "../../infra/check/mock-outputs";
import { UNKNOWN } from "../../infra/check/recorder";
import { AU_ATLAS_REGIONS } from "../../infra/residency";
import { childrenOf, named, runStack } from "../harness/stack";
import { atlasProviderUrn, CLUSTER, PROJECT_ID, providersOf, ZONE_ID } from "../components/operational-data/helpers";
import { TYPES } from "../../infra/policy/lib/tokens";
import { clusterRegion, operationalClusterInputs } from "../harness/expected-inputs";
import { recordOnce } from "../harness/record-once";

const rec = recordOnce(() => runStack());

const PROD_CLUSTER_INPUTS = operationalClusterInputs({
    projectId: PROJECT_ID,
    name: CLUSTER,
    version: "8.0",
    regions: [clusterRegion("AWS", "AP_SOUTHEAST_2", 7, "M30", { electable: 3 }), clusterRegion("AWS", "AP_SOUTHEAST_4", 6, "M30", { electable: 2 })],
});

test("the component holds exactly one cluster, on the explicit Atlas provider", () => {
    const component = named(rec, "atlas-cluster", "data-platform:operational-data:OperationalCluster");
    const children = childrenOf(rec, component);
    expect(children.map((c) => c.type)).toEqual([TYPES.atlasAdvancedCluster]);
    expect(providersOf(children)).toEqual([{ name: "atlas-cluster", provider: atlasProviderUrn(rec) }]);
});

test("a replica set in Sydney (3 electable nodes, priority 7) and Melbourne (2 electable, priority 6), every setting exact", () => {
    const cluster = named(rec, "atlas-cluster", TYPES.atlasAdvancedCluster);
    expect(cluster.inputs).toEqual(PROD_CLUSTER_INPUTS);
});

test("every region is Australian, and the replica set has 5 electable nodes, at least 3 of them in the primary region", () => {
    const configs = (named(rec, "atlas-cluster", TYPES.atlasAdvancedCluster).inputs["replicationSpecs"] as any[])[0].regionConfigs as any[];
    expect(configs.map((c) => (AU_ATLAS_REGIONS as readonly string[]).includes(c.regionName))).toEqual([true, true]);
    expect(configs.reduce((n, c) => n + (c.electableSpecs?.nodeCount ?? 0), 0)).toBe(5);
    expect(configs[0].electableSpecs.nodeCount).toBeGreaterThanOrEqual(3);
});

test("the cluster is protected, its connection strings are a secret output, and it waits for the project's customer-key encryption", () => {
    const cluster = named(rec, "atlas-cluster", TYPES.atlasAdvancedCluster);
    expect(cluster.options.protect).toBe(true);
    // `connectionStrings` names every host: secret in the state, not only in the stack output built from it.
    expect(cluster.options.additionalSecretOutputs).toEqual(["connectionStrings"]);
    // Its projectId comes from the EncryptionAtRest configuration, so it is created after it.
    expect(cluster.propertyDependencies["projectId"]).toEqual([named(rec, "atlas-encryption-encryption-at-rest", TYPES.atlasEncryptionAtRest).urn]);
});

test("the component's outputs: name, ids and zone in the clear, the connection string as a secret", () => {
    const component = named(rec, "atlas-cluster", "data-platform:operational-data:OperationalCluster");
    expect(rec.states.get(component.urn)).toEqual({
        clusterName: CLUSTER,
        clusterId: mockAtlasId("atlas-cluster-cluster"),
        projectId: PROJECT_ID,
        zoneId: ZONE_ID,
        connectionString: { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value: `mongodb+srv://${CLUSTER}.mock0.mongodb.net` },
    });
});

test("without a second region: one region config with 3 electable nodes", async () => {
    const single = await runStack({
        mutate: (c) => {
            delete c["data-platform:atlas"].cluster.regions.secondary;
            delete c["data-platform:atlas"].backup.copyRegion;
        },
    });
    expect(named(single, "atlas-cluster", TYPES.atlasAdvancedCluster).inputs["replicationSpecs"]).toEqual([
        { regionConfigs: [clusterRegion("AWS", "AP_SOUTHEAST_2", 7, "M30", { electable: 3 })] },
    ]);
});

test("a second region with read-only nodes only gets priority 0 and no electable spec", async () => {
    const readOnly = await runStack({
        mutate: (c) => (c["data-platform:atlas"].cluster.regions.secondary = { name: "AP_SOUTHEAST_4", readOnlyNodes: 2 }),
    });
    expect((named(readOnly, "atlas-cluster", TYPES.atlasAdvancedCluster).inputs["replicationSpecs"] as any[])[0].regionConfigs[1]).toEqual(clusterRegion("AWS", "AP_SOUTHEAST_4", 0, "M30", { readOnly: 2 }));
});

test("at preview every setting the policy pack reads is known; only the new project's id is not", async () => {
    const preview = await runStack({ preview: true });
    expect(named(preview, "atlas-cluster", TYPES.atlasAdvancedCluster).inputs).toEqual({ ...PROD_CLUSTER_INPUTS, projectId: UNKNOWN });
});
