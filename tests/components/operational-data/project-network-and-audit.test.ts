/**
 * Network access and database auditing of the operational-data project, asserted exactly (data policy
 * "05.encryption-and-access-control": access control; "10.staff-access-audit": audit logs).
 */
import { ProjectNetworkAndAudit } from "../../../infra/components/operational-data/project-network-and-audit";
import type { Recording } from "../../../infra/check/recorder";
import { childrenOf, named, ofType, runStack } from "../../harness/stack";
import { atlasProviderUrn, onAtlas, ONLY_STACK_AND_PROVIDER, PROJECT_ID, providersOf } from "./helpers";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { tryBuildAlone } from "../../harness/build-alone";

/** The network rule as the component states it (infra/network.ts `NETWORK_ACCESS_RULE`). */
const RULE =
    "an IPv4 CIDR block naming a network: a public block no wider than /24, or a private RFC 1918 block no wider than /16; never 0.0.0.0/0 (data policy §03)";

let rec: Recording;
beforeAll(async () => {
    rec = await runStack();
});

test("the component holds the access list and the audit settings, on the Atlas provider", () => {
    const children = childrenOf(rec, named(rec, "atlas-access", "data-platform:operational-data:ProjectNetworkAndAudit"));
    expect(children.map((c) => c.type)).toEqual([TYPES.atlasAccessList, TYPES.atlasAuditing]);
    expect(providersOf(children)).toEqual(children.map((c) => ({ name: c.name, provider: atlasProviderUrn(rec) })));
});

test("the IP access list is exactly the prod NAT block, named after its CIDR", () => {
    expect(ofType(rec, TYPES.atlasAccessList).map((r) => ({ name: r.name, inputs: r.inputs }))).toEqual([
        {
            name: "atlas-access-ip-203-0-113-16-28",
            inputs: { projectId: PROJECT_ID, cidrBlock: "203.0.113.16/28", comment: "Production application NAT gateways ap-southeast-2" },
        },
    ]);
});

test("auditing is on, logs every authentication and every authorization failure, and DDL; successes of authCheck are off", () => {
    const auditing = named(rec, "atlas-access-auditing", TYPES.atlasAuditing);
    expect({ ...auditing.inputs, auditFilter: JSON.parse(auditing.inputs["auditFilter"] as string) }).toEqual({
        projectId: PROJECT_ID,
        enabled: true,
        auditAuthorizationSuccess: false,
        auditFilter: {
            atype: {
                $in: [
                    "authenticate",
                    "logout",
                    "authCheck",
                    "createDatabase",
                    "dropDatabase",
                    "createCollection",
                    "renameCollection",
                    "dropCollection",
                    "createIndex",
                    "dropIndex",
                ],
            },
        },
    });
});

test("both wait for the cluster (Atlas audits M10+ clusters): their projectId comes from it", () => {
    const cluster = named(rec, "atlas-cluster", TYPES.atlasAdvancedCluster).urn;
    const waiting = [...ofType(rec, TYPES.atlasAccessList), named(rec, "atlas-access-auditing", TYPES.atlasAuditing)];
    expect(waiting.map((r) => r.name)).toEqual(["atlas-access-ip-203-0-113-16-28", "atlas-access-auditing"]);
    for (const r of waiting) {
        expect({ name: r.name, deps: r.propertyDependencies["projectId"] }).toEqual({ name: r.name, deps: [cluster] });
    }
});

test("more entries from config each become one access-list entry; reordering them keeps every name", async () => {
    const entries = [
        { cidr: "10.40.0.0/16", comment: "Peered application VPC" },
        { cidr: "203.0.113.16/28", comment: "Production application NAT gateways ap-southeast-2" },
    ];
    const two = await runStack({ mutate: (c) => (c["data-platform:atlas"].ipAccessList = entries) });
    const reversed = await runStack({ mutate: (c) => (c["data-platform:atlas"].ipAccessList = [...entries].reverse()) });
    const names = (r: Recording) => ofType(r, TYPES.atlasAccessList).map((e) => `${e.name}=${e.inputs["cidrBlock"]}`).sort();
    expect(names(two)).toEqual(["atlas-access-ip-10-40-0-0-16=10.40.0.0/16", "atlas-access-ip-203-0-113-16-28=203.0.113.16/28"]);
    expect(names(reversed)).toEqual(names(two));
});

test("the component's outputs are the access list's CIDR blocks and the auditing switch", () => {
    const component = named(rec, "atlas-access", "data-platform:operational-data:ProjectNetworkAndAudit");
    expect(rec.states.get(component.urn)).toEqual({ accessListCidrs: ["203.0.113.16/28"], auditingEnabled: true });
});

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
