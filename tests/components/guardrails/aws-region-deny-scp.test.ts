/**
 * `AwsRegionDenyScp` on its own, with fixture args (data policy "02.static-files", "08.secure-transfers"): the SCP
 * denying every action outside the given Australian regions (global services exempted), attached to the given target
 * by reference, through the given provider; and the refusal of bad regions and targets. The SCP's JSON is parsed and
 * compared whole: it is what AWS enforces. How the prod stack wires it from config (and its switch) is
 * tests/areas/guardrails-aws-region-deny-scp.test.ts.
 */
import * as aws from "@pulumi/aws";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { AwsRegionDenyScp, type AwsRegionDenyScpArgs, GLOBAL_SERVICE_ACTIONS, regionDenyPolicyDocument } from "../../../infra/components/guardrails/aws-region-deny-scp";
import { computedOutputs } from "../../../infra/check/mock-outputs";
import { buildAlone, tryBuildAlone } from "../../harness/build-alone";
import { childrenOf, named } from "../../harness/stack";
import { expectedDocument, providersOf, withParsedContent } from "./helpers";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:guardrails:AwsRegionDenyScp";
const POLICY_ID = computedOutputs(TYPES.organizationsPolicy, "deny", {}).id;
const TARGET = "ou-zz99-fixture1";

const rec = recordOnce(() => buildAlone(
    () => new AwsRegionDenyScp("deny", { targetId: TARGET, allowedRegions: ["ap-southeast-4"] }, { providers: [new aws.Provider("aws", { region: "ap-southeast-2" })] }),
));

test("is a component with the policy and its attachment, both through the given provider", () => {
    const children = childrenOf(rec, named(rec, "deny", COMPONENT));
    expect(children.map((r) => r.type).sort()).toEqual([TYPES.organizationsPolicyAttachment, TYPES.organizationsPolicy].sort());
    const provider = named(rec, "aws", TYPES.awsProvider).urn;
    expect(providersOf(children)).toEqual(children.map((c) => ({ name: c.name, provider })));
});

test("the policy denies every action outside the given regions, global services exempted", () => {
    expect(withParsedContent(named(rec, "deny", TYPES.organizationsPolicy).inputs)).toEqual({
        name: "data-policy-australian-regions-only",
        type: "SERVICE_CONTROL_POLICY",
        description: "Data policy 02.static-files: denies every action requested outside ap-southeast-4, except global services.",
        content: expectedDocument(["ap-southeast-4"]),
        tags: { "data-policy-clause": "02.static-files" },
    });
});

test("it is attached to the given target, by reference to the policy; the component outputs both", () => {
    const attachment = named(rec, "deny-attachment", TYPES.organizationsPolicyAttachment);
    expect(attachment.inputs).toEqual({ policyId: POLICY_ID, targetId: TARGET });
    expect(attachment.propertyDependencies["policyId"]).toEqual([named(rec, "deny", TYPES.organizationsPolicy).urn]);
    expect(rec.states.get(named(rec, "deny", COMPONENT).urn)).toEqual({ policyId: POLICY_ID, targetId: TARGET });
});

test("without allowedRegions: every Australian AWS region", async () => {
    const dflt = await buildAlone(() => new AwsRegionDenyScp("deny", { targetId: "999988887777" }));
    expect(withParsedContent(named(dflt, "deny", TYPES.organizationsPolicy).inputs)["content"]).toEqual(expectedDocument(["ap-southeast-2", "ap-southeast-4"]));
});

describe("the component refuses bad arguments before registering anything", () => {
    test.each<{ refused: string; args: AwsRegionDenyScpArgs; error: string }>([
        {
            refused: "a region outside Australia",
            args: { targetId: "111122223333", allowedRegions: ["ap-southeast-2", "us-east-1" as "ap-southeast-2"] },
            error:
                'AwsRegionDenyScp deny: allowedRegions = ["ap-southeast-2","us-east-1"] is not allowed; expected Australian AWS regions, each once ' +
                "(ap-southeast-2 | ap-southeast-4): data policy 02.static-files keeps data in Australia.",
        },
        {
            refused: "no region at all",
            args: { targetId: "111122223333", allowedRegions: [] },
            error:
                "AwsRegionDenyScp deny: allowedRegions = [] is not allowed; expected Australian AWS regions, each once (ap-southeast-2 | ap-southeast-4): " +
                "data policy 02.static-files keeps data in Australia.",
        },
        {
            refused: "the organization root as target",
            args: { targetId: "r-ab12" },
            error:
                'AwsRegionDenyScp deny: targetId = "r-ab12" is not allowed; expected the AWS account (12 digits, quoted) or organizational unit ' +
                "(ou-<root>-<id>, e.g. ou-ab12-cd34ef56) the region-deny SCP is attached to; not the organization root, which would " +
                "reach accounts this stack does not own.",
        },
    ])("$refused", async ({ args, error }) => {
        expect(await tryBuildAlone(() => new AwsRegionDenyScp("deny", args))).toEqual({ error, registered: ["pulumi:pulumi:Stack"] });
    });
});

test("the exempted actions are global services only, and the document is built from them", () => {
    expect(GLOBAL_SERVICE_ACTIONS.every((a) => /^[a-z0-9-]+:\*$/.test(a))).toBe(true);
    expect(GLOBAL_SERVICE_ACTIONS).not.toContain("s3:*");
    expect(GLOBAL_SERVICE_ACTIONS).not.toContain("kms:*");
    expect(regionDenyPolicyDocument(["ap-southeast-4"])).toEqual(expectedDocument(["ap-southeast-4"]));
});
