/**
 * The providers of the prod stack (infra/index.ts, infra/providers/org-level.ts; docs/guardrails.md "Org-level
 * providers"): the workload providers pinned without breaking preview on a placeholder, and the org-level providers
 * (type, name, the role or service account they act as) that alone create the org-level guardrails.
 *
 * Mocks cannot show that AWS accepts the role or Google the impersonation; they show exactly what each provider is
 * given and which provider each guardrail resource is registered with.
 */
import type { Recording, Registration } from "../../infra/check/recorder";
import { accountOfRole, awsOrgProviderArgs, pinnedAccount } from "../../infra/providers/org-level";
import { named, ofType, providerUrn, runStack } from "../harness/stack";
import { SECTION } from "../components/guardrails/helpers";
import { recordOnce } from "../harness/record-once";

const T = {
    aws: "pulumi:providers:aws",
    gcp: "pulumi:providers:gcp",
    atlas: "pulumi:providers:mongodbatlas",
    scp: "aws:organizations/policy:Policy",
    scpAttachment: "aws:organizations/policyAttachment:PolicyAttachment",
    orgPolicy: "gcp:orgpolicy/policy:Policy",
    resourcePolicy: "mongodbatlas:index/resourcePolicy:ResourcePolicy",
    accountBlock: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
} as const;

/** Real-looking (not placeholder) values for the accounts and identities, as after "Before the first pulumi up". */
const REAL = {
    workloadAccount: "381492150007",
    orgRole: "arn:aws:iam::904381226517:role/data-platform-org-guardrails",
    orgAccount: "904381226517",
    policyAdmin: "org-policy-guardrails@allotrac-org-admin.iam.gserviceaccount.com",
} as const;

function withRealIds(c: Record<string, any>): void {
    c["data-platform:aws"].accountId = REAL.workloadAccount;
    // The Auth0 log stream goes to the workload account (config refuses any other: its archive is there).
    c["data-platform:auth0"].logStream.awsAccountId = REAL.workloadAccount;
    c["data-platform:atlas"].databaseUsers.forEach((u: { awsIamRoleArn: string }) => (u.awsIamRoleArn = u.awsIamRoleArn.replace("111122223333", REAL.workloadAccount)));
    c[SECTION].aws.regionDenyScp.organizationsRoleArn = REAL.orgRole;
    c[SECTION].gcp.orgPolicies.policyAdminServiceAccount = REAL.policyAdmin;
}

/**
 * A provider's inputs as the provider reads them: the SDK sends nested provider settings as JSON text
 * (`allowedAccountIds`, `assumeRoles`, `defaultTags`), so those are parsed back.
 */
