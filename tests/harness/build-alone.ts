/**
 * Builds components on their own, with fixture args and their own explicit providers, outside the stack and its
 * config validation: the one way tests build "a component alone". It runs under the same recorder as the offline
 * check, so a recording here has the same shape as the prod stack's.
 *
 * A component test built this way does not depend on `Pulumi.prod.yaml`: a prod config edit breaks only the tests
 * of the wiring (tests/areas/) and of the config, not the components'.
 */
import { ProgramError, runProgram, type Recording } from "../../infra/check/recorder";
import { programErrorOf } from "./program-error-of";

export interface BuildAloneOptions {
    /** Preview semantics (computed outputs unknown, as in `pulumi preview`). Default `false`. */
    readonly preview?: boolean;
}

/** Runs `build` as the whole program; throws {@link ProgramError} if it fails. */
export function buildAlone(build: () => unknown, opts: BuildAloneOptions = {}): Promise<Recording> {
    return runProgram(() => void build(), { project: "data-platform", stack: "test", config: {}, preview: opts.preview ?? false });
}

/** What a build that may be refused did: the error (or `undefined`) and the types registered, in order. */
export interface BuildOutcome {
    readonly error: string | undefined;
    readonly registered: readonly string[];
}

/**
 * Runs `build` and reports the outcome instead of throwing, so that a test asserts the exact message and what was
 * registered before it (a component that checks its arguments first registers nothing of its own).
 */
export async function tryBuildAlone(build: () => unknown): Promise<BuildOutcome> {
    try {
        const rec = await buildAlone(build);
        return { error: undefined, registered: rec.registrations.map((r) => r.type) };
    } catch (e) {
        if (!(e instanceof ProgramError)) throw e;
        return { error: e.message, registered: e.registrations.map((r) => r.type) };
    }
}

/** Runs `build` expecting it to fail; returns the error and what was registered before it. */
export function buildAloneExpectingError(build: () => unknown): Promise<ProgramError> {
    return programErrorOf(buildAlone(build), "expected the component to refuse its arguments, but it was built");
}

/**
 * A build of one component alone from fixture args: the returned function builds it with `overrides` laid over
 * `fixture`, so that each test states only what it varies.
 */
export function fixtureBuild<A extends object>(fixture: A, construct: (args: A) => unknown): (overrides?: Partial<A>) => Promise<Recording> {
    return (overrides = {}) => buildAlone(() => construct({ ...fixture, ...overrides }));
}
