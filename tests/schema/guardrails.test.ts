/**
 * `data-platform:guardrails` (infra/schema/guardrails.ts): the prod section validates, and every bad switch or
 * target is refused through the real program with a message naming the key, the bad value and what is allowed,
 * before any resource is registered.
 */
import { guardrailsSchema, whenEnabled } from "../../infra/schema/guardrails";
import type { Registration } from "../../infra/check/recorder";
import { prodConfig, runStackExpectingError } from "../harness/stack";

const SECTION = "data-platform:guardrails";
const HEADER_1 = "Invalid stack configuration (1 problem); nothing was deployed:\n";
const SCP_TARGET =
    "the AWS account (12 digits, quoted) or organizational unit (ou-<root>-<id>, e.g. ou-ab12-cd34ef56) the region-deny SCP is " +
    "attached to; not the organization root, which would reach accounts this stack does not own";
const GCP_PARENT =
    "the node the org policies are set on: organizations/<organization id>, folders/<folder id> or projects/<project number> " +
    "(numbers only: the Org Policy API returns policy names with the project number, and a project id there would show as a " +
    "change of the immutable name, i.e. a replacement)";
const ORG_ROLE =
    "the ARN of the IAM role the org-level AWS provider assumes to manage the SCP, in the organization's management account " +
    "or the account delegated to manage AWS Organizations policies, e.g. arn:aws:iam::123456789012:role/data-platform-org-guardrails";
const POLICY_ADMIN_SA =
    "the e-mail of the Google service account the org-level GCP provider impersonates to set the org policies (it holds " +
    "Organization Policy Administrator), e.g. org-policy-guardrails@allotrac-org-admin.iam.gserviceaccount.com";
const ROLE = "arn:aws:iam::123456789012:role/data-platform-org-guardrails";
const SA = "org-policy-guardrails@placeholder-org-admin.iam.gserviceaccount.com";

/** The types registered: a refusal must leave nothing but the root stack. */
function types(registrations: readonly Registration[]): string[] {
    return registrations.map((r) => r.type);
}

/** Runs the prod stack with the guardrails section changed, expecting exactly one problem; returns its line. */
async function refusal(mutate: (g: Record<string, any>) => void): Promise<string> {
    const err = await runStackExpectingError({ mutate: (c) => mutate(c[SECTION]) });
    expect(types(err.registrations)).toEqual(["pulumi:pulumi:Stack"]);
    expect(err.message.startsWith(HEADER_1)).toBe(true);
    return err.message.slice(HEADER_1.length);
}

describe("the prod section", () => {
    test("validates: every guardrail on, the SCP on the production account, the org policies on the data project", () => {
        const r = guardrailsSchema.safeParse(prodConfig()[SECTION]);
        expect(r.error?.issues).toBeUndefined();
        expect(r.data).toEqual({
            aws: {
                regionDenyScp: {
                    enabled: true,
                    targetId: "111122223333",
                    allowedRegions: ["ap-southeast-2", "ap-southeast-4"],
                    organizationsRoleArn: ROLE,
                },
                accountPublicAccessBlock: { enabled: true },
            },
            gcp: { orgPolicies: { enabled: true, parent: "projects/123456789012", policyAdminServiceAccount: SA } },
        });
    });

    test("the allowed regions default to both Australian regions; a switch that is off needs no target", () => {
        const r = guardrailsSchema.parse({
            aws: { regionDenyScp: { enabled: false }, accountPublicAccessBlock: { enabled: false } },
            gcp: { orgPolicies: { enabled: false } },
        });
        expect(r.aws.regionDenyScp).toEqual({ enabled: false, allowedRegions: ["ap-southeast-2", "ap-southeast-4"] });
        expect(whenEnabled(r.aws.regionDenyScp, "targetId")).toBeUndefined();
        expect(whenEnabled(r.gcp.orgPolicies, "parent")).toBeUndefined();
    });

    test("the SCP accepts an OU as its target, and a folder or organization as the org-policy parent", () => {
        const r = guardrailsSchema.parse({
            aws: { regionDenyScp: { enabled: true, targetId: "ou-ab12-cd34ef56", organizationsRoleArn: ROLE }, accountPublicAccessBlock: { enabled: true } },
            gcp: { orgPolicies: { enabled: true, parent: "folders/345678901234", policyAdminServiceAccount: SA } },
        });
        expect(whenEnabled(r.aws.regionDenyScp, "targetId")?.targetId).toBe("ou-ab12-cd34ef56");
        expect(whenEnabled(r.gcp.orgPolicies, "parent")?.parent).toBe("folders/345678901234");
        expect(
            guardrailsSchema.safeParse({ ...r, gcp: { orgPolicies: { enabled: true, parent: "organizations/987654321098", policyAdminServiceAccount: SA } } }).success,
        ).toBe(true);
    });
});

