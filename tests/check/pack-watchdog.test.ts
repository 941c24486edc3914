/**
 * The watchdog the check preloads into its packs (infra/check/pack-watchdog.js), on plain Node processes in place of
 * a pack: it ends its process when the pipe on its stdin closes, even while the main thread is busy, and it never
 * keeps a process alive by itself.
 */
import { spawn, type StdioOptions } from "node:child_process";
import * as path from "node:path";

const WATCHDOG = path.resolve(__dirname, "../../infra/check/pack-watchdog.js");

interface Ended {
    code: number | null;
    signal: NodeJS.Signals | null;
    seconds: number;
    stderr: string;
}

/**
 * Runs `script` with the watchdog preloaded and a pipe on stdin (unless `stdin` says otherwise); `closeAfterMs`
 * closes the pipe (never, if undefined). Resolves once the process ended and its output was read.
 */
function run(script: string, closeAfterMs?: number, stdin: "pipe" | "ignore" = "pipe"): Promise<Ended> {
    return new Promise((resolve, reject) => {
        const started = Date.now();
        const child = spawn(process.execPath, ["--require", WATCHDOG, "-e", script], { stdio: [stdin, "ignore", "pipe"] as StdioOptions });
        let stderr = "";
        child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
        // A case that does not end by itself fails, and leaves nothing running.
        const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
        if (closeAfterMs !== undefined) setTimeout(() => child.stdin!.end(), closeAfterMs);
        child.on("error", reject);
        child.on("close", (code, signal) => {
            clearTimeout(timer);
            child.stdin?.destroy();
            resolve({ code, signal, seconds: (Date.now() - started) / 1000, stderr });
        });
    });
}

describe("the pack's watchdog", () => {
    test("ends a process whose main thread is busy as soon as the pipe on its stdin closes, by SIGKILL", async () => {
        // Busy for 15 s, as a pack's main thread is while it boots; the pipe closes after 1 s.
        const ended = await run("const until = Date.now() + 15000; while (Date.now() < until);", 1000);
        expect(ended).toMatchObject({ code: null, signal: "SIGKILL", stderr: "" });
        expect(ended.seconds).toBeLessThan(10);
    });

    test("ends a process that listens for SIGTERM and SIGINT (no listener can hold it)", async () => {
        const ended = await run(`for (const s of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(s, () => undefined); setInterval(() => undefined, 1000);`, 500);
        expect(ended).toMatchObject({ code: null, signal: "SIGKILL", stderr: "" });
    });

    test("ends a serving process (an open handle, as a pack's port) when the pipe closes", async () => {
        expect(await run("setInterval(() => undefined, 1000);", 500)).toMatchObject({ code: null, signal: "SIGKILL", stderr: "" });
    });

    test("keeps no process alive by itself: one with nothing left to do exits as it would, with its own code, the pipe still open", async () => {
        expect(await run("process.exitCode = 3;")).toMatchObject({ code: 3, signal: null, stderr: "" });
    });

    test("with no pipe to watch (stdin not a pipe), says so on stderr and leaves the process to run and end as it would", async () => {
        const ended = await run("setTimeout(() => { process.exitCode = 4; }, 300);", undefined, "ignore");
        expect(ended).toMatchObject({ code: 4, signal: null });
        expect(ended.stderr).toMatch(/^pack-watchdog: not watching stdin, this pack will outlive the check: .*\n$/);
    });
});
