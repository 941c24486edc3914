/**
 * Creates the policy pack's thread (pack-thread.ts drives it; pack-thread-worker.js is its entry), and lets
 * `npm run check` create it before anything else: run-check.js calls {@link startPackThreadEarly} on its first
 * line, before TypeScript is registered and the check's own modules load, so the pack boots during that time instead
 * of after it (measured: the prod check's wall 3.56 → 2.88 s, median of 7, README "Measured"). The thread is
 * configured later, by the first `startPackThread` for the same pack directory (it sends the stack's settings);
 * nothing else about the analysis changes. JavaScript, not TypeScript, so that it can run before TypeScript is
 * registered.
 *
 * A pack process outlives the thread and the process that started it, and when this process ends the thread's
 * own `exit` handlers do not run (measured: a child spawned in a worker survived both a natural end and
 * `process.exit()`; `terminate()` skips them too). Two things end it instead:
 * - the pack's own watchdog (pack-watchdog.js, preloaded by spawn-pack.js): a thread of the pack that SIGKILLs it
 *   when its stdin, a pipe this process holds, closes; so whenever this process ends, however (a signal, SIGKILL, an
 *   abort, out of memory), or the thread holding the pipe ends, the pack ends too, even while it boots (once the
 *   watchdog's thread runs: ~20 ms after the pack starts here, more on a busy machine);
 * - at once, this thread: the worker writes the pack's pid into shared memory as soon as it spawned it, and this
 *   thread kills that pack when its thread exits or this process exits (a natural end, `process.exit()`, an uncaught
 *   error). No signal listener: one would keep a signal from ending the process while its main thread is busy.
 * A pack killed while its thread is gone stays a zombie until this process ends (its process handle belonged to the
 * thread's event loop, so nothing reaps it): harmless for the check, which ends; tests that start many count a zombie
 * as gone.
 */
"use strict";
const path = require("node:path");
const { Worker } = require("node:worker_threads");

const EVENTS = ["message", "error", "exit"];

/** The pid cells (shared with each pack thread) of the packs that may still run. */
const packPids = new Set();

/** Kills the pack whose pid `cell` holds, if it still runs. */
function killPack(cell) {
    const p = Atomics.exchange(cell, 0, 0);
    if (p === 0) return;
    try {
        process.kill(p);
    } catch {
        // already gone
    }
}

const killAll = () => {
    for (const cell of packPids) killPack(cell);
};
/** One exit listener for every pack thread, however many a process starts (tests start many). */
let installed = false;
function killPacksWhenThisProcessExits() {
    if (installed) return;
    installed = true;
    process.on("exit", killAll);
}

/**
 * Starts a pack thread for `packDir`. Events it emits before `listen` are kept and handed over then: an `error`
 * with no listener would throw in this thread, and a message with none would be lost.
 */
function createPackWorker(packDir) {
    killPacksWhenThisProcessExits();
    const pid = new Int32Array(new SharedArrayBuffer(4));
    packPids.add(pid);
    const worker = new Worker(path.join(__dirname, "pack-thread-worker.js"), { workerData: { packDir, pid }, stdout: false, stderr: false });
    worker.once("exit", () => {
        killPack(pid);
        packPids.delete(pid);
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
    // A second early start replaces the first, which nothing could take any more.
    if (early !== undefined) void early.worker.terminate();
    early = createPackWorker(packDir);
    early.worker.unref();
    return early.worker;
}

/**
 * The thread started early for `packDir` if there is one not yet taken, otherwise a new one, which is sent
 * `configure` (the stack's settings) first. A thread started early for another directory is stopped: no check
 * of this process takes it any more.
 */
function takePackWorker(packDir, configure) {
    let taken;
    if (early !== undefined && early.packDir === packDir) {
        taken = early;
        taken.worker.ref();
    } else {
        if (early !== undefined) void early.worker.terminate();
        taken = createPackWorker(packDir);
    }
    early = undefined;
    try {
        taken.worker.postMessage(configure);
    } catch (err) {
        // Settings that cannot be posted: the thread would wait for them for ever, holding this process open.
        void taken.worker.terminate();
        throw err;
    }
    return taken;
}

module.exports = { startPackThreadEarly, takePackWorker };
