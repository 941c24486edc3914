/**
 * `@pulumi/policy` requires `@pulumi/pulumi`'s index, which loads the whole SDK, and with it two parts that a policy
 * pack (and `npm run check`, which defers them the same way) never uses:
 * - `@npmcli/arborist`, through `runtime/closure/codePaths.js` (~0.4 s of the pack's boot here), which the SDK uses
 *   only to serialize functions (`codePaths`, for dynamic providers and callbacks). A pack serializes nothing.
 * - the Automation API, `automation/index.js` (~80 modules with the language host's protobufs, execa and js-yaml),
 *   which the index exports as `pulumi.automation`; nothing here reads it.
 * Each gets a stand-in in the module cache that loads the real module the first time anything reads from it, so
 * behaviour is unchanged: should anything ever need one, it gets the real one.
 *
 * Hand-written because no library defers one dependency's dependency; plain JavaScript because it runs before the
 * pack's TypeScript loader exists. Both are imported through TypeScript's `__importStar` (hence `__esModule`).
 */
"use strict";
const Module = require("node:module");
const path = require("node:path");

/** Puts a stand-in for `file` (which `from` requires) in the module cache, unless the module has loaded already. */
function defer(from, file) {
    if (require.cache[file]) return;
    let real;
    const load = () => {
        if (!real) {
            delete require.cache[file];
            real = from(file);
        }
        return real;
    };
    // `__esModule` stops TypeScript's __importStar from enumerating the keys (which would load the module at once).
    const lazy = new Proxy(
        {},
        {
            get: (_t, key) => (key === "__esModule" ? true : Reflect.get(load(), key)),
            has: (_t, key) => key === "__esModule" || Reflect.has(load(), key),
            ownKeys: () => Reflect.ownKeys(load()),
            getOwnPropertyDescriptor: (_t, key) => {
                const d = Reflect.getOwnPropertyDescriptor(load(), key);
                return d && { ...d, configurable: true };
            },
        },
    );
    const stub = new Module(file);
    stub.filename = file;
    stub.loaded = true;
    stub.exports = lazy;
    require.cache[file] = stub;
}

function deferUnusedSdkModules() {
    let sdk;
    try {
        sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    } catch {
        return;
    }
    const fromCodePaths = Module.createRequire(path.join(sdk, "runtime", "closure", "codePaths.js"));
    try {
        defer(fromCodePaths, fromCodePaths.resolve("@npmcli/arborist"));
    } catch {
        // not installed where the SDK would find it: the SDK fails as it would without this
    }
    defer(Module.createRequire(path.join(sdk, "index.js")), path.join(sdk, "automation", "index.js"));
}

module.exports = { deferUnusedSdkModules };
