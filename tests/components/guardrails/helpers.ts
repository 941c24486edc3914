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
