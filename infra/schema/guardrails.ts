/**
 * Stack config for the cloud-side guardrails (docs/guardrails.md): the denials the clouds themselves enforce
 * behind the preview-time policy pack, for what a preview cannot see (values unknown until apply, resources
 * created outside this stack). Each is behind its own switch, because each needs rights beyond the stack's own
 * resources (AWS Organizations policy management, S3 account settings, GCP Organization Policy Administrator).
 *
 * The org-level guardrails (the SCP and the GCP org policies) are created with their own credentials, never the
 * workload stack's (docs/guardrails.md "Org-level providers"): the SCP through a provider that assumes
 * `organizationsRoleArn`, the org policies through one that impersonates `policyAdminServiceAccount`. Each is
 * required while its switch is on.
 *
 * Every message is a noun phrase saying what is allowed; `infra/config.ts` puts the key and the bad value in
 * front of it. A switch that is on without its target is refused here, before any resource is registered.
 */
import { z } from "zod";
import { AU_AWS_REGIONS } from "../residency";
import { awsRegion } from "./common";

const ON_OFF = "true or false";

const SCP_TARGET_MSG =
    "the AWS account (12 digits, quoted) or organizational unit (ou-<root>-<id>, e.g. ou-ab12-cd34ef56) the region-deny " +
    "SCP is attached to; not the organization root, which would reach accounts this stack does not own";

/** An account id or an OU id: the targets `aws.organizations.PolicyAttachment` takes, minus the root (`r-…`). */
export const scpTarget = z
    .string({ error: SCP_TARGET_MSG })
    .regex(/^(\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/, { error: SCP_TARGET_MSG });

const ORG_ROLE_MSG =
    "the ARN of the IAM role the org-level AWS provider assumes to manage the SCP, in the organization's management account " +
    "or the account delegated to manage AWS Organizations policies, e.g. arn:aws:iam::123456789012:role/data-platform-org-guardrails";

/** `arn:aws:iam::<account>:role/<path/name>`: the role the `aws-org` provider assumes. */
export const organizationsRoleArn = z
    .string({ error: ORG_ROLE_MSG })
    .regex(/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, { error: ORG_ROLE_MSG });

const POLICY_ADMIN_SA_MSG =
    "the e-mail of the Google service account the org-level GCP provider impersonates to set the org policies (it holds " +
    "Organization Policy Administrator), e.g. org-policy-guardrails@allotrac-org-admin.iam.gserviceaccount.com";

/** `<name>@<project id>.iam.gserviceaccount.com`: the service account the `gcp-org` provider impersonates. */
export const policyAdminServiceAccount = z
    .string({ error: POLICY_ADMIN_SA_MSG })
    .regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9-]{4,28}[a-z0-9]\.iam\.gserviceaccount\.com$/, { error: POLICY_ADMIN_SA_MSG });

const REGIONS_MSG = `a list of Australian AWS regions, each once (${AU_AWS_REGIONS.join(" | ")})`;

const GCP_PARENT_MSG =
    "the node the org policies are set on: organizations/<organization id>, folders/<folder id> or projects/<project number> " +
    "(numbers only: the Org Policy API returns policy names with the project number, and a project id there would show as a " +
    "change of the immutable name, i.e. a replacement)";

/** `organizations/<n>`, `folders/<n>` or `projects/<n>`: the Org Policy API v2 parents, in the form the API returns. */
export const gcpPolicyParent = z
    .string({ error: GCP_PARENT_MSG })
    .regex(/^(organizations|folders|projects)\/[1-9]\d{0,19}$/, { error: GCP_PARENT_MSG });

/**
 * A switch that needs a target when it is on: the target is checked whenever it is set, and required while the
 * switch is on. Used with `when: fieldsValid`, so it runs only when the fields are valid on their own and one
 * mistake is reported once.
 */
function requiredWhileEnabled(...targets: readonly (readonly [target: string, what: string])[]) {
    return (v: { readonly enabled: boolean }, ctx: z.RefinementCtx): void => {
        for (const [target, what] of targets) {
            if (v.enabled && (v as Record<string, unknown>)[target] === undefined) {
                ctx.addIssue({ code: "custom", path: [target], input: undefined, message: `${what} (required while enabled is true)` });
            }
        }
    };
}
const fieldsValid = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

/** `data-platform:guardrails` */
export const guardrailsSchema = z.strictObject({
    aws: z.strictObject({
        /**
         * A service control policy that denies every action outside the allowed regions (global services
         * exempted), attached to `targetId`. Needs AWS Organizations policy management: the management account, or
         * a member account delegated to manage policies: the `aws-org` provider assumes `organizationsRoleArn` there.
         */
        regionDenyScp: z
            .strictObject({
                enabled: z.boolean({ error: ON_OFF }),
                /** Account or OU the SCP is attached to; required while enabled. */
                targetId: scpTarget.optional(),
                /** Regions left open. Default both Australian regions. */
                allowedRegions: z
                    .array(awsRegion, { error: REGIONS_MSG })
                    .min(1, { error: REGIONS_MSG })
                    .refine((rs) => new Set(rs).size === rs.length, { error: REGIONS_MSG })
                    .default([...AU_AWS_REGIONS]),
                /**
                 * The role the org-level provider (`aws-org`) assumes to create the SCP and its attachment; required
                 * while enabled. The workload provider (`aws-au`) never gets Organizations rights.
                 */
                organizationsRoleArn: organizationsRoleArn.optional(),
            })
            .superRefine(requiredWhileEnabled(["targetId", SCP_TARGET_MSG], ["organizationsRoleArn", ORG_ROLE_MSG]), fieldsValid),
        /** The account-level S3 public access block (all four settings) on `data-platform:aws.accountId`. */
        accountPublicAccessBlock: z.strictObject({ enabled: z.boolean({ error: ON_OFF }) }),
    }),
    gcp: z.strictObject({
        /**
         * Org Policy v2 policies on `parent`: Australian locations only, public access prevention, uniform
         * bucket-level access, CMEK required for Cloud Storage, HTTPS only. Needs Organization Policy Administrator,
         * held by `policyAdminServiceAccount`, which the `gcp-org` provider impersonates.
         */
        orgPolicies: z
            .strictObject({
                enabled: z.boolean({ error: ON_OFF }),
                /** The organization, folder or project; required while enabled. */
                parent: gcpPolicyParent.optional(),
                /** The service account the org-level provider (`gcp-org`) impersonates; required while enabled. */
                policyAdminServiceAccount: policyAdminServiceAccount.optional(),
            })
            .superRefine(requiredWhileEnabled(["parent", GCP_PARENT_MSG], ["policyAdminServiceAccount", POLICY_ADMIN_SA_MSG]), fieldsValid),
    }),
});
export type GuardrailsConfig = z.infer<typeof guardrailsSchema>;

/**
 * A switch's settings while it is on, with its target (`key`) present: the schema refuses an enabled switch
 * without it, so this only narrows the type. `undefined` while the switch is off.
 */
export function whenEnabled<S extends { readonly enabled: boolean }, K extends keyof S>(
    settings: S,
    ...keys: readonly [K, ...K[]]
): (S & { readonly [P in K]-?: NonNullable<S[P]> }) | undefined {
    if (!settings.enabled) return undefined;
    for (const key of keys) {
        if (settings[key] === undefined) throw new Error(`guardrail switch is on without ${String(key)}; the config schema should have refused it`);
    }
    return settings as S & { readonly [P in K]-?: NonNullable<S[P]> };
}
