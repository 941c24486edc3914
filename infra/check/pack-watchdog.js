/**
 * Preloaded (`node --require`) into each policy pack the check starts (spawn-pack.js), and only there: `pulumi
 * preview --policy-pack` starts the pack without it. The check holds the other end of the pack's stdin, a pipe it
 * never writes to; when that pipe closes, the process that started the pack has ended (however: a signal, SIGKILL,
 * a crash) or stopped the pack's thread, and the pack process ends rather than keep serving a port nobody reads.
 * (Processes the pack starts itself are not covered; a policy pack starts none.)
 *
 * The pipe is watched from a thread of its own: the pack's main thread spends its boot in synchronous work (loading
 * TypeScript, the SDK, the policies), and a watch on its event loop would wait for that. The thread ends the pack with
 * SIGKILL, which no listener can delay: the pack holds nothing to flush. What this adds to the pack: one thread
 * (measured: ~12 MB more peak memory, ~20 ms more boot), fd 0 a pipe instead of /dev/null (as the Pulumi CLI gives its
 * plugins), and `--require` of this file in `process.execArgv`, which threads the pack starts inherit (this file does
 * nothing outside the main thread). The thread is unref'd, so it never keeps the pack alive (a pack that fails to
 * load exits as before). Should the watch fail to start (fd 0 not a pipe, say), the pack says so on stderr and runs
 * unwatched, as a pack the CLI starts does.
 */
"use strict";
const { Worker, isMainThread } = require("node:worker_threads");

// The thread's own event loop reads the pipe (non-blocking, so that ending the process never waits on a read).
const WATCH = `
    const end = () => process.kill(process.pid, "SIGKILL");
    const pipe = new (require("node:net").Socket)({ fd: 0, readable: true, writable: false });
    pipe.on("data", () => undefined).on("end", end).on("error", end).on("close", end);
`;

const unwatched = (err) => process.stderr.write(`pack-watchdog: not watching stdin, this pack will outlive the check: ${err.message}\n`);

// A --require preload also runs in every thread the pack starts; only the pack's main thread starts the watch.
if (isMainThread) {
    try {
        new Worker(WATCH, { eval: true, execArgv: [], stdout: false, stderr: false }).on("error", unwatched).unref();
    } catch (err) {
        unwatched(err);
    }
}
