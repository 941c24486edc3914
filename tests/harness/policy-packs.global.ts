/**
 * Jest global setup/teardown: one policy pack process per jest worker, started the way the Pulumi CLI starts
 * it (see infra/offline/policy-pack.ts). Booting a pack takes ~2 s, so packs are shared by the test files of a
 * worker (which run one at a time, so per-test Configure calls never race) instead of booted per file.
 *
 * Setup does not wait for the packs: they boot while jest starts its workers. Each pack's port is written to
 * `<dir>/pack-<worker>.port` and its pid to `<dir>/pack-<worker>.pid`; `tests/harness/policy.ts` waits for its
 * worker's port, and teardown kills every pid it finds (setup and teardown may be loaded as separate module
 * instances, so nothing is kept in memory between them).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { POLICY_PACK_DIR, startPolicyPack } from "../../infra/offline/policy-pack";

const ENV = "DATA_PLATFORM_PACK_PORTS";

export async function setup(globalConfig: { maxWorkers: number }): Promise<void> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "data-platform-packs-"));
    process.env[ENV] = dir;
    const workers = Math.max(1, globalConfig.maxWorkers);
    for (let worker = 1; worker <= workers; worker++) {
        startPolicyPack(POLICY_PACK_DIR).then(
            ({ port, child }) => {
                // Never keep jest alive for a pack: teardown kills it, and so does the exit hook below.
                child.unref();
                (child.stdout as unknown as { unref?: () => void }).unref?.();
                (child.stderr as unknown as { unref?: () => void }).unref?.();
                fs.writeFileSync(path.join(dir, `pack-${worker}.pid`), String(child.pid));
                fs.writeFileSync(path.join(dir, `pack-${worker}.port`), String(port));
            },
            (err: Error) => fs.writeFileSync(path.join(dir, `pack-${worker}.error`), err.message),
        );
    }
    process.once("exit", () => killPacks(dir));
}

export async function teardown(): Promise<void> {
    const dir = process.env[ENV];
    if (dir) killPacks(dir);
}

/** Idempotent: teardown and the exit hook both call it, and a pack may still be writing its files. */
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
