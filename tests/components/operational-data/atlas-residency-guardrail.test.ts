/**
 * `AtlasResidencyGuardrail` on its own, with fixture args (data policy "02.operational-data": clusters in
 * Australia; "05.encryption-and-access-control": no internet-wide access list): one resource policy in the given
 * org, the Cedar text Atlas enforces, through the given provider. How the prod stack wires it (the org-level
 * provider, its switch) is tests/areas/operational-data-atlas-residency-guardrail.test.ts.
 */
import { AtlasResidencyGuardrail, residencyPolicyBodies } from "../../../infra/components/operational-data/atlas-residency-guardrail";
import { AU_ATLAS_REGIONS, CEDAR_REGION } from "../../../infra/residency";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { buildAlone } from "../../harness/build-alone";
import { childrenOf, named } from "../../harness/stack";
import { OPEN_ACCESS_POLICY, REGION_POLICY, residencyPolicyInputs } from "../../harness/atlas-residency-policies";
import { onAtlas, providersOf } from "./helpers";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:operational-data:AtlasResidencyGuardrail";

const rec = recordOnce(() => buildAlone(() => new AtlasResidencyGuardrail("guard", { orgId: "fixture-org-0000000000000" }, onAtlas())));

test("one resource policy in the given org, through the given provider: Australian regions only, never 0.0.0.0/0", () => {
    const children = childrenOf(rec, named(rec, "guard", COMPONENT));
    expect(providersOf(children)).toEqual([{ name: "guard", provider: named(rec, "atlas", TYPES.atlasProvider).urn }]);
    expect(named(rec, "guard", TYPES.atlasResourcePolicy).inputs).toEqual(residencyPolicyInputs("fixture-org-0000000000000"));
});

test("the component's outputs are the resource policy's id and name", () => {
    expect(rec.states.get(named(rec, "guard", COMPONENT).urn)).toEqual({ resourcePolicyId: "guard-id", resourcePolicyName: "data-policy-australia-only" });
});

test("the allowed Cedar regions are exactly the Australian Atlas regions, each in Cedar's <cloud>:<region> form", () => {
    expect(Object.keys(CEDAR_REGION).sort()).toEqual([...AU_ATLAS_REGIONS].sort());
    expect(Object.values(CEDAR_REGION).filter((r) => !/^(aws|gcp|azure):[a-z0-9-]+$/.test(r))).toEqual([]);
    expect(residencyPolicyBodies()).toEqual([REGION_POLICY, OPEN_ACCESS_POLICY]);
});

