/**
 * Loads a program's entry module the way the Node.js language host does under `pulumi preview` / `pulumi up`
 * (node_modules/@pulumi/pulumi/cmd/run/run.js, its `runProgram`, which `run()` hands to `runInPulumiStack`).
 * The recorder calls {@link evaluateEntry} inside the stack, so whatever the entry module and the modules it
 * imports register while they load (module-level `new aws.s3.Bucket(…)`) is recorded under the stack, with its
 * parent and provider, like anything `main()` registers.
 *
 * Mirrored from cmd/run:
 * - the entry is `require`d (CommonJS) inside the stack, after TypeScript is registered as the host registers it
 *   (register-ts.js); a directory entry is required as `dir/`, so Node resolves its package.json `main` or index;
 * - an export that is a function is called and awaited; any other export (the module's exports object) is the
 *   program's result, which becomes the stack outputs;
 * - the working directory during the run is the project directory (the CLI passes it as `--pwd`).
 *
 * Left out, and why:
 * - ESM programs (`"type": "module"`, loaded with dynamic `import()`): this repository is CommonJS; such a
 *   project is refused with a clear error rather than loaded another way than Pulumi would.
 * - The `engine-strict` Node.js version check from `.npmrc`, tracing, and the hints printed when the entry cannot
 *   be found: they change messages, not what is registered.
 * - A fresh process per run. `npm run check` is one (one run per process), exactly as under the CLI. The tests'
 *   program server is long-lived, so before every run it forgets every loaded module outside `node_modules`
 *   ({@link forgetProjectModules}): the entry and every project module it imports are evaluated afresh and their
 *   module-level code runs each time. The SDKs under node_modules stay loaded (they register nothing when they
 *   load, and the Pulumi runtime must stay one instance).
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** Requires the entry inside the running stack and returns what the program produced, as cmd/run does. */
export async function evaluateEntry(entry: string): Promise<unknown> {
    forgetProjectModules();
    const target = fs.statSync(entry).isDirectory() && !entry.endsWith("/") ? `${entry}/` : entry;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const programExport: unknown = require(target);
    return programExport instanceof Function ? await programExport() : programExport;
}

/**
 * Drops every cached module outside node_modules, so that the next `require` of the entry evaluates it and the
 * project modules it imports again (see the module comment: one long-lived process standing in for many).
 */
export function forgetProjectModules(): void {
    for (const file of Object.keys(require.cache)) {
        if (!file.split(path.sep).includes("node_modules")) delete require.cache[file];
    }
}

/**
 * Refuses an ESM project, which the language host would load with `import()` rather than `require`. `root` is the
 * directory holding Pulumi.yaml; the language host reads the nearest package.json at or above the program.
 */
export function assertCommonJs(entry: string): void {
    let dir = fs.existsSync(entry) && fs.statSync(entry).isDirectory() ? entry : path.dirname(entry);
    for (;;) {
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest)) {
            const type = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { type?: unknown }).type;
            if (type === "module") {
                throw new Error(
                    `${manifest} declares "type": "module": the language host would load ${entry} as an ES module, ` +
                        `which the offline check does not do. Keep the program CommonJS (remove "type": "module").`,
                );
            }
            return;
        }
        const up = path.dirname(dir);
        if (up === dir) return;
        dir = up;
    }
}

/**
 * For a long-lived process that runs the program many times (the tests' program server): keeps the JavaScript
 * that the registered TypeScript loader (ts-node, as the language host registers it) produced for each file, and
 * hands it back while the file's source is unchanged, so that re-evaluating the program after
 * {@link forgetProjectModules} does not transpile every file again. The loader still runs for any new or edited
 * file; what is evaluated is byte for byte what it produced. Hand-written: ts-node 10 has no such cache.
 */
export function reuseTranspiledOutput(): void {
    const extensions = require.extensions as Record<string, (module: NodeJS.Module, filename: string) => void>;
    const load = extensions[".ts"];
    if (!load) throw new Error("reuseTranspiledOutput: no TypeScript loader is registered (require infra/check/register-ts.js first)");
    const compiled = new Map<string, { source: string; code: string }>();
    type Compilable = NodeJS.Module & { _compile(code: string, filename: string): unknown };
    extensions[".ts"] = (module, filename) => {
        const source = fs.readFileSync(filename, "utf8");
        const hit = compiled.get(filename);
        const m = module as Compilable;
        if (hit && hit.source === source) {
            m._compile(hit.code, filename);
            return;
        }
        const compile = m._compile;
        m._compile = function (code: string, file: string) {
            compiled.set(filename, { source, code });
            return compile.call(this, code, file);
        };
        load(module, filename);
    };
}
