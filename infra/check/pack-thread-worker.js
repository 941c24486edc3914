/**
 * Entry of the policy pack's thread (pack-thread.ts). It starts the pack first, so that the pack boots while this
 * thread loads its own code. A worker thread starts without the main thread's require hooks; its code is check
 * tooling, not the program, so it only needs its types stripped (the pack's swc loader, not ts-node, which would
 * load the whole TypeScript compiler into this thread first).
 */
const { workerData } = require("node:worker_threads");
globalThis.__packChild = require("./spawn-pack").spawnPolicyPack(workerData.packDir);
// A child process outlives the thread that started it: whatever ends this thread (stop, an uncaught error, code
// that fails to load, terminate()), the pack goes with it.
process.on("exit", () => globalThis.__packChild.kill());
require("../policy/lib/swc-loader").registerSwcLoader();
require("./pack-thread-worker.ts");
