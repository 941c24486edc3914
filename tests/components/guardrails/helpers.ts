/**
 * Shared by the guardrail tests: the section's config key, the explicit providers' URNs.
 */
import type { Recording, Registration } from "../../../infra/check/recorder";
import { named, providerUrn } from "../../harness/stack";

export const SECTION = "data-platform:guardrails";

/** `{name, provider}` of each registration, for comparing against the expected provider in one assertion. */
export function providersOf(regs: readonly Registration[]): { name: string; provider: string | undefined }[] {
    return regs.map((r) => ({ name: r.name, provider: providerUrn(r.provider) }));
}

/** The URN of an explicit provider of the prod stack (`aws-au`, `gcp-au`). */
export function providerUrnOf(rec: Recording, name: string, type: string): string {
    return named(rec, name, type).urn;
}

/** Every org policy a `GcpOrgPolicies` named `name` declares on `parent`, by resource name, with its exact inputs. */
export function expectedOrgPolicies(name: string, parent: string): Record<string, Record<string, unknown>> {
    const enforced = { rules: [{ enforce: "TRUE" }] };
    return {
        [`${name}-resource-locations`]: {
            name: `${parent}/policies/gcp.resourceLocations`,
            parent,
            spec: { inheritFromParent: false, rules: [{ values: { allowedValues: ["in:australia-locations"] } }] },
        },
        [`${name}-public-access-prevention`]: { name: `${parent}/policies/storage.publicAccessPrevention`, parent, spec: enforced },
        [`${name}-uniform-bucket-level-access`]: { name: `${parent}/policies/storage.uniformBucketLevelAccess`, parent, spec: enforced },
        [`${name}-restrict-non-cmek`]: {
            name: `${parent}/policies/gcp.restrictNonCmekServices`,
            parent,
            spec: { inheritFromParent: false, rules: [{ values: { deniedValues: ["storage.googleapis.com"] } }] },
        },
        [`${name}-secure-http-transport`]: { name: `${parent}/policies/storage.secureHttpTransport`, parent, spec: enforced },
    };
}

/** The region-deny SCP document AWS should enforce, written out in full. */
export function expectedDocument(regions: string[]) {
    return {
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "DenyOutsideAustralianRegions",
                Effect: "Deny",
                NotAction: [
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
                ],
                Resource: "*",
                Condition: { StringNotEquals: { "aws:RequestedRegion": regions } },
            },
        ],
    };
}

/** A policy registration's inputs with its `content` parsed. */
export function withParsedContent(inputs: Record<string, unknown>): Record<string, unknown> {
    return { ...inputs, content: JSON.parse(inputs["content"] as string) };
}