function providerInputs(rec: Recording, name: string, type: string): Record<string, unknown> {
    return Object.fromEntries(
        Object.entries(named(rec, name, type).inputs).map(([k, v]) => [k, typeof v === "string" && /^[[{]/.test(v) ? JSON.parse(v) : v]),
    );
}

/** The AWS SDK's own provider defaults, sent with every AWS provider. */
const AWS_SDK_DEFAULTS = { skipCredentialsValidation: "false", skipRegionValidation: "true" } as const;

/** Each registration of `types` as `{type, name, provider name}`. */
function providerNames(rec: Recording, ...types: string[]): { type: string; name: string; provider: string | undefined }[] {
    const byUrn = new Map(rec.registrations.map((r) => [r.urn, r] as const));
    return rec.registrations
        .filter((r) => types.includes(r.type))
        .map((r: Registration) => ({ type: r.type, name: r.name, provider: byUrn.get(providerUrn(r.provider) ?? "")?.name }));
}

describe("prod as it stands (placeholders): previews run, nothing placeholder reaches a provider", () => {
    const rec = recordOnce(() => runStack({ preview: true }));

    test("aws-au is not pinned to the placeholder account 111122223333 (pulumi up refuses the placeholder instead)", () => {
        expect(providerInputs(rec, "aws-au", T.aws)).toEqual({
            ...AWS_SDK_DEFAULTS,
            region: "ap-southeast-2",
            defaultTags: { tags: { "managed-by": "pulumi", "pulumi-project": "data-platform", "pulumi-stack": "prod" } },
        });
    });

    test("aws-org assumes no placeholder role and is pinned to no placeholder account", () => {
        expect(providerInputs(rec, "aws-org", T.aws)).toEqual({ ...AWS_SDK_DEFAULTS, region: "ap-southeast-2" });
    });

    test("gcp-org impersonates no placeholder service account, and bills its calls to the data project", () => {
        expect(providerInputs(rec, "gcp-org", T.gcp)).toEqual({
            project: "allotrac-data-prod",
            region: "australia-southeast1",
            billingProject: "allotrac-data-prod",
            userProjectOverride: "true",
        });
    });

    test("the providers of the stack, by type and name: three org-level ones beside the workload ones", () => {
        const providers = rec.registrations.filter((r) => r.type.startsWith("pulumi:providers:")).map((r) => `${r.type}::${r.name}`);
        expect(providers.sort()).toEqual([
            "pulumi:providers:auth0::auth0-au",
            "pulumi:providers:aws::aws-au",
            "pulumi:providers:aws::aws-org",
            "pulumi:providers:gcp::gcp-au",
            "pulumi:providers:gcp::gcp-org",
            "pulumi:providers:mongodbatlas::atlas",
            "pulumi:providers:mongodbatlas::atlas-org",
            "pulumi:providers:random::random-redis",
            "pulumi:providers:rediscloud::rediscloud",
        ]);
    });
});

describe("with the real ids recorded: every provider pinned, every org-level provider acting as its own identity", () => {
    const rec = recordOnce(() => runStack({ mutate: withRealIds }));

    test("aws-au is pinned to the production account", () => {
        expect(providerInputs(rec, "aws-au", T.aws)["allowedAccountIds"]).toEqual([REAL.workloadAccount]);
    });

    test("aws-org assumes the configured role in the management/delegated-admin account, with a named session, pinned to that account", () => {
        expect(providerInputs(rec, "aws-org", T.aws)).toEqual({
            ...AWS_SDK_DEFAULTS,
            region: "ap-southeast-2",
            assumeRoles: [{ roleArn: REAL.orgRole, sessionName: "data-platform-guardrails" }],
            allowedAccountIds: [REAL.orgAccount],
        });
    });

    test("gcp-org impersonates the Organization Policy Administrator service account", () => {
        expect(providerInputs(rec, "gcp-org", T.gcp)).toEqual({
            project: "allotrac-data-prod",
            region: "australia-southeast1",
            billingProject: "allotrac-data-prod",
            userProjectOverride: "true",
            impersonateServiceAccount: REAL.policyAdmin,
        });
    });

    test("the workload providers act as no org-level identity", () => {
        const gcpAu = providerInputs(rec, "gcp-au", T.gcp);
        expect(gcpAu["impersonateServiceAccount"]).toBeUndefined();
        expect(providerInputs(rec, "aws-au", T.aws)["assumeRoles"]).toBeUndefined();
    });
});

describe("which provider each guardrail resource is created through", () => {
    const rec = recordOnce(() => runStack());

    test("the SCP and its attachment through aws-org, the org policies through gcp-org, the Resource Policy through atlas-org", () => {
        const found = providerNames(rec, T.scp, T.scpAttachment, T.orgPolicy, T.resourcePolicy);
        expect(found.map((f) => `${f.type}::${f.name} -> ${f.provider}`).sort()).toEqual([
            "aws:organizations/policy:Policy::aws-region-deny -> aws-org",
            "aws:organizations/policyAttachment:PolicyAttachment::aws-region-deny-attachment -> aws-org",
            "gcp:orgpolicy/policy:Policy::gcp-org-policies-public-access-prevention -> gcp-org",
            "gcp:orgpolicy/policy:Policy::gcp-org-policies-resource-locations -> gcp-org",
            "gcp:orgpolicy/policy:Policy::gcp-org-policies-restrict-non-cmek -> gcp-org",
            "gcp:orgpolicy/policy:Policy::gcp-org-policies-secure-http-transport -> gcp-org",
            "gcp:orgpolicy/policy:Policy::gcp-org-policies-uniform-bucket-level-access -> gcp-org",
            "mongodbatlas:index/resourcePolicy:ResourcePolicy::atlas-guardrail -> atlas-org",
        ]);
    });

    test("the org-level providers create nothing else: every other resource goes through a workload provider", () => {
        const org = new Set(["aws-org", "gcp-org", "atlas-org"].map((n) => rec.registrations.find((r) => r.name === n && r.type.startsWith("pulumi:providers:"))!.urn));
        const viaOrg = rec.registrations.filter((r) => org.has(providerUrn(r.provider) ?? "")).map((r) => r.type);
        expect([...new Set(viaOrg)].sort()).toEqual([T.scpAttachment, T.scp, T.orgPolicy, T.resourcePolicy].sort());
    });

    test("the account-level S3 block is a setting of the production account, so it stays on aws-au", () => {
        expect(providerNames(rec, T.accountBlock)).toEqual([{ type: T.accountBlock, name: "s3-account-public-access-block", provider: "aws-au" }]);
    });
});

test("with every org-level guardrail off there is no org-level provider at all (none would configure, none could be misused)", async () => {
    const rec = await runStack({
        mutate: (c) => {
            c[SECTION].aws.regionDenyScp = { enabled: false };
            c[SECTION].gcp.orgPolicies = { enabled: false };
            c["data-platform:atlas"].resourcePolicy.enabled = false;
        },
    });
    expect(ofType(rec, T.aws).map((p) => p.name)).toEqual(["aws-au"]);
    expect(ofType(rec, T.gcp).map((p) => p.name)).toEqual(["gcp-au"]);
    expect(ofType(rec, T.atlas).map((p) => p.name)).toEqual(["atlas"]);
});

describe("the pure helpers", () => {
    test("pinnedAccount pins a real id and leaves a placeholder out", () => {
        expect(pinnedAccount("381492150007")).toEqual({ allowedAccountIds: ["381492150007"] });
        expect(pinnedAccount("111122223333")).toEqual({});
        expect(pinnedAccount("123456789012")).toEqual({});
    });

    test("awsOrgProviderArgs assumes a real role only", () => {
        expect(awsOrgProviderArgs("ap-southeast-2", "arn:aws:iam::123456789012:role/x")).toEqual({ region: "ap-southeast-2" });
        expect(awsOrgProviderArgs("ap-southeast-4", REAL.orgRole)).toEqual({
            region: "ap-southeast-4",
            assumeRoles: [{ roleArn: REAL.orgRole, sessionName: "data-platform-guardrails" }],
            allowedAccountIds: [REAL.orgAccount],
        });
    });

    test("accountOfRole reads the account of a role ARN and refuses anything else", () => {
        expect(accountOfRole(REAL.orgRole)).toBe(REAL.orgAccount);
        expect(() => accountOfRole("arn:aws:iam::role/x")).toThrow("not an IAM role ARN: arn:aws:iam::role/x");
    });
});
