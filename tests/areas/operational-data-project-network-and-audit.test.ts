/**
 * How the prod stack wires network access and database auditing of the operational-data project
 * (infra/areas/operational-data.ts), asserted exactly (data policy
 * "05.encryption-and-access-control": access control; "10.staff-access-audit": audit logs). The component on its
 * own, with fixture args, is tests/components/operational-data/project-network-and-audit.test.ts.
 */
import type { Recording } from "../../infra/check/recorder";
import { childrenOf, named, ofType, runStack } from "../harness/stack";
import { ATLAS_AUDIT_FILTER } from "../harness/expected-settings";
import { atlasProviderUrn, PROJECT_ID, providersOf } from "../components/operational-data/helpers";
import { TYPES } from "../../infra/policy/lib/tokens";
import { recordOnce } from "../harness/record-once";

const rec = recordOnce(() => runStack());

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
        auditFilter: ATLAS_AUDIT_FILTER,
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
