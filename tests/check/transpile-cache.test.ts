/**
 * The check's transpile cache (infra/check/transpile-cache.js), in child processes that load TypeScript as
 * `npm run check` does: a second run evaluates the cached output, a changed source is transpiled afresh (never a
 * stale file), and an error thrown from a cached file is still mapped to its TypeScript line.
 */
import { execFileSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../harness/stack";

const CHECK = path.join(REPO_ROOT, "infra/check");

/** Loads `file` as run-check.js loads the program; prints its export, the line its thrown stack names, and the cache's hit. */
function load(file: string): { value: string; line: number; cached: boolean } {
    const script = `
        const { tsNode } = require(${JSON.stringify(path.join(CHECK, "register-ts.js"))});
        const fs = require("node:fs");
        const { cacheTranspiledOutput, CACHE_DIR } = require(${JSON.stringify(path.join(CHECK, "transpile-cache.js"))});
        const before = fs.existsSync(CACHE_DIR) ? new Set(fs.readdirSync(CACHE_DIR)) : new Set();
        cacheTranspiledOutput(tsNode.config.options);
        const m = require(${JSON.stringify(file)});
        let line = -1;
        try { m.fail(); } catch (e) { line = Number(/${path.basename(file).replace(".", "\\.")}:(\\d+):/.exec(e.stack)[1]); }
        const added = fs.readdirSync(CACHE_DIR).filter((f) => !before.has(f));
        console.log(JSON.stringify({ value: m.value, line, cached: added.length === 0 }));
    `;
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { cwd: REPO_ROOT, encoding: "utf8" }));
}

const source = (value: string) =>
    [
        "// A typed module: ts-node removes the types, so the JavaScript lines differ from these.",
        "interface Shape { readonly value: string }",
        "const shape: Shape = { value: " + JSON.stringify(value) + " };",
        "export const value: string = shape.value;",
        "",
        "export function fail(): never {",
        "    throw new Error(\"from line 7\");",
        "}",
        "",
    ].join("\n");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "transpile-cache-"));
// A unique file name, so that no earlier run of this test has its output cached.
const file = path.join(dir, `m-${crypto.randomUUID()}.ts`);

test("the first run transpiles and stores; the second evaluates the stored output; both map errors to the TypeScript line", () => {
    fs.writeFileSync(file, source("first"));
    expect(load(file)).toEqual({ value: "first", line: 7, cached: false });
    expect(load(file)).toEqual({ value: "first", line: 7, cached: true });
});

test("a changed source is transpiled afresh, never served from the cache of its old text", () => {
    fs.writeFileSync(file, source("second"));
    expect(load(file)).toEqual({ value: "second", line: 7, cached: false });
    expect(load(file)).toEqual({ value: "second", line: 7, cached: true });
});
