/**
 * Jest transpiles with SWC only (no type-check): `npm test` runs the TypeScript 7 checker over infra/ and
 * tests/ first, so types are still proven. Measured in ../shared/toolchain-facts.md: ts-jest with type-checking
 * is ~5x slower and ~5x heavier for the same tests.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } }, module: { type: "commonjs" } }],
  },
  moduleFileExtensions: ["ts", "js", "json"],
  testTimeout: 60000,
  // All cores: the policy packs and program servers (one per worker) do most of the heavy lifting in parallel.
  maxWorkers: "100%",
  // One policy pack per worker, and the prod stack recorded once, while the workers start (tests/harness/global.ts).
  globalSetup: "<rootDir>/tests/harness/global-setup.ts",
  // In each test file, the SDK's unused eager dependencies load only if read (tests/harness/defer-unused-sdk-modules.ts).
  setupFiles: ["<rootDir>/tests/harness/defer-unused-sdk-modules.ts"],
  globalTeardown: "<rootDir>/tests/harness/global-teardown.ts",
  // Jest force-exits a worker that has not exited 500 ms after it was told to end, and warns "A worker process has
  // failed to exit gracefully". Measured 2026-12-03 under load (two CPU burners beside the suite), in a run that
  // printed the warning: both workers reached their 'exit' event 0-1 ms after the end message, so it was not an
  // event-loop handle of the tests that kept them. What takes longer after 'exit' was not isolated (the process's
  // own teardown on busy cores is the likely cost). Five seconds covers it; the trade-off: a handle that closes within
  // five seconds is no longer reported, one that stays open still is.
  workerGracefulExitTimeout: 5000,
};
