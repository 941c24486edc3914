/**
 * The policy pack's thread (infra/check/pack-thread.ts), as `npm run check` uses it: the same verdicts as the
 * pack driven from this thread, calls sent while this thread is busy, and the pack process gone after stop,
 * whether it was ready, still booting or failed to start.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { AnalysisSession, analyzeRecording } from "../../infra/check/analyze";
import { startPackThread } from "../../infra/check/pack-thread";
// JavaScript, loaded as run-check.js loads it (the same module instance the TypeScript above requires).
const { startPackThreadEarly } = require("../../infra/check/pack-thread-start") as { startPackThreadEarly(packDir: string): import("node:worker_threads").Worker };
import { POLICY_PACK_DIR, stackPolicyPackConfig } from "../../infra/check/policy-pack";
import type { Recording } from "../../infra/check/recorder";
import { policyHarness, type PolicyHarness } from "../harness/policy";
import { runStack } from "../harness/stack";

let harness: PolicyHarness;
let recording: Recording;

beforeAll(async () => {
    [harness, recording] = await Promise.all([policyHarness(), runStack({ preview: true })]);
});
/** Threads a test started: stopped after it even if an assertion failed first (stop is idempotent). */
const stopAfter: { stop(): Promise<unknown> }[] = [];
afterEach(async () => {
    await Promise.all(stopAfter.splice(0).map((t) => t.stop()));
});
afterAll(() => harness.close());

const opts = { project: "data-platform", stack: "prod", preview: true, policyPackConfig: stackPolicyPackConfig("prod")! };
const verdicts = (a: { diagnostics: readonly { d: { policyName: string; urn: string; message: string } }[] }) =>
    a.diagnostics.map(({ d }) => `${d.policyName} ${d.urn} ${d.message}`);

/** The policy packs this process started that are still running (Linux /proc: children whose command names the runner). */
function runningPacks(): number[] {
    return fs
        .readdirSync("/proc")
        .filter((d) => /^\d+$/.test(d))
        .filter((pid) => {
            try {
                const ppid = Number(/^\S+ \(.*\) \S (\d+)/.exec(fs.readFileSync(`/proc/${pid}/stat`, "utf8"))?.[1]);
                return ppid === process.pid && fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("run-policy-pack");
            } catch {
                return false; // exited while we looked
            }
        })
        .map(Number);
}

/** Whether process `pid` has accepted a TCP connection on a port it listens on (Linux /proc). */
function hasClient(pid: number): boolean {
    let inodes: Set<string>;
    try {
        inodes = new Set(fs.readdirSync(`/proc/${pid}/fd`).map((fd) => /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1] ?? ""));
    } catch {
        return false;
    }
    const sockets = ["/proc/net/tcp", "/proc/net/tcp6"]
        .flatMap((f) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8").trim().split("\n").slice(1) : []))
        .map((line) => line.trim().split(/\s+/))
        .map((f) => ({ localPort: f[1]!.split(":").pop()!, state: f[3]!, inode: f[9]! }))
        .filter((s) => inodes.has(s.inode));
    const listening = new Set(sockets.filter((s) => s.state === "0A").map((s) => s.localPort));
    return sockets.some((s) => s.state === "01" && listening.has(s.localPort));
}

/** Resolves once `check` holds or `ms` passed (a killed process takes a moment to be reaped). */
async function eventually(check: () => boolean, ms = 5000): Promise<boolean> {
    const until = Date.now() + ms;
    while (!check()) {
        if (Date.now() > until) return false;
        await new Promise((r) => setTimeout(r, 25));
    }
    return true;
}

