/**
 * `npm run bench`: wall time and peak memory of the offline check on the prod stack and on generated stacks of
 * about 100, 1,000 and 10,000 resources, each run as a user runs it (`npm run check`, a fresh process that boots
 * its own policy pack, with the Node.js flags of the `check` script). First, interleaved BENCH_RUNS times (default 5), the prod check, a bare require of the six
 * SDKs it loads and the pack's boot through the CLI's runner, as medians and their ratio. Then a table and how
 * the figures grow. Sizes: `npm run bench -- 100,1000` (default 100,1000,10000). A benchmark, not a test: nothing here passes
 * or fails on a number. Runs after the first reuse the transpiled TypeScript (infra/check/transpile-cache.js), as a
 * user's second check does; `rm -rf node_modules/.cache/data-platform-check` before it to see a first run. "analyze s"
 * is the per-resource analysis left after the program: the rest ran while the program registered resources. "program
 * ends at s" and "pack ready at s" are on one clock, seconds since the check's process started: the program's end,
 * and when the pack, booted from the process's first line in its own thread (pack-thread-start.js), was configured.
 * "check peak MiB" is the whole check process, the pack's thread included.
 */
import { execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Table from "cli-table3";
import YAML from "yaml";

const ROOT = path.resolve(__dirname, "../../..");
/** Resources per data bucket: the component and its ten children. */
const PER_BUCKET = 11;
/** Stack, provider, and the access-log bucket (component and eight children). */
const FIXED = 11;

interface Figures {
    label: string;
    resources: number;
    wallSeconds: number;
    programSeconds: number;
    programEndSeconds: number;
    packReadySeconds: number;
    analyzeSeconds: number;
    analyzeStackSeconds: number;
    checkPeakRssMiB: number;
    packPeakRssMiB: number;
}

/**
 * The Node.js flags `npm run check` starts the check with (package.json `scripts.check`, the one place they are
 * written), so that each measured run is the user's; read here rather than through npm, whose own start would
 * add ~0.3 s to every wall.
 */
function checkNodeFlags(): string[] {
    const script: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts?.check;
    const words = typeof script === "string" ? script.trim().split(/\s+/) : [];
    if (words[0] !== "node" || words.at(-1) !== "infra/check/run-check.js" || !words.slice(1, -1).every((w) => w.startsWith("--"))) {
        throw new Error(`package.json scripts.check is ${JSON.stringify(script)}; the benchmark expects "node [--flag…] infra/check/run-check.js"`);
    }
    return words.slice(1, -1);
}
const CHECK_NODE_FLAGS = checkNodeFlags();

function run(args: string[]): Promise<{ stderr: string; code: number }> {
    return new Promise((resolve) => {
        execFile(process.execPath, [...CHECK_NODE_FLAGS, path.join(ROOT, "infra/check/run-check.js"), ...args, "--format", "json", "--timings"], { maxBuffer: 1 << 30 }, (err, _stdout, stderr) =>
            resolve({ stderr, code: err ? ((err as { code?: number }).code ?? 1) : 0 }),
        );
    });
}

async function measure(label: string, args: string[]): Promise<Figures> {
    const started = process.hrtime.bigint();
    const { stderr, code } = await run(args);
    const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    const line = stderr.trim().split("\n").pop() ?? "";
    // 1 is a verdict (mandatory violations: the generated stack has no audit trail), not a failed run.
    if (code !== 0 && code !== 1) throw new Error(`${label}: the check exited ${code}:\n${stderr}`);
    const t = JSON.parse(line);
    return { label, wallSeconds, ...t };
}

function generatedProject(targetResources: number): { root: string; stack: string } {
    const buckets = Math.max(1, Math.round((targetResources - FIXED) / PER_BUCKET));
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "data-platform-bench-"));
    fs.writeFileSync(path.join(root, "Pulumi.yaml"), YAML.stringify({ name: "data-platform", runtime: "nodejs", main: path.join(__dirname, "program.ts") }));
    const stack = `bench-${targetResources}`;
    fs.writeFileSync(path.join(root, `Pulumi.${stack}.yaml`), YAML.stringify({ config: { "bench:buckets": buckets } }));
    return { root, stack };
}

