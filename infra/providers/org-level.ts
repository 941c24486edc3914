/**
 * Provider arguments that the composition root (`infra/index.ts`) builds from validated config, for two concerns:
 *
 * 1. **Pinning an account without breaking preview** ({@link pinnedAccount}). The AWS provider checks
 *    `allowedAccountIds` when it configures, which happens at `pulumi preview` too: a placeholder account id there
 *    makes every preview fail with "AWS account ID not allowed" before any policy runs. So a placeholder is left out
 *    of the provider (the preview then runs with whatever account the credentials reach), and `loadConfig()` refuses
 *    the same placeholder at `pulumi up` (infra/schema/placeholders.ts). A real id is always pinned.
 * 2. **Org-level credentials** (docs/guardrails.md "Org-level providers"). The region-deny SCP, the GCP org policies
 *    and the Atlas Resource Policy change the organization, not the workload: each goes through its own provider
 *    with its own identity, so the workload providers (`aws-au`, `gcp-au`, `atlas`) never hold organization rights.
 *    - `aws-org` assumes `guardrails.aws.regionDenyScp.organizationsRoleArn` (management account or delegated
 *      administrator for Organizations policies) and is pinned to that role's account;
 *    - `gcp-org` impersonates `guardrails.gcp.orgPolicies.policyAdminServiceAccount` (Organization Policy
 *      Administrator) and bills its Org Policy API calls to the data project, where the stack enables the API;
 *    - `atlas-org` uses the Organization Owner API key `data-platform:atlasOrgPublicKey`/`…PrivateKey`.
 *
 * A placeholder role or service account is left out of its provider for the same reason as (1): assuming a role or
 * impersonating an account that does not exist fails at preview. `pulumi up` refuses the placeholder.
 */
import type * as aws from "@pulumi/aws";
import type * as gcp from "@pulumi/gcp";
import type * as mongodbatlas from "@pulumi/mongodbatlas";
import type { StackConfig } from "../config";
import { placeholderReason } from "../schema/placeholders";

/** The session name the org-level AWS provider assumes its role with: what CloudTrail shows in the management account. */
export const ORG_SESSION_NAME = "data-platform-guardrails";

/** `allowedAccountIds: [accountId]`, or nothing while `accountId` is a placeholder (see the module comment). */
export function pinnedAccount(accountId: string): Pick<aws.ProviderArgs, "allowedAccountIds"> {
    return placeholderReason(accountId) === undefined ? { allowedAccountIds: [accountId] } : {};
}

/** The account a role ARN is in (`arn:aws:iam::<account>:role/…`). */
export function accountOfRole(roleArn: string): string {
    const account = roleArn.split(":")[4];
    if (account === undefined || !/^\d{12}$/.test(account)) throw new Error(`not an IAM role ARN: ${roleArn}`);
    return account;
}

/**
 * The org-level AWS provider (`aws-org`): the stack's region, the role in the management or delegated-admin
 * account assumed with {@link ORG_SESSION_NAME}, and pinned to that account. No default tags: the SCP carries its own.
 */
export function awsOrgProviderArgs(region: string, organizationsRoleArn: string): aws.ProviderArgs {
    if (placeholderReason(organizationsRoleArn) !== undefined) return { region };
    return {
        region,
        assumeRoles: [{ roleArn: organizationsRoleArn, sessionName: ORG_SESSION_NAME }],
        ...pinnedAccount(accountOfRole(organizationsRoleArn)),
    };
}

/**
 * The org-level GCP provider (`gcp-org`): impersonates the Organization Policy Administrator service account, and
 * bills its calls to the data project (`billingProject` + `userProjectOverride`), whose `orgpolicy.googleapis.com`
 * this stack enables; otherwise Google would bill them to the service account's own project, where nothing here
 * enables the API.
 */
export function gcpOrgProviderArgs(config: StackConfig, policyAdminServiceAccount: string): gcp.ProviderArgs {
    return {
        project: config.gcp.project,
        region: config.gcp.region,
        billingProject: config.gcp.project,
        userProjectOverride: true,
        ...(placeholderReason(policyAdminServiceAccount) === undefined ? { impersonateServiceAccount: policyAdminServiceAccount } : {}),
    };
}

/**
 * The org-level Atlas provider (`atlas-org`): the Organization Owner key pair as secret Outputs when set. When it is
 * not set, `pulumi up` refuses to run while the Resource Policy is on (`atlasDeployChecks`); a preview then runs
 * with the plugin's environment credentials.
 */
export function atlasOrgProviderArgs(config: StackConfig): mongodbatlas.ProviderArgs {
    const publicKey = config.secrets["data-platform:atlasOrgPublicKey"];
    const privateKey = config.secrets["data-platform:atlasOrgPrivateKey"];
    return publicKey !== undefined && privateKey !== undefined ? { publicKey, privateKey } : {};
}
