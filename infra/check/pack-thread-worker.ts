/**
 * The worker side of pack-thread.ts: boots the pack, runs {@link clientBackend} over its client, and answers each
 * message of the main thread. Loaded by pack-thread-worker.js, which registers TypeScript in this thread.
 */
import type { ChildProcess } from "node:child_process";
import { parentPort, workerData } from "node:worker_threads";
import { clientBackend } from "./analyze";
import type { FromPackThread, PackThreadData, ToPackThread } from "./pack-thread";
import { runPolicyPack, spawnPolicyPack, type RunningPolicyPack } from "./policy-pack";

const port = parentPort!;
const { packDir, options } = workerData as PackThreadData;
const post = (m: FromPackThread) => port.postMessage(m);
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

// Started by pack-thread-worker.js before TypeScript was registered in this thread.
const child: ChildProcess = (globalThis as { __packChild?: ChildProcess }).__packChild ?? spawnPolicyPack(packDir);
let booted = false;
const pack: Promise<RunningPolicyPack> = runPolicyPack(packDir, undefined, undefined, child);
pack.then(
    () => (booted = true),
    () => undefined,
);
const backend = clientBackend(
    pack.then((p) => p.client),
    options,
);
backend.ready.then(
    async (ready) => post({ kind: "ready", ready, at: performance.timeOrigin + performance.now(), port: (await pack).port }),
    (e) => post({ kind: "notReady", message: messageOf(e) }),
);

port.on("message", (m: ToPackThread) => {
    switch (m.kind) {
        case "analyze":
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
