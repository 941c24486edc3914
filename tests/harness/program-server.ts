/**
 * A small local service that runs the real program (infra/index.ts) under the offline recorder, one request at a
 * time, and answers with the recording as JSON. The jest global setup starts one for all workers.
 *
 * Why: in jest every test file loads the Pulumi runtime and the provider SDKs again (its module registry is per
 * file), which costs ~3 s before a file's first run; here the SDKs are loaded once, with TypeScript registered as
 * the Pulumi language host registers it (infra/check/register-ts.js), and each run requires the entry afresh
 * inside the stack, as `npm run check` does (infra/check/entry.ts). Tests keep
 * their mutations inline: they send the mutated config, not code. Identical requests are answered from memory.
 *
 * Protocol: POST / with `{ config, secretKeys, preview, main?, fresh? }` (`main`: another entry module, e.g. a
 * fixture program, loaded the same way; `fresh`: run it even if an identical request was answered before) → `{ ok: true, recording }` or
 * `{ ok: false, error: { message, registrations } }`. The port is printed on stdout.
 */
import * as http from "node:http";
import * as path from "node:path";
import { loadProject } from "../../infra/check/project";
import { reuseTranspiledOutput } from "../../infra/check/entry";
import { ProgramError, runProgram } from "../../infra/check/recorder";
import { serialize } from "./recording-file";

const project = loadProject(path.resolve(__dirname, "../.."));
reuseTranspiledOutput();
const answered = new Map<string, string>();
let queue: Promise<unknown> = Promise.resolve();

async function run(body: string): Promise<string> {
    const { config, secretKeys, preview, main, fresh } = JSON.parse(body) as { config: Record<string, unknown>; secretKeys: string[]; preview: boolean; main?: string; fresh?: boolean };
    const cached = fresh ? undefined : answered.get(body);
    if (cached !== undefined) return cached;
    let answer: string;
    try {
        const rec = await runProgram({ entry: main ?? project.main, cwd: project.root }, { project: project.name, stack: "prod", config, secretKeys, preview });
        answer = `{"ok":true,"recording":${serialize(rec)}}`;
    } catch (err) {
        if (!(err instanceof ProgramError)) throw err;
        answer = JSON.stringify({ ok: false, error: { message: err.message, registrations: err.registrations } });
    }
    answered.set(body, answer);
    return answer;
}

const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (d: Buffer) => (body += d.toString()));
    req.on("end", () => {
        // One run at a time: the Pulumi runtime keeps per-run state, and runs are CPU-bound anyway.
        const done = queue.then(() => run(body));
        queue = done.catch(() => undefined);
        done.then(
            (answer) => res.writeHead(200, { "content-type": "application/json" }).end(answer),
            (err: unknown) => res.writeHead(500).end(err instanceof Error ? `${err.stack}` : String(err)),
        );
    });
});
server.listen(0, "127.0.0.1", () => {
    process.stdout.write(`${(server.address() as { port: number }).port}\n`);
});