describe("refusals through the real program (nothing but the root stack is registered)", () => {
    test("a region outside Australia in the SCP's allowed regions", async () => {
        expect(await refusal((g) => (g.aws.regionDenyScp.allowedRegions = ["ap-southeast-2", "us-east-1"]))).toBe(
            '  - data-platform:guardrails.aws.regionDenyScp.allowedRegions[1] = "us-east-1" is not allowed; expected an Australian AWS ' +
                "region (ap-southeast-2 | ap-southeast-4); data policy §02 keeps data in Australia.",
        );
    });

    test("an empty or repeated region list", async () => {
        const msg = "is not allowed; expected a list of Australian AWS regions, each once (ap-southeast-2 | ap-southeast-4).";
        expect(await refusal((g) => (g.aws.regionDenyScp.allowedRegions = []))).toBe(
            `  - data-platform:guardrails.aws.regionDenyScp.allowedRegions = [] ${msg}`,
        );
        expect(await refusal((g) => (g.aws.regionDenyScp.allowedRegions = ["ap-southeast-2", "ap-southeast-2"]))).toBe(
            `  - data-platform:guardrails.aws.regionDenyScp.allowedRegions = ["ap-southeast-2","ap-southeast-2"] ${msg}`,
        );
    });

    test("the organization root as the SCP's target", async () => {
        expect(await refusal((g) => (g.aws.regionDenyScp.targetId = "r-ab12"))).toBe(
            `  - data-platform:guardrails.aws.regionDenyScp.targetId = "r-ab12" is not allowed; expected ${SCP_TARGET}.`,
        );
    });

    test("an account id written as a YAML number instead of a quoted string", async () => {
        expect(await refusal((g) => (g.aws.regionDenyScp.targetId = 111122223333))).toBe(
            `  - data-platform:guardrails.aws.regionDenyScp.targetId = 111122223333 is not allowed; expected ${SCP_TARGET}.`,
        );
    });

    test("the SCP switched on without its target", async () => {
        expect(await refusal((g) => delete g.aws.regionDenyScp.targetId)).toBe(
            `  - data-platform:guardrails.aws.regionDenyScp.targetId is not set; expected ${SCP_TARGET} (required while enabled is true).`,
        );
    });

    test("a switch that is not a boolean", async () => {
        expect(await refusal((g) => (g.aws.accountPublicAccessBlock.enabled = "yes"))).toBe(
            '  - data-platform:guardrails.aws.accountPublicAccessBlock.enabled = "yes" is not allowed; expected true or false.',
        );
    });

    test("a malformed org-policy parent, and a project id instead of its number", async () => {
        expect(await refusal((g) => (g.gcp.orgPolicies.parent = "organisations/123456789012"))).toBe(
            `  - data-platform:guardrails.gcp.orgPolicies.parent = "organisations/123456789012" is not allowed; expected ${GCP_PARENT}.`,
        );
        expect(await refusal((g) => (g.gcp.orgPolicies.parent = "projects/allotrac-data-prod"))).toBe(
            `  - data-platform:guardrails.gcp.orgPolicies.parent = "projects/allotrac-data-prod" is not allowed; expected ${GCP_PARENT}.`,
        );
    });

    test("the org policies switched on without a parent", async () => {
        expect(await refusal((g) => delete g.gcp.orgPolicies.parent)).toBe(
            `  - data-platform:guardrails.gcp.orgPolicies.parent is not set; expected ${GCP_PARENT} (required while enabled is true).`,
        );
    });

    test("the SCP switched on without the role of its org-level provider", async () => {
        expect(await refusal((g) => delete g.aws.regionDenyScp.organizationsRoleArn)).toBe(
            `  - data-platform:guardrails.aws.regionDenyScp.organizationsRoleArn is not set; expected ${ORG_ROLE} (required while enabled is true).`,
        );
    });

    test("an org-level role that is not an IAM role ARN (a user, or a bare account id)", async () => {
        expect(await refusal((g) => (g.aws.regionDenyScp.organizationsRoleArn = "arn:aws:iam::123456789012:user/deployer"))).toBe(
            `  - data-platform:guardrails.aws.regionDenyScp.organizationsRoleArn = "arn:aws:iam::123456789012:user/deployer" is not allowed; expected ${ORG_ROLE}.`,
        );
        expect(await refusal((g) => (g.aws.regionDenyScp.organizationsRoleArn = "123456789012"))).toBe(
            `  - data-platform:guardrails.aws.regionDenyScp.organizationsRoleArn = "123456789012" is not allowed; expected ${ORG_ROLE}.`,
        );
    });

    test("the org policies switched on without the service account of their org-level provider", async () => {
        expect(await refusal((g) => delete g.gcp.orgPolicies.policyAdminServiceAccount)).toBe(
            `  - data-platform:guardrails.gcp.orgPolicies.policyAdminServiceAccount is not set; expected ${POLICY_ADMIN_SA} (required while enabled is true).`,
        );
    });

    test("a policy-admin identity that is not a service account (a user's e-mail)", async () => {
        expect(await refusal((g) => (g.gcp.orgPolicies.policyAdminServiceAccount = "admin@allotrac.com.au"))).toBe(
            `  - data-platform:guardrails.gcp.orgPolicies.policyAdminServiceAccount = "admin@allotrac.com.au" is not allowed; expected ${POLICY_ADMIN_SA}.`,
        );
    });

    test("switches that are off need no org-level identity", async () => {
        const r = guardrailsSchema.safeParse({
            aws: { regionDenyScp: { enabled: false }, accountPublicAccessBlock: { enabled: true } },
            gcp: { orgPolicies: { enabled: false } },
        });
        expect(r.error?.issues).toBeUndefined();
    });

    test("a misspelt key, reported once with the keys allowed there", async () => {
        expect(
            await refusal((g) => {
                g.aws.regionDenyScp.targetID = g.aws.regionDenyScp.targetId;
                delete g.aws.regionDenyScp.targetId;
            }),
        ).toBe(
            "  - data-platform:guardrails.aws.regionDenyScp.targetID is not a known key; expected one of enabled, targetId, allowedRegions, organizationsRoleArn (check the spelling).",
        );
    });

    test("no guardrails section at all: each switch must be decided", async () => {
        const err = await runStackExpectingError({ mutate: (c) => delete c[SECTION] });
        expect(types(err.registrations)).toEqual(["pulumi:pulumi:Stack"]);
        expect(err.message).toBe(`${HEADER_1}  - data-platform:guardrails is not set; expected an object.`);
    });
});
