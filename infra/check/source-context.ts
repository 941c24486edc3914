/**
 * Where a finding points in the repository, for the renderers that annotate source (sarif.ts,
 * github-annotations.ts): the file and line that declared the resource, relative to the repository root.
 *
 * Which frame: the innermost frame of the program (source-position.ts), i.e. the `new …` that declared the
 * resource. For a resource a component creates, that is the line in the component that builds it from its args;
 * the callers (the area wiring, infra/index.ts) follow as related locations. The innermost line is where the
 * properties a policy judges are written, and the one line that is the same for every caller; a reviewer who needs
 * the call that passed the offending argument finds it one step up. A finding with no resource (a stack policy's
 * finding about the stack as a whole), on a resource the program did not declare itself (the stack) or on one whose
 * declaring frame lies outside the repository points at the program's entry (Pulumi.yaml `main`), line 1. A deployed
 * state (`--state`) has no program lines and no entry: its findings carry the URN as their only (logical) location.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ReportViolation } from "./report-model";
import type { SourcePosition } from "./recording";

export interface SourceContext {
    /** The repository root: locations are relative to it (SARIF `%SRCROOT%`). */
    readonly sourceRoot: string;
    /** The program's entry file (Pulumi.yaml `main`), where findings without a declaring line point; none for a state. */
    readonly entry: string | undefined;
    /** URN → where the program declared it (runCheck's `declarations`). */
    readonly declarations: ReadonlyMap<string, readonly SourcePosition[]>;
}

/** A position relative to the source root, with `/` separators. */
export interface RepoPosition {
    readonly file: string;
    readonly line?: number;
    readonly column?: number;
}

export interface FindingLocation {
    readonly at: RepoPosition;
    /** The program frames that led to `at`, nearest first. */
    readonly callers: readonly RepoPosition[];
}

/**
 * The repository that holds the program: the nearest directory at or above the entry with a `.git` (a clone or
 * a worktree), else the project directory. A test's fixture project lives in a temporary directory while its
 * program lives in this repository; CI's checkout is both.
 */
export function sourceRootOf(projectRoot: string, entry: string): string {
    for (let dir = path.dirname(entry); ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, ".git"))) return dir;
        if (path.dirname(dir) === dir) return projectRoot;
    }
}

/** The entry module as Node resolves it (a directory `main` names its index or package.json `main`). */
export function entryFile(main: string): string {
    if (!fs.existsSync(main) || !fs.statSync(main).isDirectory()) return main;
    try {
        return require.resolve(`${main}/`);
    } catch {
        return main;
    }
}

/** Where `v` points, or `undefined` when neither a declaring frame in the repository nor an entry is known (a deployed state). */
export function locate(v: ReportViolation, ctx: SourceContext): FindingLocation | undefined {
    const frames = (ctx.declarations.get(v.urn) ?? []).map((p) => {
        const file = inRepo(ctx.sourceRoot, p.file);
        return file === undefined ? undefined : { file, ...(p.line !== undefined ? { line: p.line } : {}), ...(p.column !== undefined ? { column: p.column } : {}) };
    });
    // The declaring frame outside the repository (a program module that lives elsewhere): its callers are the lines
    // that required or called it, not where the resource is written, so the finding goes to the entry instead.
    if (frames.length > 0 && frames[0] !== undefined) {
        return { at: frames[0], callers: frames.slice(1).filter((f): f is RepoPosition => f !== undefined) };
    }
    if (ctx.entry === undefined) return undefined;
    return { at: { file: relative(ctx.sourceRoot, ctx.entry), line: 1 }, callers: [] };
}

function inRepo(root: string, file: string): string | undefined {
    const rel = relative(root, file);
    return rel.startsWith("../") || path.isAbsolute(rel) ? undefined : rel;
}

function relative(root: string, file: string): string {
    return path.relative(root, file).split(path.sep).join("/");
}
