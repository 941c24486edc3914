/**
 * How the prod stack wires the org-level Atlas Resource Policy (infra/areas/operational-data.ts), asserted exactly (data policy "02.operational-data": clusters in
 * Australia; "05.encryption-and-access-control": no internet-wide access list): the Cedar text Atlas enforces, on
 * the org-level provider, and its switch. The component on its own, with fixture args, is
 * tests/components/operational-data/atlas-residency-guardrail.test.ts.
 */
import { childrenOf, named, ofType, runStack } from "../harness/stack";
import { atlasProviderUrn, providersOf } from "../components/operational-data/helpers";
import { TYPES } from "../../infra/policy/lib/tokens";
import { residencyPolicyInputs } from "../harness/atlas-residency-policies";
import { recordOnce } from "../harness/record-once";

const rec = recordOnce(() => runStack());

test("prod declares one org-level resource policy: Australian regions only, never 0.0.0.0/0", () => {
    const children = childrenOf(rec, named(rec, "atlas-guardrail", "data-platform:operational-data:AtlasResidencyGuardrail"));
    // Through the org-level provider with its own Organization Owner key, not the workload provider `atlas`.
    const orgProvider = named(rec, "atlas-org", TYPES.atlasProvider).urn;
    expect(orgProvider).not.toBe(atlasProviderUrn(rec));
    expect(providersOf(children)).toEqual([{ name: "atlas-guardrail", provider: orgProvider }]);
    expect(named(rec, "atlas-guardrail", TYPES.atlasResourcePolicy).inputs).toEqual(residencyPolicyInputs("000000000000000000000000"));
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
