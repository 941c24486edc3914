/**
 * For `npm run check` (run-check.js, after register-ts.js): keeps on disk the JavaScript that the registered
 * TypeScript loader (ts-node, as the language host registers it) produced for each `.ts` file, and hands it back
 * on later runs while nothing it depends on has changed, so that a check does not transpile the program and
 * itself again each time (~3 s of the prod check's ~8 s CPU here). What is evaluated is byte for byte what
 * ts-node produced: the key is the file's path and source, the TypeScript and ts-node versions, the compiler
 * options ts-node resolved and the TS_NODE_* environment; a file whose key is not on disk goes through ts-node as before.
 * Hand-written: ts-node 10 has no cache of its own, and other transpilers (swc, esbuild) would not produce
 * ts-node's output.
 *
 * The one difference: a file read from the cache has no entry in ts-node's source-map table, so a stack trace
 * through it shows JavaScript lines. The check reports error messages, not stacks, and the program runs with
 * unmapped frames anyway (recorder.ts).
 *
 * Where: node_modules/.cache/data-platform-check (the usual home of tool caches; `npm ci` starts it afresh).
 * Writes go to a temporary file renamed into place, so concurrent checks never read half a file.
 */
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const DIR = path.resolve(__dirname, "../../node_modules/.cache/data-platform-check");

/** Installs the cache in front of the `.ts` loader; `options` are the compiler options ts-node resolved (tsconfig and extends). */
function cacheTranspiledOutput(options) {
    const load = require.extensions[".ts"];
    if (!load) throw new Error("cacheTranspiledOutput: no TypeScript loader is registered (require infra/check/register-ts.js first)");
    const tsNodeEnv = Object.entries(process.env).filter(([k]) => k.startsWith("TS_NODE_")).sort();
    const salt = JSON.stringify([require("typescript").version, require("ts-node/package.json").version, options, tsNodeEnv]);
    require.extensions[".ts"] = function loadCached(module, filename) {
        const source = fs.readFileSync(filename, "utf8");
        const key = crypto.createHash("sha256").update(salt).update("\0").update(filename).update("\0").update(source).digest("hex");
        const file = path.join(DIR, `${key}.js`);
        let code;
        try {
            code = fs.readFileSync(file, "utf8");
        } catch {
            code = undefined; // not cached yet
        }
        if (code !== undefined) {
            module._compile(code, filename);
            return;
        }
        const compile = module._compile;
        module._compile = function (output, name) {
            try {
                fs.mkdirSync(DIR, { recursive: true });
                const tmp = `${file}.${process.pid}.tmp`;
                fs.writeFileSync(tmp, output);
                fs.renameSync(tmp, file);
            } catch {
                // A read-only or full disk only costs the next run the transpile.
            }
            return compile.call(this, output, name);
        };
        load(module, filename);
    };
}

module.exports = { cacheTranspiledOutput, CACHE_DIR: DIR };
