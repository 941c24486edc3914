/**
 * An AWS Organizations service control policy that denies every action requested outside the Australian regions,
 * attached to one account or organizational unit: the cloud-side guardrail behind the `aws-resources-in-australia`
 * policy (data policy "02.static-files" and "08.secure-transfers"; AWS IAM User Guide, "AWS: Denies access to AWS based
 * on the requested Region").
 *
 * The policy pack sees only this stack, and only values known at preview. The SCP is enforced by AWS itself, for
 * every principal of the target (console, CLI, other stacks, a value that was unknown at preview), so no bucket,
 * key, replica or event bus of the target can be created outside Sydney and Melbourne.
 *
 * | child | setting |
 * |---|---|
 * | `aws.organizations.Policy` (`${name}`) | `SERVICE_CONTROL_POLICY`: Deny `NotAction` {@link GLOBAL_SERVICE_ACTIONS} when `aws:RequestedRegion` is not an allowed region |
 * | `aws.organizations.PolicyAttachment` (`${name}-attachment`) | the policy on `targetId` |
 *
 * Rights: AWS Organizations policy management, i.e. the management account or a member account delegated to
 * manage policies. SCPs never restrict the management account itself, nor service-linked roles
 * (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps.html).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ClauseId } from "../../clauses";
import { AU_AWS_REGIONS, isListed, type AuAwsRegion } from "../../residency";
import { scpTarget } from "../../schema/guardrails";
import { checkArguments } from "../shared/argument-checks";

const CLAUSE: ClauseId = "02.static-files";

/** The SCP's name in AWS Organizations (names are unique in an organization). */
export const REGION_DENY_POLICY_NAME = "data-policy-australian-regions-only";

/**
 * Actions the deny leaves alone, because their services are global with a single endpoint outside Australia and
 * hold no customer data; denying them would lock the target out of IAM, Organizations and support.
 *
 * - `cloudfront`, `iam`, `organizations`, `route53`, `support`: the IAM User Guide example "AWS: Denies access to
 *   AWS based on the requested Region" (reference_policies_examples_aws_deny-requested-region), whose endpoints
 *   are in us-east-1;
 * - `budgets`, `globalaccelerator`, `importexport`, `waf`: the other global services the same page says to add
 *   when used;
 * - `sts`: the global STS endpoint (sts.amazonaws.com) is in us-east-1; AWS Control Tower's Region deny control
 *   (GRREGIONDENY) exempts it too.
 */
export const GLOBAL_SERVICE_ACTIONS = [
    "cloudfront:*",
    "iam:*",
    "organizations:*",
    "route53:*",
    "support:*",
    "budgets:*",
    "globalaccelerator:*",
    "importexport:*",
    "waf:*",
    "sts:*",
] as const;

export interface AwsRegionDenyScpArgs {
    /** The account id (12 digits) or OU id (`ou-…`) the SCP is attached to. Not the organization root. */
    readonly targetId: string;
    /** Regions left open; each must be Australian. Default `ap-southeast-2`, `ap-southeast-4`. */
    readonly allowedRegions?: readonly AuAwsRegion[];
}

export class AwsRegionDenyScp extends pulumi.ComponentResource {
    /** The SCP's id (`p-…`). */
    public readonly policyId: pulumi.Output<string>;
    /** Where it is attached. */
    public readonly targetId: string;

    public readonly policy: aws.organizations.Policy;
    public readonly attachment: aws.organizations.PolicyAttachment;

    constructor(name: string, args: AwsRegionDenyScpArgs, opts?: pulumi.ComponentResourceOptions) {
        const allowedRegions = args.allowedRegions ?? AU_AWS_REGIONS;
        const target = scpTarget.safeParse(args.targetId);
        checkArguments("AwsRegionDenyScp", name, opts, [
            { field: "targetId", value: args.targetId, ok: target.success, allowed: target.error?.issues[0]?.message ?? "" },
            {
                field: "allowedRegions",
                value: allowedRegions,
                ok: allowedRegions.length > 0 && allowedRegions.every((r) => isListed(r, AU_AWS_REGIONS)) && new Set(allowedRegions).size === allowedRegions.length,
                allowed: `Australian AWS regions, each once (${AU_AWS_REGIONS.join(" | ")}): data policy ${CLAUSE} keeps data in Australia`,
            },
        ]);
        super("data-platform:guardrails:AwsRegionDenyScp", name, {}, opts);

        this.policy = new aws.organizations.Policy(
            name,
            {
                name: REGION_DENY_POLICY_NAME,
                type: "SERVICE_CONTROL_POLICY",
                description: `Data policy ${CLAUSE}: denies every action requested outside ${allowedRegions.join(", ")}, except global services.`,
                content: JSON.stringify(regionDenyPolicyDocument(allowedRegions)),
                tags: { "data-policy-clause": CLAUSE },
            },
            { parent: this },
        );
        this.attachment = new aws.organizations.PolicyAttachment(
            `${name}-attachment`,
            { policyId: this.policy.id, targetId: args.targetId },
            { parent: this },
        );

        this.policyId = this.policy.id;
        this.targetId = args.targetId;
        this.registerOutputs({ policyId: this.policyId, targetId: this.targetId });
    }
}

/** The SCP document: one Deny of everything but {@link GLOBAL_SERVICE_ACTIONS} outside `allowedRegions`. */
export function regionDenyPolicyDocument(allowedRegions: readonly string[]) {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DenyOutsideAustralianRegions",
                Effect: "Deny",
                NotAction: [...GLOBAL_SERVICE_ACTIONS],
                Resource: "*",
                Condition: { StringNotEquals: { "aws:RequestedRegion": [...allowedRegions] } },
            },
        ],
    } as const;
}
