/**
 * The pieces of @pulumi/pulumi's runtime that this repo needs and that its type declarations omit (they are
 * marked `@internal`). The Automation API and `Config.getSecret` use the same functions, so they are stable in
 * practice; this file is the one place to look if an upgrade moves them.
 *
 * - `withLocalStorage(fn)`: runs `fn` with a fresh runtime state (config, settings, stack resource), so each
 *   offline run is isolated from the last. `withFreshState(fn)` below gives the same isolation more cheaply.
 * - `getStore()`: that state, where feature flags such as `supportsSecrets` live.
 * - `isConfigSecret(key)`: whether a config value was stored encrypted (`pulumi config set --secret`); used by
 *   `infra/config.ts` to refuse secrets written in plain text.
 * - `isEngineRun()`: whether the program runs under the Pulumi engine (`pulumi preview`/`up`) rather than under
 *   mocks: the language host (cmd/run) exports the monitor's address as PULUMI_NODEJS_MONITOR; mocks set none.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as {
    withLocalStorage<T>(fn: () => Promise<T>): Promise<T>;
    getLocalStore(): unknown;
    getStore(): Record<string, unknown>;
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings") as { getEngine(): unknown };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("@pulumi/pulumi/runtime/config") as { isConfigSecret(key: string): boolean };

export const withLocalStorage = state.withLocalStorage;
export const isEngineRun = (): boolean => Boolean(process.env["PULUMI_NODEJS_MONITOR"]);
export const isConfigSecret = config.isConfigSecret;
export const getStore = state.getStore;

/** Where the runtime keeps its state outside any AsyncLocalStorage context (runtime/state.js `getStore`). */
const globals = globalThis as { globalStore?: unknown };
let freshStateInUse = false;

/**
 * Runs `fn` with a fresh runtime state, like `withLocalStorage`, but, when no other run is in progress, in the
 * runtime's process-wide store, as `pulumi up` runs a program (cmd/run never enters an AsyncLocalStorage).
 * Entering AsyncLocalStorage turns on Node's promise hooks for every promise after it, and the SDK makes several
 * per resource property: at 10,000 resources that is a quarter of the program's CPU time and most of its peak
 * memory. The previous process-wide state is put back afterwards. Runs that overlap (or a caller already inside
 * a local store) still get an AsyncLocalStorage store each, as they need one to stay apart.
 */
export async function withFreshState<T>(fn: () => Promise<T>): Promise<T> {
    if (freshStateInUse || state.getLocalStore() !== undefined) return state.withLocalStorage(fn);
    freshStateInUse = true;
    const previous = globals.globalStore;
    // runtime/state.js creates a new store on the next `getStore()` when there is none.
    globals.globalStore = undefined;
    // Outside a local store the SDK takes its engine (where `pulumi.log` goes) from a module variable that only an
    // engine address sets, not from the store's settings; offline runs put their log service in the store, so
    // while this run lasts the engine is read from the store first, as it is inside a local store.
    const getEngine = settings.getEngine;
    settings.getEngine = () => (state.getStore()["settings"] as { engine?: unknown } | undefined)?.engine ?? getEngine();
    try {
        return await fn();
    } finally {
        settings.getEngine = getEngine;
        globals.globalStore = previous;
        freshStateInUse = false;
    }
}
