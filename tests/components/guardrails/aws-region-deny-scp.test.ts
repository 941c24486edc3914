/**
 * The region-deny SCP (infra/components/guardrails/aws-region-deny-scp.ts; data policy "02.static-files",
 * "08.secure-transfers"), asserted exactly while its switch is on and absent while it is off. The SCP's JSON is
 * parsed and compared whole: it is what AWS enforces.
 */
import { TYPES } from "../../../infra/policy/lib/tokens";
import { AwsRegionDenyScp, GLOBAL_SERVICE_ACTIONS, regionDenyPolicyDocument } from "../../../infra/components/guardrails/aws-region-deny-scp";
import { computedOutputs } from "../../../infra/check/mock-outputs";
import type { Recording } from "../../../infra/check/recorder";
import { buildAloneExpectingError } from "../../harness/build-alone";
import { childrenOf, named, ofType, runStack } from "../../harness/stack";
import { providerUrnOf, providersOf, SECTION } from "./helpers";

const COMPONENT = "data-platform:guardrails:AwsRegionDenyScp";

/** The id the offline mocks give the prod SCP (AWS's `p-…` form). */
const POLICY_ID = computedOutputs(TYPES.organizationsPolicy, "aws-region-deny", {}).id;

/** The SCP document AWS should enforce, written out in full. */
function expectedDocument(regions: string[]) {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DenyOutsideAustralianRegions",
                Effect: "Deny",
                NotAction: [
                    "cloudfront:*",
                    "iam:*",
                    "organizations:*",
                    "route53:*",
                    "support:*",
                    "budgets:*",
                    "globalaccelerator:*",
                    "importexport:*",
                    "waf:*",
                    "sts:*",
                ],
                Resource: "*",
                Condition: { StringNotEquals: { "aws:RequestedRegion": regions } },
            },
        ],
    };
}

/** A policy registration's inputs with its `content` parsed. */
function withParsedContent(inputs: Record<string, unknown>): Record<string, unknown> {
    return { ...inputs, content: JSON.parse(inputs["content"] as string) };
}

describe("switch on (prod): the SCP on the production account", () => {
    let rec: Recording;
    beforeAll(async () => {
        rec = await runStack();
    });

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

describe("the component refuses bad arguments before registering anything", () => {
    test("a region outside Australia", async () => {
        const err = await buildAloneExpectingError(
            () => new AwsRegionDenyScp("deny", { targetId: "111122223333", allowedRegions: ["ap-southeast-2", "us-east-1" as "ap-southeast-2"] }),
        );
        expect(err.message).toBe(
            'AwsRegionDenyScp deny: allowedRegions = ["ap-southeast-2","us-east-1"] is not allowed; expected Australian AWS regions, each once ' +
                "(ap-southeast-2 | ap-southeast-4): data policy 02.static-files keeps data in Australia.",
        );
        expect(err.registrations.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
    });

    test("no region at all", async () => {
        const err = await buildAloneExpectingError(() => new AwsRegionDenyScp("deny", { targetId: "111122223333", allowedRegions: [] }));
        expect(err.message).toBe(
            "AwsRegionDenyScp deny: allowedRegions = [] is not allowed; expected Australian AWS regions, each once (ap-southeast-2 | ap-southeast-4): " +
                "data policy 02.static-files keeps data in Australia.",
        );
    });

    test("the organization root as target", async () => {
        const err = await buildAloneExpectingError(() => new AwsRegionDenyScp("deny", { targetId: "r-ab12" }));
        expect(err.message).toBe(
            'AwsRegionDenyScp deny: targetId = "r-ab12" is not allowed; expected the AWS account (12 digits, quoted) or organizational unit ' +
                "(ou-<root>-<id>, e.g. ou-ab12-cd34ef56) the region-deny SCP is attached to; not the organization root, which would " +
                "reach accounts this stack does not own.",
        );
        expect(err.registrations.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
    });
});

test("the exempted actions are global services only, and the document is built from them", () => {
    expect(GLOBAL_SERVICE_ACTIONS.every((a) => /^[a-z0-9-]+:\*$/.test(a))).toBe(true);
    expect(GLOBAL_SERVICE_ACTIONS).not.toContain("s3:*");
    expect(GLOBAL_SERVICE_ACTIONS).not.toContain("kms:*");
    expect(regionDenyPolicyDocument(["ap-southeast-4"])).toEqual(expectedDocument(["ap-southeast-4"]));
});
