/**
 * Preloaded (`node --require`) into each policy pack the check starts (spawn-pack.js), and only there: `pulumi
 * preview --policy-pack` starts the pack without it. The check holds the other end of the pack's stdin, a pipe it
 * never writes to; when that pipe closes, the process that started the pack has ended (however: a signal, SIGKILL,
 * a crash) or stopped the pack's thread, and the pack ends rather than keep serving a port nobody reads.
 *
 * The pipe is watched from a thread of its own: the pack's main thread spends its boot in synchronous work (loading
 * TypeScript, compiling the pack), seconds on a busy machine, and a watch on its event loop would wait for that.
 * The thread ends the pack with SIGTERM, which the pack does not handle, so it ends at once. Nothing else of the pack
 * changes: nothing else reads its stdin, and the thread is unref'd, so it never keeps the pack alive (a pack that
 * fails to load exits as before).
 */
"use strict";
const { Worker, isMainThread } = require("node:worker_threads");

// The thread's own event loop reads the pipe (non-blocking, so that ending the process never waits on a read).
const WATCH = `
    const end = () => process.kill(process.pid, "SIGTERM");
    const pipe = new (require("node:net").Socket)({ fd: 0, readable: true, writable: false });
    pipe.on("data", () => undefined).on("end", end).on("error", end).on("close", end);
`;

// A --require preload also runs in every thread the pack starts; only the pack's main thread starts the watch.
if (isMainThread) new Worker(WATCH, { eval: true, execArgv: [], stdin: false, stdout: false, stderr: false }).unref();
