/**
 * Entry of the policy pack's thread (pack-thread.ts). It starts the pack first, so that the pack boots while this
 * thread loads its own code. A worker thread starts without the main thread's require hooks; its code is check
 * tooling, not the program, so it only needs its types stripped (the pack's swc loader, not ts-node, which would
 * load the whole TypeScript compiler into this thread first).
 */
const { workerData } = require("node:worker_threads");
const child = require("./spawn-pack").spawnPolicyPack(workerData.packDir);
// The main thread kills this pid if this thread or the process ends first (pack-thread-start.js); cleared once the
// pack exited, so that a later pid of the same number is never killed.
Atomics.store(workerData.pid, 0, child.pid ?? 0);
globalThis.__packChild = child;
child.on("exit", () => Atomics.store(workerData.pid, 0, 0));
// A thread that ends on its own (an uncaught error, code that fails to load) takes the pack with it; one ended by
// `terminate()` (stop) runs no handler here, and its pack is stopped first, then killed from the main thread.
process.on("exit", () => child.kill());
require("../policy/lib/swc-loader").registerSwcLoader();
require("./pack-thread-worker.ts");
