/**
 * The worker side of pack-thread.ts: boots the pack, runs {@link clientBackend} over its client once the main thread
 * sent the stack's settings ("configure", its first message), and answers each message of the main thread. Loaded
 * by pack-thread-worker.js, which registers TypeScript in this thread.
 */
import type { ChildProcess } from "node:child_process";
import { parentPort, workerData } from "node:worker_threads";
import { clientBackend, type AnalysisBackend } from "./analyze";
import type { FromPackThread, PackThreadData, ToPackThread } from "./pack-thread";
import { precompileConfigSchemas, runPolicyPack, type RunningPolicyPack } from "./policy-pack";

const port = parentPort!;
const { packDir } = workerData as PackThreadData;
const post = (m: FromPackThread) => port.postMessage(m);
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

// Started by pack-thread-worker.js before TypeScript was registered in this thread (and its pid shared then).
const child = (globalThis as { __packChild?: ChildProcess }).__packChild;
if (!child) throw new Error("pack-thread-worker.ts: load it through pack-thread-worker.js, which starts the pack.");
let booted = false;
const pack: Promise<RunningPolicyPack> = runPolicyPack(packDir, undefined, undefined, child);
pack.then(
    () => (booted = true),
    () => undefined,
);
/**
 * GetAnalyzerInfo needs none of the stack's settings, so it is asked as soon as the pack is up (the engine, too,
 * asks it first), and each policy's config schema is compiled then: both are done by the time "configure" comes,
 * if the pack was up first, as it is when it was started on the CLI's first line (pack-thread-start.js).
 */
const info = pack.then(async (p) => {
    const i = await p.client.info();
    precompileConfigSchemas(i);
    return i;
});
info.catch(() => undefined);

/** Set by the "configure" message, which pack-thread.ts sends before any other. */
let backend: AnalysisBackend | undefined;

port.on("message", (m: ToPackThread) => {
    switch (m.kind) {
        case "configure":
            backend = clientBackend(
                pack.then((p) => p.client),
                m.options,
                info,
            );
            backend.ready.then(
                async (ready) => post({ kind: "ready", ready, at: performance.timeOrigin + performance.now(), port: (await pack).port }),
                (e) => post({ kind: "notReady", message: messageOf(e) }),
            );
            return;
        case "analyze":
            if (!backend) return post({ kind: "failed", id: m.id, message: "The policy pack thread was asked to analyse before it was configured." });
            backend.analyze(m.resource).then(
                (result) => post({ kind: "result", id: m.id, result }),
                (e) => post({ kind: "failed", id: m.id, message: messageOf(e) }),
            );
            return;
        case "stderr":
            pack.then(
                (p) => post({ kind: "stderr", id: m.id, text: p.stderr() }),
                (e) => post({ kind: "stderr", id: m.id, text: messageOf(e) }),
            );
            return;
        case "stop":
            pack.then(
                (p) => {
                    const packPeakRssMiB = p.peakRssMiB();
                    p.stop();
                    post({ kind: "stopped", packPeakRssMiB });
                },
                () => {
                    child.kill();
                    post({ kind: "stopped", packPeakRssMiB: undefined });
                },
            );
            // Still booting: stop it now rather than when it is ready (its `pack` promise then rejects, above).
            if (!booted) child.kill();
            return;
    }
});
