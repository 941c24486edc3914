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
