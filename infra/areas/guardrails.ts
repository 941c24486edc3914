/**
 * Guardrails (data policy §02, §05, §08): the cloud-side denials behind the policy pack. Each needs rights beyond
 * the stack's own resources, so each is off unless config turns it on; they use the stack's pinned providers (the
 * SCP and the account-level block the production account's, the org policies the Australian GCP one).
 * docs/guardrails.md.
 */
import type * as aws from "@pulumi/aws";
import type * as gcp from "@pulumi/gcp";
import { AwsRegionDenyScp } from "../components/guardrails/aws-region-deny-scp";
import { GcpOrgPolicies } from "../components/guardrails/gcp-org-policies";
import { S3AccountPublicAccessBlock } from "../components/guardrails/s3-account-public-access-block";
import type { StackConfig } from "../config";
import { whenEnabled } from "../schema/guardrails";

export interface GuardrailsProviders {
    readonly aws: aws.Provider;
    readonly gcp: gcp.Provider;
}

/** Creates the guardrails that are switched on; returns which are on, and where (ids and names only). */
export function guardrails(config: StackConfig, providers: GuardrailsProviders) {
    const settings = config.guardrails;
    const regionDeny = whenEnabled(settings.aws.regionDenyScp, "targetId");
    const awsRegionDeny = regionDeny
        ? new AwsRegionDenyScp(
              "aws-region-deny",
              { targetId: regionDeny.targetId, allowedRegions: regionDeny.allowedRegions },
              { providers: [providers.aws] },
          )
        : undefined;
    const s3AccountBlock = settings.aws.accountPublicAccessBlock.enabled
        ? new S3AccountPublicAccessBlock("s3-account-public-access-block", { accountId: config.aws.accountId }, { providers: [providers.aws] })
        : undefined;
    const orgPolicies = whenEnabled(settings.gcp.orgPolicies, "parent");
    const gcpOrgPolicies = orgPolicies
        ? new GcpOrgPolicies("gcp-org-policies", { parent: orgPolicies.parent }, { providers: [providers.gcp] })
        : undefined;

    return {
        ...(awsRegionDeny ? { awsRegionDenyScp: { policyId: awsRegionDeny.policyId, targetId: awsRegionDeny.targetId } } : {}),
        ...(s3AccountBlock ? { s3AccountPublicAccessBlock: { accountId: s3AccountBlock.accountId } } : {}),
        ...(gcpOrgPolicies ? { gcpOrgPolicies: { parent: gcpOrgPolicies.parentNode, policies: gcpOrgPolicies.policyNames } } : {}),
    };
}
