/** infra/schema/placeholders.ts: what counts as a placeholder, and the prod stack's list of them. */
import { findPlaceholders } from "../../infra/schema/placeholders";
import { prodConfig } from "../harness/stack";

const EXAMPLE_ID = "an example AWS account id or GCP project number from the vendors' documentation";
const DOC_RANGE = "an RFC 5737 documentation address range, which no real network uses";

test("the prod stack's placeholders, each recognised by its form", () => {
    expect(findPlaceholders(prodConfig())).toEqual([
        { key: "data-platform:atlas.orgId", value: "000000000000000000000000", why: "an all-zero id" },
        { key: "data-platform:atlas.ipAccessList[0].cidr", value: "203.0.113.16/28", why: DOC_RANGE },
        { key: "data-platform:atlas.databaseUsers[0].awsIamRoleArn", value: "arn:aws:iam::111122223333:role/allotrac-prod-api", why: EXAMPLE_ID },
        { key: "data-platform:atlas.databaseUsers[1].awsIamRoleArn", value: "arn:aws:iam::111122223333:role/allotrac-prod-reporting", why: EXAMPLE_ID },
        { key: "data-platform:auth0.clientId", value: "PLACEHOLDERdeployClientId0000001", why: "marked PLACEHOLDER" },
        { key: "data-platform:auth0.logStream.awsAccountId", value: "111122223333", why: EXAMPLE_ID },
        { key: "data-platform:aws.accountId", value: "111122223333", why: EXAMPLE_ID },
        { key: "data-platform:guardrails.aws.regionDenyScp.targetId", value: "111122223333", why: EXAMPLE_ID },
        {
            key: "data-platform:guardrails.aws.regionDenyScp.organizationsRoleArn",
            value: "arn:aws:iam::123456789012:role/data-platform-org-guardrails",
            why: EXAMPLE_ID,
        },
        { key: "data-platform:guardrails.gcp.orgPolicies.parent", value: "projects/123456789012", why: EXAMPLE_ID },
        {
            key: "data-platform:guardrails.gcp.orgPolicies.policyAdminServiceAccount",
            value: "org-policy-guardrails@placeholder-org-admin.iam.gserviceaccount.com",
            why: "marked PLACEHOLDER",
        },
        { key: "data-platform:redis.subscription.paymentMethodId", value: "00000", why: "an all-zero id" },
        { key: "data-platform:redis.database.sourceIps[1]", value: "203.0.113.16/28", why: DOC_RANGE },
    ]);
});

test("real-looking values are not placeholders", () => {
    expect(
        findPlaceholders({
            "data-platform:aws": { accountId: "381492150007", region: "ap-southeast-2" },
            "data-platform:atlas": { orgId: "65a1f0c2e4b0d7a3c9f81234", ipAccessList: [{ cidr: "52.64.10.16/28" }, { cidr: "10.20.0.0/16" }] },
            "data-platform:redis": { paymentMethodId: "48213" },
        }),
    ).toEqual([]);
});
