/**
 * Guardrails (data policy §02, §05, §08): the cloud-side denials behind the policy pack. Each needs rights beyond
 * the stack's own resources, so each is off unless config turns it on. The SCP and the org policies go through the
 * org-level providers (their own credentials); the account-level S3 block through the production account's.
 * docs/guardrails.md.
 */
import type * as aws from "@pulumi/aws";
import type * as gcp from "@pulumi/gcp";
import { AwsRegionDenyScp } from "../components/guardrails/aws-region-deny-scp";
import { GcpOrgPolicies } from "../components/guardrails/gcp-org-policies";
import { S3AccountPublicAccessBlock } from "../components/guardrails/s3-account-public-access-block";
import type { StackConfig } from "../config";
import type { GcpProjectServices } from "../components/shared/project-services";
import { whenEnabled } from "../schema/guardrails";

export interface GuardrailsProviders {
    /** The production account's provider (the account-level S3 block is a setting of that account). */
    readonly aws: aws.Provider;
    /** Org-level providers with their own credentials (docs/guardrails.md), present while their guardrail is on. */
    readonly awsOrg?: aws.Provider | undefined;
    readonly gcpOrg?: gcp.Provider | undefined;
    readonly gcpServices: GcpProjectServices;
}

/** Creates the guardrails that are switched on; returns which are on, and where (ids and names only). */
export function guardrails(config: StackConfig, providers: GuardrailsProviders) {
    const settings = config.guardrails;
    const regionDeny = whenEnabled(settings.aws.regionDenyScp, "targetId", "organizationsRoleArn");
    const awsRegionDeny = regionDeny
        ? new AwsRegionDenyScp(
              "aws-region-deny",
              { targetId: regionDeny.targetId, allowedRegions: regionDeny.allowedRegions },
              { providers: [providers.awsOrg!] },
          )
        : undefined;
    const s3AccountBlock = settings.aws.accountPublicAccessBlock.enabled
        ? new S3AccountPublicAccessBlock("s3-account-public-access-block", { accountId: config.aws.accountId }, { providers: [providers.aws] })
        : undefined;
    const orgPolicies = whenEnabled(settings.gcp.orgPolicies, "parent", "policyAdminServiceAccount");
    const gcpOrgPolicies = orgPolicies
        ? new GcpOrgPolicies("gcp-org-policies", { parent: orgPolicies.parent, waitFor: providers.gcpServices.for("orgpolicy") }, { providers: [providers.gcpOrg!] })
        : undefined;

    return {
        ...(awsRegionDeny ? { awsRegionDenyScp: { policyId: awsRegionDeny.policyId, targetId: awsRegionDeny.targetId } } : {}),
        ...(s3AccountBlock ? { s3AccountPublicAccessBlock: { accountId: s3AccountBlock.accountId } } : {}),
        ...(gcpOrgPolicies ? { gcpOrgPolicies: { parent: gcpOrgPolicies.parentNode, policies: gcpOrgPolicies.policyNames } } : {}),
    };
}
