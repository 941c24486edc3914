/**
 * Shared by the guardrail tests: the section's config key, the explicit providers' URNs, and a way to build one
 * guardrail component directly (outside the stack) to see it refuse bad arguments before registering anything.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ProgramError, runProgram, type Recording, type Registration } from "../../../infra/check/recorder";
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

/** Runs a program that constructs one component; returns the error it fails with and what it had registered. */
export async function constructionError(build: () => pulumi.ComponentResource): Promise<ProgramError> {
    try {
        await runProgram(() => void build(), { project: "data-platform", stack: "guardrails", config: {} });
    } catch (err) {
        if (err instanceof ProgramError) return err;
        throw err;
    }
    throw new Error("expected the component to refuse its arguments, but it was built");
}
