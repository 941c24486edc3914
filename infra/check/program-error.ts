import type { Registration } from "./recording";

/** The program failed; `registrations` says what it had registered before it did. */
export class ProgramError extends Error {
    constructor(
        readonly cause: unknown,
        readonly registrations: readonly Registration[],
    ) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.name = "ProgramError";
    }
}

/** What the engine would have refused (engine-rules.ts), one line per refusal, as `pulumi preview` prints them. */
export class EngineError extends Error {
    constructor(readonly refusals: readonly string[]) {
        super(`the engine refuses ${refusals.length === 1 ? "this registration" : `${refusals.length} registrations`}:\n  ${refusals.join("\n  ")}`);
        this.name = "EngineError";
    }
}
