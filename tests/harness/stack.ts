/**
 * Runs the real program (`infra/index.ts`, the `main` of Pulumi.yaml) under Pulumi's mock monitor with the
 * prod stack's config, or a mutation of it, and gives tests the whole recording. Uses the same loader and
 * recorder as the offline check, so tests and the check see the same thing.
 */
import * as path from "node:path";
import { loadProject, loadStackConfig } from "../../infra/check/project";
import * as http from "node:http";
import { ProgramError } from "../../infra/check/program-error";
import type { Recording, Registration } from "../../infra/check/recorder";
import { programErrorOf } from "./program-error-of";
import { providerUrn } from "../../infra/check/engine-rules";
import { waitForCached } from "./cache";
import { deserialize } from "./recording-file";

export const REPO_ROOT = path.resolve(__dirname, "../..");
export const project = loadProject(REPO_ROOT);

/** A fresh deep copy of `Pulumi.prod.yaml`'s config (tests mutate it freely). */
export function prodConfig(): Record<string, any> {
    return structuredClone(loadStackConfig(project, "prod").config) as Record<string, any>;
}

export interface RunStackOptions {
    /** Change the prod config before the run. */
    readonly mutate?: (config: Record<string, any>) => void;
    /** Preview semantics (computed outputs unknown). */
    readonly preview?: boolean;
    /** Extra secret config, e.g. `{ "data-platform:redisPassword": "…" }`. */
    readonly secrets?: Record<string, string>;
    /** Another entry module to run instead of the project's `main` (a fixture program), relative to the repo. */
    readonly main?: string;
    /** Run the program even if the server answered an identical request before (it answers those from memory). */
    readonly fresh?: boolean;
}

/**
 * Runs the program with the prod config (optionally mutated), through the tests' program server
 * (tests/harness/program-server.ts): the same runner, in plain Node, with the program loaded once.
 * Throws {@link ProgramError} if the program fails.
 */
export async function runStack(opts: RunStackOptions = {}): Promise<Recording> {
    const stackFile = loadStackConfig(project, "prod");
    const config = structuredClone(stackFile.config) as Record<string, any>;
    opts.mutate?.(config);
    Object.assign(config, opts.secrets ?? {});
    const answer = await postToProgramServer(
        JSON.stringify({
            config,
            secretKeys: [...stackFile.secretKeys, ...Object.keys(opts.secrets ?? {})],
            preview: opts.preview ?? false,
            ...(opts.main ? { main: path.resolve(REPO_ROOT, opts.main) } : {}),
            ...(opts.fresh ? { fresh: true } : {}),
        }),
    );
    const parsed = JSON.parse(answer) as { ok: true; recording: unknown } | { ok: false; error: { message: string; registrations: Registration[] } };
    if (!parsed.ok) {
        throw new ProgramError(new Error(parsed.error.message), parsed.error.registrations);
    }
    return deserialize(JSON.stringify(parsed.recording));
}

/** Runs the program expecting it to fail; returns the error and what was registered before it. */
export function runStackExpectingError(opts: RunStackOptions = {}): Promise<ProgramError> {
    return programErrorOf(runStack(opts), "expected the program to fail, but it succeeded");
}

async function postToProgramServer(body: string): Promise<string> {
    const port = Number(await waitForCached("program.port", "program.error"));
    return new Promise((resolve, reject) => {
        // A fresh connection per run: a kept-alive socket that the server closes after its idle timeout (5 s) just as
        // the next run reuses it fails with "socket hang up".
        const req = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", agent: false }, (res) => {
            let data = "";
            res.on("data", (d: Buffer) => (data += d.toString()));
            res.on("end", () => (res.statusCode === 200 ? resolve(data) : reject(new Error(`program server: ${data}`))));
        });
        req.on("error", reject);
        req.end(body);
    });
}

/** Every registration of `type`. */
export function ofType(rec: Recording, type: string): Registration[] {
    return rec.registrations.filter((r) => r.type === type);
}

/** The single registration named `name` (throws, listing what exists, if there is not exactly one). */
export function named(rec: Recording, name: string, type?: string): Registration {
    const found = rec.registrations.filter((r) => r.name === name && (type === undefined || r.type === type));
    if (found.length !== 1) {
        const names = rec.registrations.map((r) => `${r.type}::${r.name}`).join("\n  ");
        throw new Error(`expected exactly one registration named ${name}${type ? ` of type ${type}` : ""}, found ${found.length}. Registered:\n  ${names}`);
    }
    return found[0]!;
}

/** Direct children of `parent`. */
export function childrenOf(rec: Recording, parent: Registration): Registration[] {
    return rec.registrations.filter((r) => r.parent === parent.urn);
}

export { providerUrn } from "../../infra/check/engine-rules";

/** Each registration's type, name and provider URN, in order: what was created, and through which provider, in one comparison. */
export function placement(regs: readonly Registration[]): { type: string; name: string; provider: string | undefined }[] {
    return regs.map((r) => ({ type: r.type, name: r.name, provider: providerUrn(r.provider) }));
}