/** Seconds from spawning `node args…` until it exits (or until `ready` matches its stdout, then it is killed). */
function timeChild(args: string[], cwd: string, ready?: RegExp): Promise<number> {
    return new Promise((resolve, reject) => {
        const started = process.hrtime.bigint();
        const child = spawn(process.execPath, args, { cwd, stdio: ["ignore", "pipe", "inherit"] });
        const elapsed = () => Number(process.hrtime.bigint() - started) / 1e9;
        let out = "";
        child.stdout.on("data", (d: Buffer) => {
            out += d.toString();
            if (ready?.test(out)) {
                resolve(elapsed());
                child.kill();
            }
        });
        child.on("exit", (code) => (ready ? reject(new Error(`exited (${code}) before ready: ${args.join(" ")}`)) : resolve(elapsed())));
    });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The six SDKs the program loads, required and nothing else: the floor under the check's wall time. */
const SDKS = ["@pulumi/pulumi", "@pulumi/aws", "@pulumi/gcp", "@pulumi/mongodbatlas", "@pulumi/auth0", "@pulumi/random"];

async function main(): Promise<void> {
    const sizes = (process.argv[2] ?? "100,1000,10000").split(",").filter(Boolean).map(Number);
    const runs = Number(process.env["BENCH_RUNS"] ?? 5);
    // Interleaved, so that a busy moment of the machine touches all three alike.
    const prod: Figures[] = [];
    const bare: number[] = [];
    const boot: number[] = [];
    const packDir = path.join(ROOT, "infra/policy");
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    for (let i = 0; i < runs; i++) {
        prod.push(await measure("prod stack", ["--stack", "prod"]));
        bare.push(await timeChild(["-e", SDKS.map((m) => `require(${JSON.stringify(m)});`).join("")], ROOT));
        boot.push(await timeChild([runner, "127.0.0.1:0", "."], packDir, /^\d+\s*$/m));
    }
    const wall = median(prod.map((r) => r.wallSeconds));
    console.log(
        `prod check (median of ${runs}): wall ${wall.toFixed(2)} s; bare require of the six SDKs ${median(bare).toFixed(2)} s; ` +
            `ratio ${(wall / median(bare)).toFixed(2)}×; policy pack boot (spawn → port) ${median(boot).toFixed(2)} s`,
    );
    const results: Figures[] = [prod.sort((a, b) => a.wallSeconds - b.wallSeconds)[Math.floor(prod.length / 2)]!];
    for (const size of sizes) {
        const { root, stack } = generatedProject(size);
        process.stderr.write(`measuring ~${size} resources...\n`);
        results.push(await measure(`generated ~${size}`, ["--cwd", root, "--stack", stack]));
    }
    const table = new Table({
        head: ["stack", "resources", "wall s", "program s", "program ends at s", "pack ready at s", "analyze s (after program)", "analyzeStack s", "check peak MiB", "pack peak MiB"],
        style: { head: [], border: [], compact: true },
    });
    for (const r of results) {
        table.push([
            r.label,
            String(r.resources),
            r.wallSeconds.toFixed(1),
            r.programSeconds.toFixed(1),
            r.programEndSeconds.toFixed(1),
            r.packReadySeconds.toFixed(1),
            r.analyzeSeconds.toFixed(1),
            r.analyzeStackSeconds.toFixed(2),
            r.checkPeakRssMiB.toFixed(0),
            r.packPeakRssMiB.toFixed(0),
        ]);
    }
    console.log(`${os.cpus().length} CPUs, Node ${process.version}, check started as \`node ${[...CHECK_NODE_FLAGS, "infra/check/run-check.js"].join(" ")}\`\n${table.toString()}`);
    const gen = results.slice(1);
    for (let i = 1; i < gen.length; i++) {
        const a = gen[i - 1]!;
        const b = gen[i]!;
        console.log(
            `${a.resources} → ${b.resources} resources (×${(b.resources / a.resources).toFixed(1)}): wall ×${(b.wallSeconds / a.wallSeconds).toFixed(1)}, ` +
                `analyzeStack ×${(b.analyzeStackSeconds / a.analyzeStackSeconds).toFixed(1)}, check memory ×${(b.checkPeakRssMiB / a.checkPeakRssMiB).toFixed(1)}`,
        );
    }
}

main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
});
