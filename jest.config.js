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
  // failed to exit gracefully". Measured 2026-12-03 under load (two CPU burners beside the suite): both workers
  // reached their 'exit' event 0 ms after the end message, so nothing of the tests kept them open; the time goes in
  // the process's own teardown (a heap of a gigabyte or more, on busy cores). Five seconds covers that, and a real
  // leak (a handle left open) still trips it.
  workerGracefulExitTimeout: 5000,
};
