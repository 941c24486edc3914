/**
 * Jest global setup and teardown (jest.config.js). Two things every test file would otherwise repeat, done once
 * per run while jest starts its workers (setup does not wait for them; files wait for what they need):
 *
 * 1. One policy pack process per worker, started the way the Pulumi CLI starts it (infra/check/policy-pack.ts).
 *    Booting a pack takes ~2 s; a worker's test files run one at a time, so per-test Configure calls never race.
 *    Port in `<dir>/pack-<worker>.port`, pid in `.pid`.
 * 2. One program server (program-server.ts), shared by the workers: it runs the real program for `runStack()`
 *    in plain Node, so test files need not load the Pulumi runtime and the provider SDKs again each. Runs are
 *    CPU-bound and the server queues them, so one is as fast as several on this kind of machine and boots
 *    once. Port in `<dir>/program.port`.
 *
 * A failure is written to `<name>.error` and surfaces in the tests that wait for it. Teardown kills every pack
 * pid it finds; setup and teardown may be separate module instances, so nothing is kept in memory between them.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { POLICY_PACK_DIR, startPolicyPack } from "../../infra/check/policy-pack";

import { CACHE_ENV } from "./cache";

export async function setup(globalConfig: { maxWorkers: number }): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "data-platform-tests-"));
    process.env[CACHE_ENV] = dir;
    const workers = Math.max(1, globalConfig.maxWorkers);
    // Everything started here dies with this process, even what is still booting when the run ends (teardown only
    // sees the pid files of what has finished booting).
    const children: ChildProcess[] = [];
    process.once("exit", () => {
        for (const c of children) c.kill();
        killPacks(dir);
    });
    children.push(startProgramServer(dir));
    for (let worker = 1; worker <= workers; worker++) {
        startPolicyPack(POLICY_PACK_DIR, 60_000, (child) => {
            children.push(child);
            unref(child); // never keep jest alive for a pack
        }).then(
            ({ port, child }) => {
                try {
                    fs.writeFileSync(path.join(dir, `pack-${worker}.pid`), String(child.pid));
                    fs.writeFileSync(path.join(dir, `pack-${worker}.port`), String(port));
                } catch {
                    child.kill(); // the run ended while this pack was booting: teardown has removed the directory
                }
            },
            (err: Error) => {
                if (fs.existsSync(dir)) fs.writeFileSync(path.join(dir, `pack-${worker}.error`), err.message);
            },
        );
    }
}

export async function teardown(): Promise<void> {
    const dir = process.env[CACHE_ENV];
    if (dir) killPacks(dir);
}

/** Starts the program server (TypeScript registered as `pulumi up` registers it) and records its port. */
function startProgramServer(dir: string): ChildProcess {
    const root = path.resolve(__dirname, "../..");
    // Provider credentials in the shell must not change what the program registers (the Redis binding reads its
    // keys from the environment): the server runs without them, whoever runs the tests.
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(REDISCLOUD|MONGODB_ATLAS|AUTH0)_/.test(k)));
    const child = spawn(process.execPath, ["-r", path.join(root, "infra/check/register-ts.js"), path.join(__dirname, "program-server.ts")], {
        cwd: root,
        env,
        stdio: ["ignore", "pipe", "pipe"],
    });
    fs.writeFileSync(path.join(dir, `program.pid`), String(child.pid));
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d: Buffer) => {
        stdout += d.toString();
        const port = /^(\d+)\s*$/m.exec(stdout)?.[1];
        if (port && !fs.existsSync(path.join(dir, `program.port`))) fs.writeFileSync(path.join(dir, `program.port`), port);
    });
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("exit", (code) => {
        // After teardown the directory is gone and the exit was ours: nothing to report.
        if (fs.existsSync(dir) && !fs.existsSync(path.join(dir, `program.port`))) {
            fs.writeFileSync(path.join(dir, `program.error`), `the program server exited (code ${code}):\n${stderr}`);
        }
    });
    unref(child);
    return child;
}

function unref(child: ChildProcess): void {
    child.unref();
    (child.stdout as unknown as { unref?: () => void } | null)?.unref?.();
    (child.stderr as unknown as { unref?: () => void } | null)?.unref?.();
}

/** Stops the packs and program servers. Idempotent: teardown and the exit hook both call it. */
function killPacks(dir: string): void {
    let files: string[];
    try {
        files = fs.readdirSync(dir).filter((f) => f.endsWith(".pid"));
    } catch {
        return; // already cleaned up
    }
    for (const f of files) {
        try {
            process.kill(Number(fs.readFileSync(path.join(dir, f), "utf8")));
        } catch {
            // The pid file or the process is already gone.
        }
    }
    fs.rmSync(dir, { recursive: true, force: true });
}
