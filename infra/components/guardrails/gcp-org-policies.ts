/**
 * Google Cloud organization policies (Org Policy API v2) on an organization, folder or project: the cloud-side
 * guardrails behind the `gcp-resources-in-australia`, `gcp-storage-bucket-private` and `gcp-storage-bucket-cmek`
 * policies (data policy "02.static-files", "05.encryption-and-access-control", "05.industry-standard-encryption";
 * https://cloud.google.com/storage/docs/org-policy-constraints and "Restricting Resource Locations").
 *
 * | child | constraint | rule |
 * |---|---|---|
 * | `${name}-resource-locations` | `gcp.resourceLocations` | allow only `in:australia-locations` |
 * | `${name}-public-access-prevention` | `storage.publicAccessPrevention` | enforced |
 * | `${name}-uniform-bucket-level-access` | `storage.uniformBucketLevelAccess` | enforced |
 * | `${name}-restrict-non-cmek` | `gcp.restrictNonCmekServices` | deny `storage.googleapis.com`: no bucket without a customer-managed key |
 * | `${name}-secure-http-transport` | `storage.secureHttpTransport` | enforced: no plain-HTTP access to Cloud Storage (§05 in transit) |
 *
 * Each policy's `name` is set explicitly (`<parent>/policies/<constraint>`): the SDK marks it optional, and the
 * provider would otherwise auto-name it into an invalid name (gcp.orgpolicy.Policy docs: "name … Immutable").
 * Boolean rule flags are the strings `"TRUE"`/`"FALSE"`, as the Org Policy v2 API and @pulumi/gcp type them. List policies set `inheritFromParent: false`, so a looser parent policy
 * cannot widen them.
 *
 * Limits Google documents: `gcp.resourceLocations` applies to resources created after it, is not enforced on some
 * sub-resources (Cloud Storage is named), and is not a data-residency commitment ("Restricting Resource
 * Locations"); `gcp.restrictNonCmekServices` applies to resources created after it too.
 *
 * Rights: Organization Policy Administrator (`roles/orgpolicy.policyAdmin`), which Google grants at the
 * organization level only, even for a folder or project parent.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { gcpPolicyParent } from "../../schema/guardrails";
import { checkArguments } from "../shared/argument-checks";

/** The GCP value group of every Australian location ("Restricting Resource Locations": location value groups). */
export const AUSTRALIAN_LOCATIONS = "in:australia-locations";

/** The services that must use customer-managed keys where the policy applies. */
export const CMEK_REQUIRED_SERVICES = ["storage.googleapis.com"] as const;

export interface GcpOrgPoliciesArgs {
    /** `organizations/<id>`, `folders/<id>` or `projects/<project number>`. */
    readonly parent: string;
    /**
     * Resources every child waits for (`dependsOn`): the project services (`GcpProjectServices`) whose APIs the
     * children call. Default none.
     */
    readonly waitFor?: readonly pulumi.Resource[];
}

/** Each child: its name suffix, its constraint, and its spec. */
export function orgPolicySpecs(): { suffix: string; constraint: string; spec: gcp.types.input.orgpolicy.PolicySpec }[] {
    const enforced = { rules: [{ enforce: "TRUE" }] };
    return [
        {
            suffix: "resource-locations",
            constraint: "gcp.resourceLocations",
            spec: { inheritFromParent: false, rules: [{ values: { allowedValues: [AUSTRALIAN_LOCATIONS] } }] },
        },
        { suffix: "public-access-prevention", constraint: "storage.publicAccessPrevention", spec: enforced },
        { suffix: "uniform-bucket-level-access", constraint: "storage.uniformBucketLevelAccess", spec: enforced },
        {
            suffix: "restrict-non-cmek",
            constraint: "gcp.restrictNonCmekServices",
            spec: { inheritFromParent: false, rules: [{ values: { deniedValues: [...CMEK_REQUIRED_SERVICES] } }] },
        },
        { suffix: "secure-http-transport", constraint: "storage.secureHttpTransport", spec: enforced },
    ];
}

export class GcpOrgPolicies extends pulumi.ComponentResource {
    /** The node the policies are set on. */
    public readonly parentNode: string;
    /** Each policy's full name (`<parent>/policies/<constraint>`), by constraint. */
    public readonly policyNames: Readonly<Record<string, string>>;

    public readonly policies: Readonly<Record<string, gcp.orgpolicy.Policy>>;

    constructor(name: string, args: GcpOrgPoliciesArgs, opts?: pulumi.ComponentResourceOptions) {
        const parent = gcpPolicyParent.safeParse(args.parent);
        checkArguments("GcpOrgPolicies", name, opts, [
            { field: "parent", value: args.parent, ok: parent.success, allowed: parent.error?.issues[0]?.message ?? "" },
        ]);
        super("data-platform:guardrails:GcpOrgPolicies", name, {}, opts);

        const specs = orgPolicySpecs();
        this.policyNames = Object.fromEntries(specs.map((s) => [s.constraint, `${args.parent}/policies/${s.constraint}`]));
        this.policies = Object.fromEntries(
            specs.map((s) => [
                s.constraint,
                new gcp.orgpolicy.Policy(
                    `${name}-${s.suffix}`,
                    { name: this.policyNames[s.constraint]!, parent: args.parent, spec: s.spec },
                    { parent: this, dependsOn: [...(args.waitFor ?? [])] },
                ),
            ]),
        );

        this.parentNode = args.parent;
        this.registerOutputs({ parentNode: this.parentNode, policyNames: this.policyNames });
    }
}
