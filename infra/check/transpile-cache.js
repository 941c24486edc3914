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
 * A file read from the cache has no entry in ts-node's own output table, which is where source-map support looks
 * for the inline source map ts-node appended to its output; so the cache serves that same output to source-map
 * support too (a retrieveFile handler in front of ts-node's). Stack traces and the SARIF report's lines
 * (source-position.ts) are then mapped to TypeScript lines exactly as without the cache.
 *
 * Where: node_modules/.cache/data-platform-check (the usual home of tool caches; `npm ci` starts it afresh).
 * Writes go to a temporary file renamed into place, so concurrent checks never read half a file.
 */
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const DIR = path.resolve(__dirname, "../../node_modules/.cache/data-platform-check");

/** The source-map support ts-node installed (the same instance, resolved from ts-node), told of cached output. */
function serveToSourceMaps(outputs) {
    const support = require("node:module").createRequire(require.resolve("ts-node"))("@cspotcode/source-map-support");
    // Handlers run newest first and the first non-empty answer wins; null lets ts-node's own handler answer.
    support.install({ environment: "node", retrieveFile: (file) => outputs.get(file) ?? null });
}

/** Installs the cache in front of the `.ts` loader; `options` are the compiler options ts-node resolved (tsconfig and extends). */
function cacheTranspiledOutput(options) {
    const load = require.extensions[".ts"];
    if (!load) throw new Error("cacheTranspiledOutput: no TypeScript loader is registered (require infra/check/register-ts.js first)");
    const tsNodeEnv = Object.entries(process.env).filter(([k]) => k.startsWith("TS_NODE_")).sort();
    const outputs = new Map();
    serveToSourceMaps(outputs);
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
            outputs.set(filename, code);
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
