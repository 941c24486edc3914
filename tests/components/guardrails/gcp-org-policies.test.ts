/**
 * `GcpOrgPolicies` on its own, with fixture args (data policy "02.static-files", "05.encryption-and-access-control",
 * "05.industry-standard-encryption"): the five org policies on the given parent, named explicitly, through the given
 * provider, waiting for what they are told to; and the refusal of a malformed parent. How the prod stack wires them
 * from config (and their switch) is tests/areas/guardrails-gcp-org-policies.test.ts.
 */
import * as gcp from "@pulumi/gcp";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { GcpOrgPolicies } from "../../../infra/components/guardrails/gcp-org-policies";
import { buildAlone, tryBuildAlone } from "../../harness/build-alone";
import { childrenOf, named, ofType } from "../../harness/stack";
import { expectedOrgPolicies, providersOf } from "./helpers";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:guardrails:GcpOrgPolicies";
const PARENT = "organizations/987654321098";

const rec = recordOnce(() => buildAlone(() => {
    const provider = new gcp.Provider("gcp", { project: "fixture-project" });
    const before = new gcp.projects.Service("svc", { service: "orgpolicy.googleapis.com" }, { provider });
    return new GcpOrgPolicies("org", { parent: PARENT, waitFor: [before] }, { providers: [provider] });
}));

test("five policies on the given parent, each named explicitly, all through the given provider", () => {
    const children = childrenOf(rec, named(rec, "org", COMPONENT));
    const provider = named(rec, "gcp", TYPES.gcpProvider).urn;
    expect(providersOf(children).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
        Object.keys(expectedOrgPolicies("org", PARENT))
            .sort()
            .map((name) => ({ name, provider })),
    );
    expect(Object.fromEntries(ofType(rec, TYPES.gcpOrgPolicy).map((r) => [r.name, r.inputs]))).toEqual(expectedOrgPolicies("org", PARENT));
});

test("every policy waits for what waitFor names", () => {
    const svc = rec.registrations.find((r) => r.name === "svc")!.urn;
    expect(ofType(rec, TYPES.gcpOrgPolicy).map((r) => ({ name: r.name, dependencies: r.dependencies }))).toEqual(
        ofType(rec, TYPES.gcpOrgPolicy).map((r) => ({ name: r.name, dependencies: [svc] })),
    );
});

test("the component's outputs: the parent and each policy's full name, by constraint", () => {
    expect(rec.states.get(named(rec, "org", COMPONENT).urn)).toEqual({
        parentNode: PARENT,
        policyNames: {
            "gcp.resourceLocations": `${PARENT}/policies/gcp.resourceLocations`,
            "storage.publicAccessPrevention": `${PARENT}/policies/storage.publicAccessPrevention`,
            "storage.uniformBucketLevelAccess": `${PARENT}/policies/storage.uniformBucketLevelAccess`,
            "gcp.restrictNonCmekServices": `${PARENT}/policies/gcp.restrictNonCmekServices`,
            "storage.secureHttpTransport": `${PARENT}/policies/storage.secureHttpTransport`,
        },
    });
});

test("the component refuses a malformed parent before registering anything", async () => {
    expect(await tryBuildAlone(() => new GcpOrgPolicies("org", { parent: "projects/allotrac-data-prod" }))).toEqual({
        error:
            'GcpOrgPolicies org: parent = "projects/allotrac-data-prod" is not allowed; expected the node the org policies are set on: ' +
            "organizations/<organization id>, folders/<folder id> or projects/<project number> (numbers only: the Org Policy API " +
            "returns policy names with the project number, and a project id there would show as a change of the immutable name, i.e. a replacement).",
        registered: ["pulumi:pulumi:Stack"],
    });
});
