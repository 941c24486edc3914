/**
 * `ProjectNetworkAndAudit` on its own, with fixture args (data policy "05.encryption-and-access-control": access
 * control; "10.staff-access-audit": audit logs): one access-list entry per given block, named after its CIDR, and
 * auditing of every authentication, authorization failure and DDL, all on the given project and Atlas provider; and
 * the refusal of internet-wide blocks. How the prod stack wires it from config is
 * tests/areas/operational-data-project-network-and-audit.test.ts.
 */
import * as mongodbatlas from "@pulumi/mongodbatlas";
import { ProjectNetworkAndAudit, type AccessListEntry } from "../../../infra/components/operational-data/project-network-and-audit";
import type { Recording } from "../../../infra/check/recorder";
import { mockAtlasId } from "../../../infra/check/mock-outputs";
import { childrenOf, named, ofType } from "../../harness/stack";
import { ATLAS_AUDIT_FILTER } from "../../harness/expected-settings";
import { onAtlas, ONLY_STACK_AND_PROVIDER, providersOf } from "./helpers";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { buildAlone, tryBuildAlone } from "../../harness/build-alone";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:operational-data:ProjectNetworkAndAudit";
const ENTRIES: AccessListEntry[] = [
    { cidr: "192.168.0.0/16", comment: "Fixture private network" },
    { cidr: "198.51.100.0/24", comment: "Fixture public network" },
];

function build(ipAccessList: readonly AccessListEntry[]): Promise<Recording> {
    return buildAlone(() => {
        const atlas = new mongodbatlas.Provider("atlas", {});
        const project = new mongodbatlas.Project("proj", { orgId: "fixture-org", name: "fixture" }, { provider: atlas });
        return new ProjectNetworkAndAudit("n", { projectId: project.id, ipAccessList }, { providers: [atlas] });
    });
}

describe("two blocks", () => {
    const rec = recordOnce(() => build(ENTRIES));

    test("the component holds the access list and the audit settings, on the given Atlas provider", () => {
        const children = childrenOf(rec, named(rec, "n", COMPONENT));
        expect(children.map((c) => c.type)).toEqual([TYPES.atlasAccessList, TYPES.atlasAccessList, TYPES.atlasAuditing]);
        expect(providersOf(children)).toEqual(children.map((c) => ({ name: c.name, provider: named(rec, "atlas", TYPES.atlasProvider).urn })));
    });

    test("one access-list entry per block, named after its CIDR, on the given project by reference", () => {
        const project = named(rec, "proj", TYPES.atlasProject);
        expect(ofType(rec, TYPES.atlasAccessList).map((r) => ({ name: r.name, inputs: r.inputs, deps: r.propertyDependencies["projectId"] }))).toEqual([
            { name: "n-ip-192-168-0-0-16", inputs: { projectId: mockAtlasId("proj"), cidrBlock: "192.168.0.0/16", comment: "Fixture private network" }, deps: [project.urn] },
            { name: "n-ip-198-51-100-0-24", inputs: { projectId: mockAtlasId("proj"), cidrBlock: "198.51.100.0/24", comment: "Fixture public network" }, deps: [project.urn] },
        ]);
    });

    test("auditing is on, logs every authentication and every authorization failure, and DDL; successes of authCheck are off", () => {
        const auditing = named(rec, "n-auditing", TYPES.atlasAuditing);
        expect({ ...auditing.inputs, auditFilter: JSON.parse(auditing.inputs["auditFilter"] as string) }).toEqual({
            projectId: mockAtlasId("proj"),
            enabled: true,
            auditAuthorizationSuccess: false,
            auditFilter: ATLAS_AUDIT_FILTER,
        });
        expect(auditing.propertyDependencies["projectId"]).toEqual([named(rec, "proj", TYPES.atlasProject).urn]);
    });

    test("the component's outputs are the access list's CIDR blocks, in the order given, and the auditing switch", () => {
        expect(rec.states.get(named(rec, "n", COMPONENT).urn)).toEqual({ accessListCidrs: ["192.168.0.0/16", "198.51.100.0/24"], auditingEnabled: true });
    });
});

test("reordering the blocks keeps every name", async () => {
    const names = (r: Recording) => ofType(r, TYPES.atlasAccessList).map((e) => `${e.name}=${e.inputs["cidrBlock"]}`).sort();
    expect(names(await build([...ENTRIES].reverse()))).toEqual(names(await build(ENTRIES)));
});

/** The network rule as the component states it (infra/network.ts `NETWORK_ACCESS_RULE`). */
const RULE =
    "an IPv4 CIDR block naming a network: a public block no wider than /24, or a private RFC 1918 block no wider than /16; never 0.0.0.0/0 (data policy §03)";

describe("ProjectNetworkAndAudit on its own (no config validation in front of it)", () => {
    function withEntry(cidr: string) {
        return tryBuildAlone(() => new ProjectNetworkAndAudit("n", { projectId: "p", ipAccessList: [{ cidr, comment: "test" }] }, onAtlas()));
    }

    test("refuses 0.0.0.0/0 and a public /16 before anything is registered", async () => {
        expect(await withEntry("0.0.0.0/0")).toEqual({
            error: `ProjectNetworkAndAudit n: ipAccessList[0].cidr = "0.0.0.0/0" is not allowed; expected ${RULE}; this one is wider than /16 (0.0.0.0/0 and other internet-wide ranges are refused).`,
            registered: ONLY_STACK_AND_PROVIDER,
        });
        // A public /16 is 65,536 addresses of somebody else's network.
        expect(await withEntry("52.64.0.0/16")).toEqual({
            error: `ProjectNetworkAndAudit n: ipAccessList[0].cidr = "52.64.0.0/16" is not allowed; expected ${RULE}; this one is a public block wider than /24.`,
            registered: ONLY_STACK_AND_PROVIDER,
        });
    });

    test("builds the entry and the auditing for a private /16", async () => {
        expect(await withEntry("10.40.0.0/16")).toEqual({
            error: undefined,
            registered: [...ONLY_STACK_AND_PROVIDER, "data-platform:operational-data:ProjectNetworkAndAudit", TYPES.atlasAccessList, TYPES.atlasAuditing],
        });
    });
});
