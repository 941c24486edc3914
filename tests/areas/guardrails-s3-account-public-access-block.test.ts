/**
 * How the prod stack wires the account-level S3 public access block (infra/areas/guardrails.ts; data
 * policy "02.static-files", "05.encryption-and-access-control"), asserted exactly while its switch is on and
 * absent while it is off. The component on its own, with fixture args, is
 * tests/components/guardrails/s3-account-public-access-block.test.ts.
 */
import { TYPES } from "../../infra/policy/lib/tokens";
import { childrenOf, named, ofType, prodConfig, runStack } from "../harness/stack";
import { providerUrnOf, providersOf, SECTION } from "../components/guardrails/helpers";
import { recordOnce } from "../harness/record-once";

const COMPONENT = "data-platform:guardrails:S3AccountPublicAccessBlock";

describe("switch on (prod)", () => {
    const rec = recordOnce(() => runStack());

    test("blocks all four kinds of public access on the production account, through aws-au", () => {
        const children = childrenOf(rec, named(rec, "s3-account-public-access-block", COMPONENT));
        expect(providersOf(children)).toEqual([{ name: "s3-account-public-access-block", provider: providerUrnOf(rec, "aws-au", TYPES.awsProvider) }]);
        expect(named(rec, "s3-account-public-access-block", TYPES.s3AccountPublicAccessBlock).inputs).toEqual({
            accountId: "111122223333",
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        });
    });

    test("the account is data-platform:aws.accountId, and the stack output names it", () => {
        expect(prodConfig()["data-platform:aws"].accountId).toBe("111122223333");
        expect((rec.outputs["guardrails"] as Record<string, unknown>)["s3AccountPublicAccessBlock"]).toEqual({ accountId: "111122223333" });
    });
});

test("switch off: no account-level block, no output; the other guardrails stay", async () => {
    const rec = await runStack({ mutate: (c) => (c[SECTION].aws.accountPublicAccessBlock.enabled = false) });
    expect(ofType(rec, COMPONENT)).toEqual([]);
    expect(ofType(rec, TYPES.s3AccountPublicAccessBlock)).toEqual([]);
    expect(Object.keys(rec.outputs["guardrails"] as Record<string, unknown>)).toEqual(["awsRegionDenyScp", "gcpOrgPolicies"]);
});
