/**
 * A `.ts` loader that strips TypeScript with swc (@swc/core, a dependency of this pack and the transpiler jest
 * uses), one file at a time, straight from source. For code whose types `npm test` proves already (TypeScript 7
 * over infra/ and tests/) and that needs only its types stripped to run: the pack at boot (boot.js explains why)
 * and the check's policy-pack thread (infra/check/pack-thread-worker.js). Not for the Pulumi program, which loads
 * as the language host loads it (ts-node).
 */
"use strict";
const fs = require("node:fs");
const swc = require("@swc/core");

const SWC_OPTIONS = {
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "commonjs" },
    sourceMaps: "inline",
};

/**
 * Replaces whatever `.ts` loader is registered (ts-node's, when the runner registered it). Stack traces still
 * point at the TypeScript lines where source-map-support is installed (the runner installs it): the source map is
 * inline.
 */
exports.registerSwcLoader = function registerSwcLoader() {
    require.extensions[".ts"] = function loadTypeScript(module, filename) {
        const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), { ...SWC_OPTIONS, filename });
        module._compile(code, filename);
    };
};
