/**
 * The two pieces of @pulumi/pulumi's runtime that the offline run needs and that its type declarations omit
 * (they are marked `@internal`). The Automation API uses the same pair to run inline programs, so they are
 * stable in practice; this file is the one place to look if an upgrade moves them.
 *
 * - `withLocalStorage(fn)`: runs `fn` with a fresh runtime state (config, settings, stack resource), so each
 *   offline run is isolated from the last.
 * - `getStore()`: that state, where feature flags such as `supportsSecrets` live.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as {
    withLocalStorage<T>(fn: () => Promise<T>): Promise<T>;
    getStore(): Record<string, unknown>;
};

export const withLocalStorage = state.withLocalStorage;
export const getStore = state.getStore;
