/**
 * The policy pack, driven from a thread of its own. The program runs in the check's main thread, and a program
 * that declares many resources holds that thread for seconds at a time: while it does, no I/O is read there, so a
 * pack client in the same thread would see the pack's port, and send its first Analyze, only when the program
 * ended (measured at 10,000 resources: the pack sat idle for the whole 11 s program). Here a worker thread boots
 * the pack (as the CLI does, policy-pack.ts), configures it and sends each Analyze as soon as the main thread
 * posts the resource, which `postMessage` does at once, whatever the main thread does next.
 *
 * The worker runs the same {@link clientBackend} the in-thread analysis uses, so the calls, their order and the
 * concurrency are the same; only the thread that sends them differs.
 */
import type { Worker } from "node:worker_threads";
import type { AnalysisBackend, BackendOptions, PackReady } from "./analyze";
import { PolicyPackClient, type AnalysisResult, type AnalyzedResource } from "./policy-pack";

/** Messages from the main thread to the worker. */
export type ToPackThread =
    | { readonly kind: "configure"; readonly options: BackendOptions }
    | { readonly kind: "analyze"; readonly id: number; readonly resource: AnalyzedResource }
    | { readonly kind: "stderr"; readonly id: number }
    | { readonly kind: "stop" };

/** Messages from the worker to the main thread. `at` is an absolute time (`performance.timeOrigin + now()`). */
export type FromPackThread =
    | { readonly kind: "ready"; readonly ready: PackReady; readonly at: number; readonly port: number }
    | { readonly kind: "notReady"; readonly message: string }
    | { readonly kind: "result"; readonly id: number; readonly result: AnalysisResult }
    | { readonly kind: "failed"; readonly id: number; readonly message: string }
    | { readonly kind: "stderr"; readonly id: number; readonly text: string }
    | { readonly kind: "stopped"; readonly packPeakRssMiB: number | undefined };

/** What the worker is started with (pack-thread-start.js): the stack's settings come later, in "configure". */
export interface PackThreadData {
    readonly packDir: string;
    /** The pack process's pid, once spawned (0 before, and after it exited). */
    readonly pid: Int32Array;
}

interface PackWorker {
    readonly worker: Worker;
    listen(on: { message(m: FromPackThread): void; error(e: Error): void; exit(code: number): void }): void;
}
const { takePackWorker } = require("./pack-thread-start") as { takePackWorker(packDir: string, configure: ToPackThread): PackWorker };

export interface PackThread {
    readonly backend: AnalysisBackend;
    /** When the pack was configured and ready, as `performance.timeOrigin + performance.now()` (ms). */
    readonly readyAt: Promise<number>;
    /** Stops the pack (killing it if it is still booting) and the thread; resolves with the pack's peak memory. */
    stop(): Promise<{ packPeakRssMiB: number | undefined }>;
}

/**
 * Takes the worker started early for `packDir` (run-check.js) or starts one, which starts the pack; configures it
 * with `options`.
 */
export function startPackThread(packDir: string, options: BackendOptions): PackThread {
    const { worker, listen } = takePackWorker(packDir, { kind: "configure", options });
    const pending = new Map<number, { resolve: (r: any) => void; reject: (e: Error) => void }>();
    let nextId = 0;
    let readyResolve!: (r: { ready: PackReady; at: number; port: number }) => void;
    let readyReject!: (e: Error) => void;
    const ready = new Promise<{ ready: PackReady; at: number; port: number }>((resolve, reject) => ((readyResolve = resolve), (readyReject = reject)));
    ready.catch(() => undefined);
    let stopped: ((s: { packPeakRssMiB: number | undefined }) => void) | undefined;
    /** Why the thread can answer no more (it failed or exited): later calls fail with it at once. */
    let dead: Error | undefined;
    const failAll = (error: Error) => {
        dead ??= error;
        readyReject(error);
        for (const p of pending.values()) p.reject(error);
        pending.clear();
    };
    let exited = false;
    let stopping: Promise<{ packPeakRssMiB: number | undefined }> | undefined;
    listen({
        message: (m: FromPackThread) => {
            switch (m.kind) {
                case "ready":
                    return readyResolve({ ready: m.ready, at: m.at, port: m.port });
                case "notReady":
                    return failAll(new Error(m.message));
                case "result":
                case "stderr":
                case "failed": {
                    const p = pending.get(m.id);
                    pending.delete(m.id);
                    if (m.kind === "failed") p?.reject(new Error(m.message));
                    else p?.resolve(m.kind === "result" ? m.result : m.text);
                    return;
                }
                case "stopped":
                    return stopped?.({ packPeakRssMiB: m.packPeakRssMiB });
            }
        },
        error: (err) => failAll(err),
        exit: (code) => {
            exited = true;
            failAll(new Error(`The policy pack thread exited (code ${code}) before the analysis ended.`));
            stopped?.({ packPeakRssMiB: undefined });
        },
    });
    // Observed by the session and the timings; a pack that failed or was stopped must not be unhandled here.
    const backendReady = ready.then((r) => r.ready);
    const readyAt = ready.then((r) => r.at);
    backendReady.catch(() => undefined);
    readyAt.catch(() => undefined);
    const call = <T>(message: (id: number) => ToPackThread) =>
        new Promise<T>((resolve, reject) => {
            // A message posted to a thread that exited is dropped without an error: it would never be answered.
            if (dead) return reject(dead);
            const id = nextId++;
            pending.set(id, { resolve, reject });
            worker.postMessage(message(id));
        });
    return {
        backend: {
            ready: backendReady,
            analyze: (resource) => call<AnalysisResult>((id) => ({ kind: "analyze", id, resource })),
            // From this thread, over a connection of its own: by AnalyzeStack the program has ended, this thread is
            // free, and it holds every resource's state already; posting them to the worker would copy them all
            // into a second heap (370 MiB at 10,000 resources). The pack's config is the pack's, whichever
            // connection set it. A failure carries the pack's stderr, which the worker holds.
            analyzeStack: async (resources) => {
                const { port } = await ready;
                const client = PolicyPackClient.connect(port);
                try {
                    return await client.analyzeStack(resources);
                } catch (err) {
                    const stderr = (await call<string>((id) => ({ kind: "stderr", id })).catch(() => "")).trim();
                    throw new Error(`${(err as Error).message}${stderr ? `\npolicy pack stderr:\n${stderr}` : ""}`);
                } finally {
                    client.close();
                }
            },
        },
        readyAt,
        // Once: a second call gets the first's result, and a thread that already exited resolves at once.
        stop: () =>
            (stopping ??= exited
                ? Promise.resolve({ packPeakRssMiB: undefined })
                : new Promise((resolve) => {
                      stopped = (s) => {
                          stopped = undefined;
                          void worker.terminate().then(() => resolve(s));
                      };
                      worker.postMessage({ kind: "stop" } satisfies ToPackThread);
                  })),
    };
}