describe("the policy pack's thread", () => {
    test("gives the verdicts of the pack driven from this thread, and its pack is gone after stop", async () => {
        const before = runningPacks();
        const thread = startPackThread(POLICY_PACK_DIR, opts);
        stopAfter.push(thread);
        const session = new AnalysisSession(thread.backend, opts);
        for (const reg of recording.registrations) session.add(reg);
        // This thread now holds the CPU for a while, as a program does: the pack thread configures the pack and
        // sends the Analyze calls meanwhile, so the pack is ready before this thread looks again.
        // Busy until the pack has accepted the worker's connection (seen in /proc, without this thread's event
        // loop), then two seconds more for Configure and the Analyze calls, which take milliseconds.
        const giveUp = Date.now() + 60_000;
        let pack: number | undefined;
        while (Date.now() < giveUp && !(pack !== undefined && hasClient(pack))) pack ??= runningPacks().find((p) => !before.includes(p));
        const busyUntil = Date.now() + 2000;
        while (Date.now() < busyUntil) {
            /* busy, no I/O */
        }
        const lookedAt = performance.timeOrigin + performance.now();
        const analysis = await session.finish(recording);
        expect(await thread.readyAt).toBeLessThan(lookedAt);
        expect(verdicts(analysis)).toEqual(verdicts(await analyzeRecording(harness.client, recording, opts)));
        expect(analysis.info.policies.map((p) => p.name)).toEqual((await harness.client.info()).policies.map((p) => p.name));

        expect(runningPacks().length).toBe(before.length + 1);
        const { packPeakRssMiB } = await thread.stop();
        expect(packPeakRssMiB).toBeGreaterThan(50);
        expect(await eventually(() => runningPacks().length === before.length)).toBe(true);
    });

    test("stopped while the pack boots (the program failed), the pack is killed and nothing is left running", async () => {
        const before = runningPacks();
        const thread = startPackThread(POLICY_PACK_DIR, opts);
        expect(await eventually(() => runningPacks().length === before.length + 1)).toBe(true);
        await thread.stop();
        expect(await eventually(() => runningPacks().length === before.length)).toBe(true);
        await expect(thread.backend.ready).rejects.toThrow();
        // Stopping again (an afterEach, a finally) neither hangs nor throws.
        await expect(thread.stop()).resolves.toEqual({ packPeakRssMiB: undefined });
        // A call after the thread exited fails at once (a message posted to an exited thread is silently dropped).
        await expect(thread.backend.analyze({ type: "aws:s3/bucket:Bucket", name: "late", urn: "urn:late", properties: {} })).rejects.toThrow(
            /^The policy pack in .* exited \(code null\) before it was ready|^The policy pack thread exited/,
        );
    });

    test("an invalid --policy-pack-config fails the analysis with the policy and the problem, as the CLI refuses it", async () => {
        const bad = { ...opts, policyPackConfig: { ...opts.policyPackConfig, "audit-logs-kept-in-australia": { minRetentionDays: 30 } } };
        const thread = startPackThread(POLICY_PACK_DIR, bad);
        stopAfter.push(thread);
        await expect(new AnalysisSession(thread.backend, bad).finish(recording)).rejects.toThrow(
            /^Invalid config for policy audit-logs-kept-in-australia: \/minRetentionDays must be >= 400\.$/,
        );
    });

    test("a directory that holds no pack fails the analysis with the pack's own error, naming the directory", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "no-pack-"));
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "no-pack", main: "index.js" }));
        fs.writeFileSync(path.join(dir, "index.js"), 'throw new Error("this is not a policy pack");\n');
        // The runner is resolved from the pack's node_modules, as the CLI resolves it.
        fs.symlinkSync(path.join(POLICY_PACK_DIR, "../../node_modules"), path.join(dir, "node_modules"));
        const thread = startPackThread(dir, opts);
        const session = new AnalysisSession(thread.backend, opts);
        session.add(recording.registrations[0]!);
        await expect(session.finish(recording)).rejects.toThrow(new RegExp(`The policy pack in ${dir} exited \\(code \\d+\\) before it was ready:[^]*this is not a policy pack`));
        await thread.stop();
    });
});

/**
 * Runs `script` in a fresh node process that starts a pack thread early, as run-check.js does, and prints the pid of
 * the pack it started once that is running; resolves with that pid once the process ended as `ends` says (with
 * that exit code, or by that signal) by itself. Otherwise (30 s passed, or it ended another way) it fails, and kills
 * the pack it printed if that still runs: a failing test must not leave packs behind on a shared machine.
 */
function packPidOfProcess(script: string, ends: { code: number } | { signal: NodeJS.Signals } = { code: 0 }): Promise<number> {
    const prelude = `
        const fs = require("node:fs");
        const packsOfMine = () => fs.readdirSync("/proc").filter((d) => /^\\d+$/.test(d)).filter((pid) => {
            try {
                const ppid = Number(/^\\S+ \\(.*\\) \\S (\\d+)/.exec(fs.readFileSync("/proc/" + pid + "/stat", "utf8"))[1]);
                return ppid === process.pid && fs.readFileSync("/proc/" + pid + "/cmdline", "utf8").includes("run-policy-pack");
            } catch { return false; }
        });
        // /proc shows the pack from its fork on, while the worker is still in spawn(), which returns its pid: the
        // worker shares the pid only then, so wait until it surely has (a window of microseconds otherwise).
        const whenPackRuns = (then) => { const t = setInterval(() => { const p = packsOfMine(); if (p.length) { clearInterval(t); console.log(p[0]); setTimeout(then, 200); } }, 10); };
        const early = require(${JSON.stringify(path.resolve(__dirname, "../../infra/check/pack-thread-start.js"))});
        const packDir = ${JSON.stringify(POLICY_PACK_DIR)};
    `;
    return new Promise((resolve, reject) =>
        // Killed by SIGKILL on the timeout, which no case expects: a process the timeout ended never passes.
        execFile(process.execPath, ["-e", prelude + script], { timeout: 30_000, killSignal: "SIGKILL" }, (err, stdout, stderr) => {
            const pid = Number(/^(\d+)$/m.exec(stdout)?.[1]);
            const [code, signal] = [err ? (err.code ?? null) : 0, err?.signal ?? null];
            const expected = !err?.killed && ("code" in ends ? code === ends.code && signal === null : signal === ends.signal);
            if (expected && pid > 0) return resolve(pid);
            try {
                if (pid > 0 && fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("run-policy-pack")) process.kill(pid);
            } catch {
                // gone already
            }
            reject(new Error(`the process ended with code ${code}, signal ${signal}, pack ${pid}; expected ${JSON.stringify(ends)}\n${stderr}`));
        }),
    );
}

