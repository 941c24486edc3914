/**
 * The pack's `.ts` loader (infra/policy/lib/swc-loader.js) and its cache of swc's output. Each case loads in a child
 * process of its own (the loader changes process-wide module loading), from files of its own in a temporary
 * directory, so that its cache entries are its own.
 */
import { execFileSync } from "node:child_process";
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const LOADER = path.resolve(__dirname, "../../infra/policy/lib/swc-loader.js");
const { SWC_CACHE_DIR } = require(LOADER) as { SWC_CACHE_DIR: string };

/** Loads `file` through the loader in a fresh process; prints what it exports and whether @swc/core was loaded. */
function load(file: string): { value: unknown; swcLoaded: boolean } {
    const script = `
        require(${JSON.stringify(LOADER)}).registerSwcLoader();
        const value = require(${JSON.stringify(file)}).value;
        const swcLoaded = Object.keys(require.cache).some((k) => k.includes("/@swc/core/"));
        console.log(JSON.stringify({ value, swcLoaded }));
    `;
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
}

/** The cache entries written since `before` (a listing of the cache directory). */
function newEntries(before: string[]): string[] {
    return fs.readdirSync(SWC_CACHE_DIR).filter((f) => !before.includes(f));
}

let dir: string;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "swc-loader-"));
    fs.mkdirSync(SWC_CACHE_DIR, { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test("a file not in the cache goes through swc, and the next process gets swc's output from the cache without loading swc", () => {
    const file = path.join(dir, `m-${crypto.randomUUID()}.ts`);
    fs.writeFileSync(file, "const value: number = 41 + 1;\nexport { value };\n");
    const before = fs.readdirSync(SWC_CACHE_DIR);
    expect(load(file)).toEqual({ value: 42, swcLoaded: true });
    const written = newEntries(before);
    expect(written).toHaveLength(1);
    // What the cache holds is exactly swc's output for the file, with its inline source map.
    const swc = require("@swc/core") as typeof import("@swc/core");
    const expected = swc.transformSync(fs.readFileSync(file, "utf8"), {
        jsc: { parser: { syntax: "typescript" }, target: "es2022" },
        module: { type: "commonjs" },
        sourceMaps: "inline",
        filename: file,
    }).code;
    expect(fs.readFileSync(path.join(SWC_CACHE_DIR, written[0]!), "utf8")).toBe(expected);
    expect(expected).toContain("sourceMappingURL=data:application/json");
    expect(load(file)).toEqual({ value: 42, swcLoaded: false });
});

test("a changed file is never served its old output: the new source goes through swc", () => {
    const file = path.join(dir, `m-${crypto.randomUUID()}.ts`);
    fs.writeFileSync(file, "export const value: string = 'before';\n");
    expect(load(file).value).toBe("before");
    fs.writeFileSync(file, "export const value: string = 'after';\n");
    expect(load(file)).toEqual({ value: "after", swcLoaded: true });
    expect(load(file)).toEqual({ value: "after", swcLoaded: false });
});

test("the same source at another path has an entry of its own (the path is in the key: it is in the output's source map)", () => {
    const [a, b] = [path.join(dir, `a-${crypto.randomUUID()}.ts`), path.join(dir, `b-${crypto.randomUUID()}.ts`)];
    for (const f of [a, b]) fs.writeFileSync(f, "export const value = 1;\n");
    const before = fs.readdirSync(SWC_CACHE_DIR);
    load(a);
    expect(load(b).swcLoaded).toBe(true);
    expect(newEntries(before)).toHaveLength(2);
});
