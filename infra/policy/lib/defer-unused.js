/**
 * `@pulumi/policy` requires `@pulumi/pulumi`'s index, which loads the whole SDK; through
 * `runtime/closure/codePaths.js` that includes `@npmcli/arborist` (~0.4 s of the pack's boot here), which the SDK
 * uses only to serialize functions (`codePaths`, for dynamic providers and callbacks). A policy pack serializes
 * nothing. This puts a stand-in in the module cache that loads the real module the first time anything reads
 * from it, so behaviour is unchanged: should the SDK ever need Arborist, it gets the real one.
 *
 * Hand-written because no library defers one dependency's dependency; plain JavaScript because it runs before the
 * pack's TypeScript loader exists.
 */
"use strict";
const Module = require("node:module");
const path = require("node:path");

function deferUnusedSdkModules() {
    let sdk;
    try {
        sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    } catch {
        return;
    }
    const from = Module.createRequire(path.join(sdk, "runtime", "closure", "codePaths.js"));
    let file;
    try {
        file = from.resolve("@npmcli/arborist");
    } catch {
        return;
    }
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

module.exports = { deferUnusedSdkModules };
