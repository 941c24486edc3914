/**
 * How the prod stack wires the region-deny SCP (infra/areas/guardrails.ts; data policy "02.static-files",
 * "08.secure-transfers"), asserted exactly while its switch is on and absent while it is off. The SCP's JSON is
 * parsed and compared whole: it is what AWS enforces. The component on its own, with fixture args, is
 * tests/components/guardrails/aws-region-deny-scp.test.ts.
 */
import { TYPES } from "../../infra/policy/lib/tokens";
import { computedOutputs } from "../../infra/check/mock-outputs";
import { childrenOf, named, ofType, runStack } from "../harness/stack";
import { expectedDocument, providerUrnOf, providersOf, SECTION, withParsedContent } from "../components/guardrails/helpers";
import { recordOnce } from "../harness/record-once";

const COMPONENT = "data-platform:guardrails:AwsRegionDenyScp";

/** The id the offline mocks give the prod SCP (AWS's `p-…` form). */
const POLICY_ID = computedOutputs(TYPES.organizationsPolicy, "aws-region-deny", {}).id;

describe("switch on (prod): the SCP on the production account", () => {
    const rec = recordOnce(() => runStack());

    test("is a component with the policy and its attachment, both through the org-level aws-org provider, neither through aws-au", () => {
        const component = named(rec, "aws-region-deny", COMPONENT);
        const children = childrenOf(rec, component);
        expect(children.map((r) => r.type).sort()).toEqual([TYPES.organizationsPolicyAttachment, TYPES.organizationsPolicy].sort());
        const aws = providerUrnOf(rec, "aws-org", TYPES.awsProvider);
        expect(aws).not.toBe(providerUrnOf(rec, "aws-au", TYPES.awsProvider));
        expect(providersOf(children)).toEqual(children.map((c) => ({ name: c.name, provider: aws })));
    });

    test("the policy denies every action outside ap-southeast-2 and ap-southeast-4, global services exempted", () => {
        expect(withParsedContent(named(rec, "aws-region-deny", TYPES.organizationsPolicy).inputs)).toEqual({
            name: "data-policy-australian-regions-only",
            type: "SERVICE_CONTROL_POLICY",
            description: "Data policy 02.static-files: denies every action requested outside ap-southeast-2, ap-southeast-4, except global services.",
            content: expectedDocument(["ap-southeast-2", "ap-southeast-4"]),
            tags: { "data-policy-clause": "02.static-files" },
        });
    });

    test("it is attached to the configured target, by reference to the policy", () => {
        const policy = named(rec, "aws-region-deny", TYPES.organizationsPolicy);
        const attachment = named(rec, "aws-region-deny-attachment", TYPES.organizationsPolicyAttachment);
        expect(attachment.inputs).toEqual({ policyId: POLICY_ID, targetId: "111122223333" });
        expect(attachment.propertyDependencies["policyId"]).toEqual([policy.urn]);
    });

    test("the stack output names the policy and its target", () => {
        expect((rec.outputs["guardrails"] as Record<string, unknown>)["awsRegionDenyScp"]).toEqual({ policyId: POLICY_ID, targetId: "111122223333" });
    });

    test("at preview the whole document is known, so it can be reviewed in the preview diff", async () => {
        const preview = await runStack({ preview: true });
        expect(JSON.parse(named(preview, "aws-region-deny", TYPES.organizationsPolicy).inputs["content"] as string)).toEqual(
            expectedDocument(["ap-southeast-2", "ap-southeast-4"]),
        );
    });
});

test("an OU target and Sydney only: the attachment and the condition follow config", async () => {
    const rec = await runStack({
        mutate: (c) => {
            c[SECTION].aws.regionDenyScp.targetId = "ou-ab12-cd34ef56";
            c[SECTION].aws.regionDenyScp.allowedRegions = ["ap-southeast-2"];
        },
    });
    const policy = withParsedContent(named(rec, "aws-region-deny", TYPES.organizationsPolicy).inputs);
    expect(policy.content).toEqual(expectedDocument(["ap-southeast-2"]));
    expect(policy["description"]).toBe("Data policy 02.static-files: denies every action requested outside ap-southeast-2, except global services.");
    expect(named(rec, "aws-region-deny-attachment", TYPES.organizationsPolicyAttachment).inputs["targetId"]).toBe("ou-ab12-cd34ef56");
});

test("switch off: no SCP, no attachment, no output; the other guardrails stay", async () => {
    const rec = await runStack({ mutate: (c) => (c[SECTION].aws.regionDenyScp = { enabled: false }) });
    expect(ofType(rec, COMPONENT)).toEqual([]);
    expect(ofType(rec, TYPES.organizationsPolicy)).toEqual([]);
    expect(ofType(rec, TYPES.organizationsPolicyAttachment)).toEqual([]);
    expect(Object.keys(rec.outputs["guardrails"] as Record<string, unknown>)).toEqual(["s3AccountPublicAccessBlock", "gcpOrgPolicies"]);
});
