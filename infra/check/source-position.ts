/**
 * Where the program declared each resource, from the call stack the Pulumi SDK records when a resource is
 * constructed (`Resource.stackTrace`, sent as `RegisterResourceRequest.stackTrace`; its first frame is the
 * request's `sourcePosition`). Findings in SARIF and GitHub annotations point there.
 *
 * Which frames are the program's: those before the first frame of the check's own modules (infra/check/*.ts and infra/pulumi-internals.ts:
 * everything from there down is the check's machinery and whatever called it), leaving out node_modules (the SDKs,
 * ts-node) and Node's internals.
 * The SDK leaves a frame it cannot parse (an async or anonymous frame) empty; those are skipped.
 *
 * The SDK parses `new Error().stack`, whose positions are the transpiled JavaScript's: the recorder keeps frames
 * unmapped while the program runs because mapping every frame of every registration is most of a run's time. So the
 * few frames kept here are mapped afterwards, through the source maps of the loader that transpiled the program:
 * ts-node, registered as the Pulumi language host registers it, keeps each file's output with an inline map and
 * hands it to @cspotcode/source-map-support, whose `mapSourcePosition` this uses (the same instance ts-node
 * installed, resolved from ts-node). Where no map is known for a TypeScript file (another loader), the frame keeps
 * its file and loses its line rather than carry a transpiled line that would point at the wrong statement.
 */
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import type { SourcePosition } from "./recording";

/** The proto `StackTrace` of a RegisterResourceRequest, as far as it is read here. */
export interface StackTraceMessage {
    getFramesList(): { getPc(): { getUri(): string; getLine(): number; getColumn(): number } | undefined }[];
}

interface MapPosition {
    source: string;
    line: number;
    column: number;
}
interface SourceMapSupport {
    mapSourcePosition(position: MapPosition): MapPosition;
}

const CHECK_DIR = __dirname;
// The runtime's internals the check calls (withFreshState starts the stack there): the check's side, not the program's.
const PULUMI_INTERNALS = path.join(__dirname, "..", "pulumi-internals.ts");
let sourceMaps: SourceMapSupport | undefined;

function sourceMapSupport(): SourceMapSupport {
    sourceMaps ??= createRequire(require.resolve("ts-node"))("@cspotcode/source-map-support") as SourceMapSupport;
    return sourceMaps;
}

/** What a frame's file is: the check's own code (the stack below is not the program's), a dependency, or the program. */
type FileKind = { readonly kind: "check" } | { readonly kind: "dependency" } | { readonly kind: "program"; readonly file: string };
// A stack repeats the same few files thousands of times over a large program.
const kinds = new Map<string, FileKind>();

function kindOf(uri: string): FileKind {
    let kind = kinds.get(uri);
    if (kind === undefined) {
        const file = uri.startsWith("file:") ? fileURLToPath(uri) : undefined;
        kind =
            file === undefined || file.split(path.sep).includes("node_modules")
                ? { kind: "dependency" }
                : path.dirname(file) === CHECK_DIR || file === PULUMI_INTERNALS
                  ? { kind: "check" }
                  : { kind: "program", file };
        kinds.set(uri, kind);
    }
    return kind;
}

/** The program's frames of one registration's recorded stack, innermost first, mapped to the program's source. */
export function programFrames(trace: StackTraceMessage | undefined): SourcePosition[] {
    const frames: SourcePosition[] = [];
    for (const frame of trace?.getFramesList() ?? []) {
        const pc = frame.getPc();
        const uri = pc?.getUri();
        if (!pc || !uri) continue;
        const kind = kindOf(uri);
        if (kind.kind === "check") break;
        if (kind.kind === "program") frames.push(mapped(kind.file, pc.getLine(), pc.getColumn()));
    }
    return frames;
}

// A component declares its children at the same few positions, once per instance.
const positions = new Map<string, SourcePosition>();

function mapped(file: string, line: number, column: number): SourcePosition {
    const key = `${line}:${column}:${file}`;
    let position = positions.get(key);
    if (position === undefined) {
        position = original(file, line, column);
        positions.set(key, position);
    }
    return position;
}

function original(file: string, line: number, column: number): SourcePosition {
    // V8 columns are 1-based, source-map columns 0-based.
    const position = { source: file, line, column: column - 1 };
    const original = sourceMapSupport().mapSourcePosition(position);
    if (original !== position) return { file, line: original.line, column: original.column + 1 };
    // No map: a JavaScript file is its own source; a TypeScript file's transpiled line would mislead.
    return /\.[cm]?tsx?$/.test(file) ? { file } : { file, line, column };
}
