/**
 * A `.ts` loader that strips TypeScript with swc (@swc/core, a dependency of this pack and the transpiler jest
 * uses), one file at a time, straight from source. For code whose types `npm test` proves already (TypeScript 7
 * over infra/ and tests/) and that needs only its types stripped to run: the pack at boot (boot.js explains why)
 * and the check's policy-pack thread (infra/check/pack-thread-worker.js). Not for the Pulumi program, which loads
 * as the language host loads it (ts-node).
 *
 * What swc produced for a file is kept on disk and handed back while the file, swc's version and these options are
 * unchanged (the key hashes all of them with the file's path and source), so a boot that finds every file there
 * does not load swc at all (~0.15 s of a ~1 s boot here: loading @swc/core's native binding and transforming ~40
 * files). What runs is byte for byte what swc produced. Where: `.cache/data-policy-pack-swc` in the node_modules
 * that holds @swc/core (the usual home of tool caches; `npm ci` starts it afresh). Writes go to a temporary file
 * renamed into place, so concurrent boots never read half a file; a disk that cannot be written only costs the
 * next boot the transform. Hand-written: swc has no cache of its own for `transformSync`.
 */
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const SWC_OPTIONS = {
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "commonjs" },
    sourceMaps: "inline",
};

/** `@swc/core`'s package.json: its version goes into the key, and its node_modules holds the cache. */
const SWC_PACKAGE = require.resolve("@swc/core/package.json");
// node_modules/@swc/core/package.json → node_modules/.cache/…
const CACHE_DIR = path.resolve(path.dirname(SWC_PACKAGE), "../../.cache/data-policy-pack-swc");
const SALT = JSON.stringify([JSON.parse(fs.readFileSync(SWC_PACKAGE, "utf8")).version, SWC_OPTIONS]);

/** The output for `filename`, from the cache or from swc (then cached). */
function transpile(source, filename) {
    const key = crypto.createHash("sha256").update(SALT).update("\0").update(filename).update("\0").update(source).digest("hex");
    const file = path.join(CACHE_DIR, `${key}.js`);
    try {
        return fs.readFileSync(file, "utf8");
    } catch {
        // not cached yet
    }
    const { code } = require("@swc/core").transformSync(source, { ...SWC_OPTIONS, filename });
    try {
        fs.mkdirSync(CACHE_DIR, { recursive: true });
        const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString("hex")}.tmp`;
        fs.writeFileSync(tmp, code);
        fs.renameSync(tmp, file);
    } catch {
        // A read-only or full disk only costs the next boot the transform.
    }
    return code;
}

/**
 * Replaces whatever `.ts` loader is registered (ts-node's, when the runner registered it). Stack traces still
 * point at the TypeScript lines where source-map-support is installed (the runner installs it): the source map is
 * inline, in the cached output too.
 */
exports.registerSwcLoader = function registerSwcLoader() {
    require.extensions[".ts"] = function loadTypeScript(module, filename) {
        module._compile(transpile(fs.readFileSync(filename, "utf8"), filename), filename);
    };
};

exports.SWC_CACHE_DIR = CACHE_DIR;
