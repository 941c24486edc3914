/**
 * Creates the policy pack's thread (pack-thread.ts drives it; pack-thread-worker.js is its entry), and lets
 * `npm run check` create it before anything else: run-check.js calls {@link startPackThreadEarly} on its first
 * line, before TypeScript is registered and the check's own modules load (~1 s here), so the pack boots during
 * that second instead of after it. The thread is configured later, by the first `startPackThread` for the same
 * pack directory (it sends the stack's settings); nothing else about the analysis changes. JavaScript, not
 * TypeScript, so that it can run before TypeScript is registered.
 *
 * A pack process outlives the thread and the process that started it, and when this process ends the thread's
 * own `exit` handlers do not run (measured: a child spawned in a worker survived both a natural end and
 * `process.exit()`). So the worker writes the pack's pid into shared memory as soon as it spawned it, and this
 * thread kills that pid when the thread exits or this process does, whatever ended them.
 */
"use strict";
const path = require("node:path");
const { Worker } = require("node:worker_threads");

const EVENTS = ["message", "error", "exit"];

/**
 * Starts a pack thread for `packDir`. Events it emits before `listen` are kept and handed over then: an `error`
 * with no listener would throw in this thread, and a message with none would be lost.
 */
function createPackWorker(packDir) {
    const pid = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(path.join(__dirname, "pack-thread-worker.js"), { workerData: { packDir, pid }, stdout: false, stderr: false });
    const killPack = () => {
        const p = Atomics.exchange(pid, 0, 0);
        if (p === 0) return;
        try {
            process.kill(p);
        } catch {
            // already gone
        }
    };
    process.on("exit", killPack);
    worker.once("exit", () => {
        killPack();
        process.off("exit", killPack);
    });
    const early = [];
    const keep = Object.fromEntries(EVENTS.map((e) => [e, (value) => early.push([e, value])]));
    for (const e of EVENTS) worker.on(e, keep[e]);
    return {
        packDir,
        worker,
        /** From now on the worker's events go to `on`; those emitted already go first, in order. */
        listen(on) {
            for (const e of EVENTS) {
                worker.off(e, keep[e]);
                worker.on(e, on[e]);
            }
            for (const [e, value] of early.splice(0)) on[e](value);
        },
    };
}

/** The thread run-check.js started, until a check takes it. */
let early;

/**
 * Starts the pack thread for `packDir` ahead of the check. Until a check takes it, it does not keep this process
 * alive: a CLI run that fails before it checks anything (bad arguments) ends as it would have, and the pack goes.
 * Returns the worker (for tests).
 */
function startPackThreadEarly(packDir) {
    early = createPackWorker(packDir);
    early.worker.unref();
    return early.worker;
}

/** The thread started early for `packDir` if there is one not yet taken, otherwise a new one. */
function takePackWorker(packDir) {
    if (early !== undefined && early.packDir === packDir) {
        const taken = early;
        early = undefined;
        taken.worker.ref();
        return taken;
    }
    return createPackWorker(packDir);
}

module.exports = { startPackThreadEarly, takePackWorker };
