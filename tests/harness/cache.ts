/**
 * Where the jest global setup (global.ts) leaves the ports of each worker's policy pack and program server.
 * Kept apart from global.ts so that test files read it without loading what global.ts starts.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const CACHE_ENV = "DATA_PLATFORM_TEST_CACHE";

/** Waits for `<dir>/<name>` written by the setup above; throws the content of `<dir>/<errorName>` if that appears. */
export async function waitForCached(name: string, errorName: string, timeoutMs = 90_000): Promise<string> {
    const dir = process.env[CACHE_ENV];
    if (!dir) throw new Error(`${CACHE_ENV} is not set: run the tests through jest (jest.config.js globalSetup).`);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (fs.existsSync(path.join(dir, name))) return fs.readFileSync(path.join(dir, name), "utf8");
        if (fs.existsSync(path.join(dir, errorName))) throw new Error(fs.readFileSync(path.join(dir, errorName), "utf8"));
        await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`${name} did not appear within ${timeoutMs} ms (jest global setup, tests/harness/global.ts).`);
}

