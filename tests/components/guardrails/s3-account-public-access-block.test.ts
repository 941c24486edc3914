/**
 * `S3AccountPublicAccessBlock` on its own, with fixture args (data policy "02.static-files",
 * "05.encryption-and-access-control"): all four kinds of public access blocked on the given account, through the
 * given AWS provider, and the refusal of an account id that is not 12 digits. How the prod stack wires it from config
 * (and its switch) is tests/areas/guardrails-s3-account-public-access-block.test.ts.
 */
import * as aws from "@pulumi/aws";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { S3AccountPublicAccessBlock } from "../../../infra/components/guardrails/s3-account-public-access-block";
import { buildAlone, buildAloneExpectingError } from "../../harness/build-alone";
import { childrenOf, named } from "../../harness/stack";
import { providersOf } from "./helpers";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:guardrails:S3AccountPublicAccessBlock";

const rec = recordOnce(() => buildAlone(() => new S3AccountPublicAccessBlock("block", { accountId: "999988887777" }, { providers: [new aws.Provider("aws", { region: "ap-southeast-2" })] })));

test("blocks all four kinds of public access on the given account, through the given provider; outputs the account", () => {
    const component = named(rec, "block", COMPONENT);
    expect(providersOf(childrenOf(rec, component))).toEqual([{ name: "block", provider: named(rec, "aws", TYPES.awsProvider).urn }]);
    expect(named(rec, "block", TYPES.s3AccountPublicAccessBlock).inputs).toEqual({
        accountId: "999988887777",
        blockPublicAcls: true,
        blockPublicPolicy: true,
        ignorePublicAcls: true,
        restrictPublicBuckets: true,
    });
    expect(rec.states.get(component.urn)).toEqual({ accountId: "999988887777" });
});

test("the component refuses an account id that is not 12 digits, before registering anything", async () => {
    const err = await buildAloneExpectingError(() => new S3AccountPublicAccessBlock("block", { accountId: "1111-2222-3333" }));
    expect(err.message).toBe('S3AccountPublicAccessBlock block: accountId = "1111-2222-3333" is not allowed; expected a 12-digit AWS account id, quoted as a string.');
    expect(err.registrations.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
});
