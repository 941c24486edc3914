/**
 * Jest `setupFiles` entry (jest.config.js): in each test file's module registry, two modules that
 * `@pulumi/pulumi`'s index loads eagerly but that no test path uses when the SDK loads are stood in for by proxies
 * that load the real module the first time anything reads from them, so behaviour is unchanged:
 *
 * - `@npmcli/arborist` (~450 modules: pacote, sigstore, tar…), required by `runtime/closure/codePaths.js` and used
 *   only to serialize functions. The pack and `npm run check` defer it the same way in Node's own module cache
 *   (infra/policy/lib/defer-unused.js); jest keeps its own registry per test file, so that one does not apply here.
 * - the SDK's `typescript-shim.js` (TypeScript's 9 MB compiler), required at module level by
 *   `runtime/closure/parseFunction.js` and read only inside the functions that serialize closures.
 * - the SDK's Automation API (`automation/index.js`, ~80 modules with the language host's protobufs, js-yaml and
 *   execa), which the index exports as `pulumi.automation` and nothing here reads.
 *
 * Jest's registry is per test file, so without this every file that loads the SDK compiles both again (about
 * 0.8 s of CPU a file on this kind of machine). A test that imports `typescript` itself gets the real module: only the
 * SDK's shim file is stood in for.
 */
import { createRequire } from "node:module";
import * as path from "node:path";

const sdk = path.dirname(require.resolve("@pulumi/pulumi/package.json"));

/** A stand-in for `file` that loads the real module (jest.requireActual) on the first read. */
function deferred(file: string, options: { esModule: boolean }): void {
    jest.mock(file, () => {
        let real: object | undefined;
        const load = (): object => (real ??= jest.requireActual<object>(file));
        return new Proxy(
            {},
            {
                // `__esModule` answered without loading stops TypeScript's __importStar from enumerating the keys
                // (which would load the module at once); only for a module imported that way.
                get: (_t, key) => (options.esModule && key === "__esModule" ? true : Reflect.get(load(), key)),
                has: (_t, key) => (options.esModule && key === "__esModule") || Reflect.has(load(), key),
                ownKeys: () => Reflect.ownKeys(load()),
                getOwnPropertyDescriptor: (_t, key) => {
                    const d = Reflect.getOwnPropertyDescriptor(load(), key);
                    return d && { ...d, configurable: true };
                },
            },
        );
    });
}

deferred(createRequire(path.join(sdk, "runtime", "closure", "codePaths.js")).resolve("@npmcli/arborist"), { esModule: true });
deferred(path.join(sdk, "typescript-shim.js"), { esModule: false });
deferred(path.join(sdk, "automation", "index.js"), { esModule: true });
