/**
 * The Cedar text of the org-level Atlas Resource Policy (AtlasResidencyGuardrail), written out in full: read by the
 * component's test and by the prod wiring's.
 */
/** The Cedar text of the Australian-regions-only policy, written out in full. */
export const REGION_POLICY = [
    "forbid (",
    "  principal,",
    '  action == ResourcePolicy::Action::"cluster.modify",',
    "  resource",
    ")",
    "unless { [" +
        [
            "aws:ap-southeast-2",
            "aws:ap-southeast-4",
            "gcp:australia-southeast1",
            "gcp:australia-southeast2",
            "azure:australiaeast",
            "azure:australiasoutheast",
            "azure:australiacentral",
            "azure:australiacentral2",
        ]
            .map((r) => `ResourcePolicy::Region::"${r}"`)
            .join(", ") +
        "].containsAll(context.cluster.regions) };",
].join("\n");

/** The Cedar text of the no-0.0.0.0/0 policy, written out in full. */
export const OPEN_ACCESS_POLICY = [
    "forbid (",
    "  principal,",
    '  action == ResourcePolicy::Action::"project.ipAccessList.modify",',
    "  resource",
    ")",
    'when { context.project.ipAccessList.contains(ip("0.0.0.0/0")) };',
].join("\n");

/** The exact inputs of `AtlasResidencyGuardrail`'s resource policy in the org `orgId`: both policies above. */
export function residencyPolicyInputs(orgId: string) {
    return {
        orgId,
        name: "data-policy-australia-only",
        description: "Data policy 02.operational-data: clusters only in Australian regions; no 0.0.0.0/0 on any IP access list.",
        policies: [{ body: REGION_POLICY }, { body: OPEN_ACCESS_POLICY }],
    };
}