/** Whether process `pid` is gone (or only a zombie waiting for its new parent to reap it). */
const gone = (pid: number) => {
    try {
        return /^\S+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, "utf8"));
    } catch {
        return true;
    }
};
/** Whether `pack` ends within 5 s; one that does not is killed here, so that a failing case leaves nothing running. */
async function endsSoon(pack: number): Promise<boolean> {
    if (await eventually(() => gone(pack))) return true;
    try {
        process.kill(pack, "SIGKILL");
    } catch {
        // ended meanwhile
    }
    return false;
}

describe("the pack's thread started on the CLI's first line (run-check.js)", () => {
    test("is the thread the check then configures: one pack process throughout, the same verdicts", async () => {
        const before = runningPacks();
        startPackThreadEarly(POLICY_PACK_DIR);
        expect(await eventually(() => runningPacks().length === before.length + 1, 30_000)).toBe(true);
        const [early] = runningPacks().filter((p) => !before.includes(p));
        const exitListeners = process.listenerCount("exit");
        const thread = startPackThread(POLICY_PACK_DIR, opts);
        stopAfter.push(thread);
        const session = new AnalysisSession(thread.backend, opts);
        for (const reg of recording.registrations) session.add(reg);
        const analysis = await session.finish(recording);
        expect(runningPacks().filter((p) => !before.includes(p))).toEqual([early]);
        expect(verdicts(analysis)).toEqual(verdicts(await analyzeRecording(harness.client, recording, opts)));
        // Taken once: the next check starts a thread (and a pack) of its own.
        const second = startPackThread(POLICY_PACK_DIR, opts);
        stopAfter.push(second);
        // One exit listener for all the threads of a process, however many it starts.
        expect(process.listenerCount("exit")).toBe(exitListeners);
        expect(await eventually(() => runningPacks().filter((p) => !before.includes(p)).length === 2, 30_000)).toBe(true);
        await Promise.all([thread.stop(), second.stop()]);
        expect(await eventually(() => runningPacks().length === before.length)).toBe(true);
    });

    test("that no check takes does not keep the process alive, and its pack ends with the process", async () => {
        // The process ends on its own once the pack runs: only the unreferenced thread is left.
        const pack = await packPidOfProcess("early.startPackThreadEarly(packDir); whenPackRuns(() => undefined);");
        expect(await endsSoon(pack)).toBe(true);
    });

    test("taken by a check, its pack still ends with the process when the process exits mid-check", async () => {
        const pack = await packPidOfProcess(`
            early.startPackThreadEarly(packDir);
            require(${JSON.stringify(path.resolve(__dirname, "../../infra/policy/lib/swc-loader.js"))}).registerSwcLoader();
            require(${JSON.stringify(path.resolve(__dirname, "../../infra/check/pack-thread.ts"))}).startPackThread(packDir, ${JSON.stringify(opts)});
            whenPackRuns(() => process.exit(3));
        `, { code: 3 });
        expect(await endsSoon(pack)).toBe(true);
    });

    test.each(["SIGTERM", "SIGINT", "SIGHUP", "SIGKILL"] as const)(
        "its pack ends with the process when %s ends the process, which ends by that signal as it would without a pack",
        async (signal) => {
            // No handler of this process runs when one of these signals ends it: only the pack's own watchdog can end the
            // pack (without it, spawn-pack.js minus its --require, all four cases fail: the pack outlives the process).
            const pack = await packPidOfProcess(
                `early.startPackThreadEarly(packDir); whenPackRuns(() => { process.kill(process.pid, "${signal}"); setInterval(() => undefined, 1000); });`,
                { signal },
            );
            expect(await endsSoon(pack)).toBe(true);
        },
    );

    test("settings that cannot be posted to the thread fail at once, and leave no thread or pack behind", async () => {
        const before = runningPacks();
        startPackThreadEarly(POLICY_PACK_DIR);
        expect(await eventually(() => runningPacks().length === before.length + 1, 30_000)).toBe(true);
        const uncloneable = { ...opts, policyPackConfig: { all: "mandatory", hook: () => undefined } } as unknown as typeof opts;
        expect(() => startPackThread(POLICY_PACK_DIR, uncloneable)).toThrow(/could not be cloned/);
        expect(await eventually(() => runningPacks().length === before.length)).toBe(true);
    });

    test("that exited before a check took it fails that check at once, and leaves no pack", async () => {
        const before = runningPacks();
        const worker = startPackThreadEarly(POLICY_PACK_DIR);
        await worker.terminate();
        const thread = startPackThread(POLICY_PACK_DIR, opts);
        await expect(thread.backend.ready).rejects.toThrow(/^The policy pack thread exited \(code \d+\) before the analysis ended\.$/);
        await expect(thread.stop()).resolves.toEqual({ packPeakRssMiB: undefined });
        expect(await eventually(() => runningPacks().length === before.length)).toBe(true);
    });
});
