/**
 * The account-level S3 public access block (infra/components/guardrails/s3-account-public-access-block.ts; data
 * policy "02.static-files", "05.encryption-and-access-control"), asserted exactly while its switch is on and
 * absent while it is off.
 */
import { TYPES } from "../../../infra/policy/lib/tokens";
import { S3AccountPublicAccessBlock } from "../../../infra/components/guardrails/s3-account-public-access-block";
import type { Recording } from "../../../infra/check/recorder";
import { buildAloneExpectingError } from "../../harness/build-alone";
import { childrenOf, named, ofType, prodConfig, runStack } from "../../harness/stack";
import { providerUrnOf, providersOf, SECTION } from "./helpers";

const COMPONENT = "data-platform:guardrails:S3AccountPublicAccessBlock";

describe("switch on (prod)", () => {
    let rec: Recording;
    beforeAll(async () => {
        rec = await runStack();
    });

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

test("the component refuses an account id that is not 12 digits, before registering anything", async () => {
    const err = await buildAloneExpectingError(() => new S3AccountPublicAccessBlock("block", { accountId: "1111-2222-3333" }));
    expect(err.message).toBe('S3AccountPublicAccessBlock block: accountId = "1111-2222-3333" is not allowed; expected a 12-digit AWS account id, quoted as a string.');
    expect(err.registrations.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
});
