/**
 * The pieces of @pulumi/pulumi's runtime that this repo needs and that its type declarations omit (they are
 * marked `@internal`). The Automation API and `Config.getSecret` use the same functions, so they are stable in
 * practice; this file is the one place to look if an upgrade moves them.
 *
 * - `withLocalStorage(fn)`: runs `fn` with a fresh runtime state (config, settings, stack resource), so each
 *   offline run is isolated from the last.
 * - `getStore()`: that state, where feature flags such as `supportsSecrets` live.
 * - `isConfigSecret(key)`: whether a config value was stored encrypted (`pulumi config set --secret`); used by
 *   `infra/config.ts` to refuse secrets written in plain text.
 * - `isEngineRun()`: whether the program runs under the Pulumi engine (`pulumi preview`/`up`) rather than under
 *   mocks: the language host (cmd/run) exports the monitor's address as PULUMI_NODEJS_MONITOR; mocks set none.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const state = require("@pulumi/pulumi/runtime/state") as {
    withLocalStorage<T>(fn: () => Promise<T>): Promise<T>;
    getStore(): Record<string, unknown>;
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("@pulumi/pulumi/runtime/config") as { isConfigSecret(key: string): boolean };

export const withLocalStorage = state.withLocalStorage;
export const isEngineRun = (): boolean => Boolean(process.env["PULUMI_NODEJS_MONITOR"]);
export const isConfigSecret = config.isConfigSecret;
export const getStore = state.getStore;
