/**
 * `OperationalCluster` on its own, with fixture args (data policy "02.operational-data": Atlas, in Australia;
 * "06.operational-backup": failover; "05.encryption-and-access-control": encryption at rest with the customer key,
 * TLS 1.2 or later): one replica set in the given Australian regions, every setting exact, protected, on the given
 * project and Atlas provider; and the refusal of too few primary nodes or a region outside Australia. How the prod
 * stack wires it from config is tests/areas/operational-data-operational-cluster.test.ts.
 */
import * as mongodbatlas from "@pulumi/mongodbatlas";
import * as pulumi from "@pulumi/pulumi";
import { OperationalCluster, type OperationalClusterArgs } from "../../../infra/components/operational-data/operational-cluster";
import { mockAtlasId } from "../../../infra/check/mock-outputs";
import type { Recording } from "../../../infra/check/recorder";
import { childrenOf, named } from "../../harness/stack";
import { onAtlas, ONLY_STACK_AND_PROVIDER, providersOf } from "./helpers";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { buildAlone, tryBuildAlone } from "../../harness/build-alone";
import { clusterRegion, operationalClusterInputs } from "../../harness/expected-inputs";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:operational-data:OperationalCluster";

/** Fixture args: not prod's, so that a prod config edit cannot change what this file asserts. */
const ARGS: Omit<OperationalClusterArgs, "projectId"> = {
    clusterName: "fixture-cluster",
    instanceSize: "M10",
    mongoDbMajorVersion: "7.0",
    primaryRegion: { name: "AUSTRALIA_SOUTHEAST_1", electableNodes: 3, readOnlyNodes: 1 },
    secondaryRegion: { name: "AUSTRALIA_SOUTHEAST_2", electableNodes: 0, readOnlyNodes: 2 },
    tags: { team: "fixture" },
};

function build(args: Partial<OperationalClusterArgs>): Promise<Recording> {
    return buildAlone(() => {
        const atlas = new mongodbatlas.Provider("atlas", {});
        const project = new mongodbatlas.Project("proj", { orgId: "fixture-org", name: "fixture" }, { provider: atlas });
        return new OperationalCluster("c", { ...ARGS, projectId: project.id, ...args }, { providers: [atlas] });
    });
}

describe("with fixture args", () => {
    const rec = recordOnce(() => build({}));

    test("the component holds exactly one cluster, on the given Atlas provider", () => {
        const children = childrenOf(rec, named(rec, "c", COMPONENT));
        expect(children.map((c) => c.type)).toEqual([TYPES.atlasAdvancedCluster]);
        expect(providersOf(children)).toEqual([{ name: "c", provider: named(rec, "atlas", TYPES.atlasProvider).urn }]);
    });

    test("a replica set in the given regions (read-only-only secondary at priority 0), every setting exact, the clause tag over the given tags", () => {
        expect(named(rec, "c", TYPES.atlasAdvancedCluster).inputs).toEqual(
            operationalClusterInputs({
                projectId: mockAtlasId("proj"),
                name: "fixture-cluster",
                version: "7.0",
                regions: [
                    clusterRegion("GCP", "AUSTRALIA_SOUTHEAST_1", 7, "M10", { electable: 3, readOnly: 1 }),
                    clusterRegion("GCP", "AUSTRALIA_SOUTHEAST_2", 0, "M10", { readOnly: 2 }),
                ],
                tags: { team: "fixture" },
            }),
        );
    });

    test("the cluster is protected, its connection strings are a secret output, and it is on the given project by reference", () => {
        const cluster = named(rec, "c", TYPES.atlasAdvancedCluster);
        expect(cluster.options.protect).toBe(true);
        expect(cluster.options.additionalSecretOutputs).toEqual(["connectionStrings"]);
        expect(cluster.propertyDependencies["projectId"]).toEqual([named(rec, "proj", TYPES.atlasProject).urn]);
    });

    test("the component's outputs: name, ids and zone in the clear, the connection string as a secret", () => {
        expect(rec.states.get(named(rec, "c", COMPONENT).urn)).toEqual({
            clusterName: "fixture-cluster",
            clusterId: mockAtlasId("c-cluster"),
            projectId: mockAtlasId("proj"),
            zoneId: mockAtlasId("c-zone-0"),
            connectionString: { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value: "mongodb+srv://fixture-cluster.mock0.mongodb.net" },
        });
    });
});

test("without a second region: one region config", async () => {
    const rec = await build({ secondaryRegion: undefined, primaryRegion: { name: "AP_SOUTHEAST_4", electableNodes: 5 } });
    expect(named(rec, "c", TYPES.atlasAdvancedCluster).inputs["replicationSpecs"]).toEqual([
        { regionConfigs: [clusterRegion("AWS", "AP_SOUTHEAST_4", 7, "M10", { electable: 5 })] },
    ]);
});

describe("OperationalCluster on its own (no config validation in front of it)", () => {
    function withPrimaryNodes(electableNodes: number) {
        return tryBuildAlone(
            () =>
                new OperationalCluster(
                    "c",
                    {
                        projectId: "p",
                        clusterName: "c",
                        instanceSize: "M30",
                        mongoDbMajorVersion: "8.0",
                        primaryRegion: { name: "AP_SOUTHEAST_2", electableNodes },
                    },
                    onAtlas(),
                ),
        );
    }

    test("refuses fewer than 3 electable nodes in the primary region before anything is registered", async () => {
        expect(await withPrimaryNodes(2)).toEqual({
            error: "OperationalCluster c: primaryRegion.electableNodes = 2 is not allowed; expected a whole number, at least 3 (automatic failover, data policy §06).",
            registered: ONLY_STACK_AND_PROVIDER,
        });
    });

    test("refuses a primary or secondary region outside Australia before anything is registered", async () => {
        const outside = (field: string) => ({
            error:
                `OperationalCluster c: ${field} = "US_EAST_1" is not allowed; expected an Australian Atlas region (AP_SOUTHEAST_2 | AP_SOUTHEAST_4 | ` +
                "AUSTRALIA_SOUTHEAST_1 | AUSTRALIA_SOUTHEAST_2 | AUSTRALIA_EAST | AUSTRALIA_SOUTH_EAST | AUSTRALIA_CENTRAL | AUSTRALIA_CENTRAL_2); " +
                "data policy §02 keeps operational data in Australia.",
            registered: ONLY_STACK_AND_PROVIDER,
        });
        const args = { projectId: "p", clusterName: "c", instanceSize: "M30", mongoDbMajorVersion: "8.0" };
        const us = "US_EAST_1" as "AP_SOUTHEAST_2";
        expect(await tryBuildAlone(() => new OperationalCluster("c", { ...args, primaryRegion: { name: us, electableNodes: 3 } }, onAtlas()))).toEqual(
            outside("primaryRegion.name"),
        );
        expect(
            await tryBuildAlone(
                () =>
                    new OperationalCluster(
                        "c",
                        { ...args, primaryRegion: { name: "AP_SOUTHEAST_2", electableNodes: 3 }, secondaryRegion: { name: us, electableNodes: 2 } },
                        onAtlas(),
                    ),
            ),
        ).toEqual(outside("secondaryRegion.name"));
    });

    test("builds the cluster with 3", async () => {
        expect(await withPrimaryNodes(3)).toEqual({
            error: undefined,
            registered: [...ONLY_STACK_AND_PROVIDER, "data-platform:operational-data:OperationalCluster", TYPES.atlasAdvancedCluster],
        });
    });
});
