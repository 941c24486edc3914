/**
 * How the prod stack wires the Google Cloud org policies (infra/areas/guardrails.ts; data policy "02.static-files",
 * "05.encryption-and-access-control", "05.industry-standard-encryption"), asserted exactly while their switch is on
 * and absent while it is off. Names are explicit and rule flags are the strings "TRUE"/"FALSE", as the Org Policy v2
 * API takes them. The component on its own, with fixture args, is tests/components/guardrails/gcp-org-policies.test.ts.
 */
import { TYPES } from "../../infra/policy/lib/tokens";
import type { Recording } from "../../infra/check/recorder";
import { childrenOf, named, ofType, runStack } from "../harness/stack";
import { expectedOrgPolicies, providerUrnOf, providersOf, SECTION } from "../components/guardrails/helpers";
import { recordOnce } from "../harness/record-once";

const COMPONENT = "data-platform:guardrails:GcpOrgPolicies";

/** Every org policy the prod component declares on `parent`, by resource name, with its exact inputs. */
function expectedPolicies(parent: string): Record<string, Record<string, unknown>> {
    return expectedOrgPolicies("gcp-org-policies", parent);
}

function policiesOf(rec: Recording): Record<string, Record<string, unknown>> {
    return Object.fromEntries(ofType(rec, TYPES.gcpOrgPolicy).map((r) => [r.name, r.inputs]));
}

describe("switch on (prod): the data project", () => {
    const rec = recordOnce(() => runStack());

    test("five policies, each named explicitly, all through the org-level gcp-org provider, none through gcp-au", () => {
        const children = childrenOf(rec, named(rec, "gcp-org-policies", COMPONENT));
        const gcp = providerUrnOf(rec, "gcp-org", TYPES.gcpProvider);
        expect(gcp).not.toBe(providerUrnOf(rec, "gcp-au", TYPES.gcpProvider));
        expect(providersOf(children).sort((a, b) => a.name.localeCompare(b.name))).toEqual(
            Object.keys(expectedPolicies("projects/123456789012"))
                .sort()
                .map((name) => ({ name, provider: gcp })),
        );
        expect(policiesOf(rec)).toEqual(expectedPolicies("projects/123456789012"));
    });

    test("the stack output names the parent and each policy", () => {
        expect((rec.outputs["guardrails"] as Record<string, unknown>)["gcpOrgPolicies"]).toEqual({
            parent: "projects/123456789012",
            policies: {
                "gcp.resourceLocations": "projects/123456789012/policies/gcp.resourceLocations",
                "storage.publicAccessPrevention": "projects/123456789012/policies/storage.publicAccessPrevention",
                "storage.uniformBucketLevelAccess": "projects/123456789012/policies/storage.uniformBucketLevelAccess",
                "gcp.restrictNonCmekServices": "projects/123456789012/policies/gcp.restrictNonCmekServices",
                "storage.secureHttpTransport": "projects/123456789012/policies/storage.secureHttpTransport",
            },
        });
    });
});

test("on a folder: the same five policies, named under the folder", async () => {
    const rec = await runStack({ mutate: (c) => (c[SECTION].gcp.orgPolicies.parent = "folders/345678901234") });
    expect(policiesOf(rec)).toEqual(expectedPolicies("folders/345678901234"));
});

test("switch off: no org policy, no output; the other guardrails stay", async () => {
    const rec = await runStack({ mutate: (c) => (c[SECTION].gcp.orgPolicies = { enabled: false }) });
    expect(ofType(rec, COMPONENT)).toEqual([]);
    expect(ofType(rec, TYPES.gcpOrgPolicy)).toEqual([]);
    expect(Object.keys(rec.outputs["guardrails"] as Record<string, unknown>)).toEqual(["awsRegionDenyScp", "s3AccountPublicAccessBlock"]);
});

test("every switch off: no guardrail resource at all, and an empty guardrails output", async () => {
    const rec = await runStack({
        mutate: (c) =>
            (c[SECTION] = {
                aws: { regionDenyScp: { enabled: false }, accountPublicAccessBlock: { enabled: false } },
                gcp: { orgPolicies: { enabled: false } },
            }),
    });
    expect(rec.registrations.filter((r) => r.type.startsWith("data-platform:guardrails:") || r.parent?.includes("data-platform:guardrails:"))).toEqual([]);
    expect(rec.outputs["guardrails"]).toEqual({});
});
