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
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import type { AnalysisBackend, BackendOptions, PackReady } from "./analyze";
import type { AnalysisResult, AnalyzedResource } from "./policy-pack";

/** Messages from the main thread to the worker. */
export type ToPackThread =
    | { readonly kind: "analyze"; readonly id: number; readonly resource: AnalyzedResource }
    | { readonly kind: "analyzeStack"; readonly id: number; readonly resources: readonly AnalyzedResource[] }
    | { readonly kind: "stop" };

/** Messages from the worker to the main thread. `at` is an absolute time (`performance.timeOrigin + now()`). */
export type FromPackThread =
    | { readonly kind: "ready"; readonly ready: PackReady; readonly at: number }
    | { readonly kind: "notReady"; readonly message: string }
    | { readonly kind: "result"; readonly id: number; readonly result: AnalysisResult }
    | { readonly kind: "failed"; readonly id: number; readonly message: string }
    | { readonly kind: "stopped"; readonly packPeakRssMiB: number | undefined };

/** What the worker is started with. */
export interface PackThreadData {
    readonly packDir: string;
    readonly options: BackendOptions;
}

export interface PackThread {
    readonly backend: AnalysisBackend;
    /** When the pack was configured and ready, as `performance.timeOrigin + performance.now()` (ms). */
    readonly readyAt: Promise<number>;
    /** Stops the pack (killing it if it is still booting) and the thread; resolves with the pack's peak memory. */
    stop(): Promise<{ packPeakRssMiB: number | undefined }>;
}

/** Starts the worker, which starts the pack in `packDir` and configures it with `options`. */
export function startPackThread(packDir: string, options: BackendOptions): PackThread {
    const data: PackThreadData = { packDir, options };
    const worker = new Worker(path.join(__dirname, "pack-thread-worker.js"), { workerData: data, stdout: false, stderr: false });
    const pending = new Map<number, { resolve: (r: AnalysisResult) => void; reject: (e: Error) => void }>();
    let nextId = 0;
    let readyResolve!: (r: { ready: PackReady; at: number }) => void;
    let readyReject!: (e: Error) => void;
    const ready = new Promise<{ ready: PackReady; at: number }>((resolve, reject) => ((readyResolve = resolve), (readyReject = reject)));
    ready.catch(() => undefined);
    let stopped: ((s: { packPeakRssMiB: number | undefined }) => void) | undefined;
    const failAll = (error: Error) => {
        readyReject(error);
        for (const p of pending.values()) p.reject(error);
        pending.clear();
    };
    worker.on("message", (m: FromPackThread) => {
        switch (m.kind) {
            case "ready":
                return readyResolve({ ready: m.ready, at: m.at });
            case "notReady":
                return failAll(new Error(m.message));
            case "result":
            case "failed": {
                const p = pending.get(m.id);
                pending.delete(m.id);
                if (m.kind === "result") p?.resolve(m.result);
                else p?.reject(new Error(m.message));
                return;
            }
            case "stopped":
                return stopped?.({ packPeakRssMiB: m.packPeakRssMiB });
        }
    });
    worker.on("error", (err) => failAll(err));
    worker.on("exit", (code) => {
        failAll(new Error(`The policy pack thread exited (code ${code}) before the analysis ended.`));
        stopped?.({ packPeakRssMiB: undefined });
    });
    // Observed by the session and the timings; a pack that failed or was stopped must not be unhandled here.
    const backendReady = ready.then((r) => r.ready);
    const readyAt = ready.then((r) => r.at);
    backendReady.catch(() => undefined);
    readyAt.catch(() => undefined);
    const call = (message: (id: number) => ToPackThread) =>
        new Promise<AnalysisResult>((resolve, reject) => {
            const id = nextId++;
            pending.set(id, { resolve, reject });
            worker.postMessage(message(id));
        });
    return {
        backend: {
            ready: backendReady,
            analyze: (resource) => call((id) => ({ kind: "analyze", id, resource })),
            analyzeStack: (resources) => call((id) => ({ kind: "analyzeStack", id, resources })),
        },
        readyAt,
        stop: () =>
            new Promise((resolve) => {
                stopped = (s) => {
                    stopped = undefined;
                    void worker.terminate().then(() => resolve(s));
                };
                worker.postMessage({ kind: "stop" } satisfies ToPackThread);
            }),
    };
}
