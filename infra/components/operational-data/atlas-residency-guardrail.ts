/**
 * An Atlas Resource Policy on the organization: the cloud-side guardrail behind data policy clause
 * "02.operational-data" ("an Atlas-hosted MongoDB cluster located in Australia") and
 * "05.encryption-and-access-control". Atlas refuses, for every project of the org and whoever asks (UI, API,
 * another Pulumi stack), to
 *
 * 1. create or change a cluster so that any of its regions is outside Australia, and
 * 2. put `0.0.0.0/0` on a project's IP access list.
 *
 * So the rule holds even where this stack's config validation and policy pack never run. The policies are Cedar,
 * in the form of Atlas's "Atlas Resource Policies" examples (`ResourcePolicy::Action::"cluster.modify"`,
 * `context.cluster.regions`, regions written `<cloud>:<cloud region id>`;
 * `ResourcePolicy::Action::"project.ipAccessList.modify"`, `ip("0.0.0.0/0")`).
 *
 * | child | setting |
 * |---|---|
 * | `mongodbatlas.ResourcePolicy` | org-scoped; the two Cedar policies of {@link residencyPolicyBodies} |
 *
 * Needs an Organization Owner API key. Atlas does not enforce a policy on resources that already break it; it
 * lists them at `GET /api/atlas/v2/orgs/{orgId}/nonCompliantResources` (docs/operational-data.md).
 */
import * as mongodbatlas from "@pulumi/mongodbatlas";
import * as pulumi from "@pulumi/pulumi";
import type { ClauseId } from "../../clauses";
import { AU_ATLAS_REGIONS, CEDAR_REGION } from "../../residency";

const CLAUSE: ClauseId = "02.operational-data";

/** The policy's name in Atlas (names are unique in an org). */
export const RESOURCE_POLICY_NAME = "data-policy-australia-only";

export interface AtlasResidencyGuardrailArgs {
    /** The Atlas organization the policy governs. */
    readonly orgId: string;
}

export class AtlasResidencyGuardrail extends pulumi.ComponentResource {
    /** Atlas's id of the resource policy. */
    public readonly resourcePolicyId: pulumi.Output<string>;
    /** The resource policy's name in the org ({@link RESOURCE_POLICY_NAME}). */
    public readonly resourcePolicyName: pulumi.Output<string>;

    public readonly resourcePolicy: mongodbatlas.ResourcePolicy;

    constructor(name: string, args: AtlasResidencyGuardrailArgs, opts?: pulumi.ComponentResourceOptions) {
        super("data-platform:operational-data:AtlasResidencyGuardrail", name, {}, opts);
        this.resourcePolicy = new mongodbatlas.ResourcePolicy(
            name,
            {
                orgId: args.orgId,
                name: RESOURCE_POLICY_NAME,
                description: `Data policy ${CLAUSE}: clusters only in Australian regions; no 0.0.0.0/0 on any IP access list.`,
                policies: residencyPolicyBodies().map((body) => ({ body })),
            },
            { parent: this },
        );
        this.resourcePolicyId = this.resourcePolicy.id;
        this.resourcePolicyName = this.resourcePolicy.name;
        this.registerOutputs({ resourcePolicyId: this.resourcePolicyId, resourcePolicyName: this.resourcePolicyName });
    }
}

/** The two Cedar policies: every cluster region Australian; no internet-wide access-list entry. */
export function residencyPolicyBodies(): string[] {
    const allowed = AU_ATLAS_REGIONS.map((r) => `ResourcePolicy::Region::"${CEDAR_REGION[r]}"`).join(", ");
    return [
        [
            "forbid (",
            "  principal,",
            '  action == ResourcePolicy::Action::"cluster.modify",',
            "  resource",
            ")",
            `unless { [${allowed}].containsAll(context.cluster.regions) };`,
        ].join("\n"),
        [
            "forbid (",
            "  principal,",
            '  action == ResourcePolicy::Action::"project.ipAccessList.modify",',
            "  resource",
            ")",
            'when { context.project.ipAccessList.contains(ip("0.0.0.0/0")) };',
        ].join("\n"),
    ];
}
