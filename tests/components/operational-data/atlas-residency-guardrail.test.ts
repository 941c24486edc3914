/**
 * The org-level Atlas Resource Policy, asserted exactly (data policy "02.operational-data": clusters in
 * Australia; "05.encryption-and-access-control": no internet-wide access list): the Cedar text Atlas enforces.
 */
import { residencyPolicyBodies } from "../../../infra/components/operational-data/atlas-residency-guardrail";
import type { Recording } from "../../../infra/check/recorder";
import { AU_ATLAS_REGIONS, CEDAR_REGION } from "../../../infra/residency";
import { childrenOf, named, ofType, runStack } from "../../harness/stack";
import { atlasProviderUrn, providersOf } from "./helpers";
import { TYPES } from "../../../infra/policy/lib/tokens";

const REGION_POLICY = [
    "forbid (",
    "  principal,",
    '  action == ResourcePolicy::Action::"cluster.modify",',
    "  resource",
    ")",
    "unless { [" +
        [
            "aws:ap-southeast-2",
            "aws:ap-southeast-4",
            "gcp:australia-southeast1",
            "gcp:australia-southeast2",
            "azure:australiaeast",
            "azure:australiasoutheast",
            "azure:australiacentral",
            "azure:australiacentral2",
        ]
            .map((r) => `ResourcePolicy::Region::"${r}"`)
            .join(", ") +
        "].containsAll(context.cluster.regions) };",
].join("\n");

const OPEN_ACCESS_POLICY = [
    "forbid (",
    "  principal,",
    '  action == ResourcePolicy::Action::"project.ipAccessList.modify",',
    "  resource",
    ")",
    'when { context.project.ipAccessList.contains(ip("0.0.0.0/0")) };',
].join("\n");

let rec: Recording;
beforeAll(async () => {
    rec = await runStack();
});

test("prod declares one org-level resource policy: Australian regions only, never 0.0.0.0/0", () => {
    const children = childrenOf(rec, named(rec, "atlas-guardrail", "data-platform:operational-data:AtlasResidencyGuardrail"));
    // Through the org-level provider with its own Organization Owner key, not the workload provider `atlas`.
    const orgProvider = named(rec, "atlas-org", TYPES.atlasProvider).urn;
    expect(orgProvider).not.toBe(atlasProviderUrn(rec));
    expect(providersOf(children)).toEqual([{ name: "atlas-guardrail", provider: orgProvider }]);
    expect(named(rec, "atlas-guardrail", TYPES.atlasResourcePolicy).inputs).toEqual({
        orgId: "000000000000000000000000",
        name: "data-policy-australia-only",
        description: "Data policy 02.operational-data: clusters only in Australian regions; no 0.0.0.0/0 on any IP access list.",
        policies: [{ body: REGION_POLICY }, { body: OPEN_ACCESS_POLICY }],
    });
});

test("the allowed Cedar regions are exactly the Australian Atlas regions, each in Cedar's <cloud>:<region> form", () => {
    expect(Object.keys(CEDAR_REGION).sort()).toEqual([...AU_ATLAS_REGIONS].sort());
    expect(Object.values(CEDAR_REGION).filter((r) => !/^(aws|gcp|azure):[a-z0-9-]+$/.test(r))).toEqual([]);
    expect(residencyPolicyBodies()).toEqual([REGION_POLICY, OPEN_ACCESS_POLICY]);
});

test("the component's outputs are the resource policy's id and name", () => {
    const component = named(rec, "atlas-guardrail", "data-platform:operational-data:AtlasResidencyGuardrail");
    expect(rec.states.get(component.urn)).toEqual({ resourcePolicyId: "atlas-guardrail-id", resourcePolicyName: "data-policy-australia-only" });
});

test("with its switch off (no Organization Owner key) there is no resource policy", async () => {
    const off = await runStack({ mutate: (c) => (c["data-platform:atlas"].resourcePolicy.enabled = false) });
    expect(ofType(off, TYPES.atlasResourcePolicy)).toEqual([]);
    expect(off.registrations.filter((r) => r.name === "atlas-guardrail")).toEqual([]);
});
