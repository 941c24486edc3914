/**
 * `npm run check` as a user runs it: a child process through infra/check/run-check.js (ts-node registered as
 * the Pulumi language host registers it), loading the program from Pulumi.yaml and booting its own policy pack.
 * Exit codes: 0 clean, 1 mandatory violations, 2 program/config error. The error paths, which stop before any
 * analysis, run the same `main()` in this process.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import Ajv from "ajv";
import schema from "../../infra/check/report.schema.json";
import { main } from "../../infra/check/cli";
import { fixtureProject } from "../harness/fixture-project";
import { prodConfig, REPO_ROOT } from "../harness/stack";

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

function check(args: string[]): Promise<Run> {
    return new Promise((resolve) => {
        execFile(process.execPath, [path.join(REPO_ROOT, "infra/check/run-check.js"), ...args], { cwd: REPO_ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
        });
    });
}

let violation: Run;
let topLevel: Run;
let providerLess: Run;
let root: string;

beforeAll(async () => {
    const config = prodConfig();
    const badConfig = structuredClone(config);
    badConfig["data-platform:aws"].region = "us-east-1";
    root = fixtureProject("tests/fixtures/mutations/index.ts", { "retention-7-days": config, "bad-region": badConfig });
    const topLevelRoot = fixtureProject("tests/fixtures/top-level/index.ts", { prod: config });
    const providerLessRoot = fixtureProject("tests/fixtures/top-level/provider-less.ts", { prod: config });
    [violation, topLevel, providerLess] = await Promise.all([
        // A prod stack under a mutation's name has no pack config of its own: CI would pass prod's (the KMS policy
        // fails closed without its accountId).
        check(["--cwd", root, "--stack", "retention-7-days", "--format", "json", "--policy-pack-config", path.join(REPO_ROOT, "infra/policy/config/prod.json")]),
        check(["--cwd", topLevelRoot, "--stack", "prod", "--format", "json"]),
        check(["--cwd", providerLessRoot, "--stack", "prod"]),
    ]);
});

/** Runs the CLI's main() here, capturing what it writes. */
async function mainHere(args: string[]): Promise<Run> {
    let stdout = "";
    let stderr = "";
    const out = jest.spyOn(process.stdout, "write").mockImplementation((chunk) => ((stdout += String(chunk)), true));
    const err = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
    try {
        return { code: await main(args), stdout, stderr };
    } finally {
        out.mockRestore();
        err.mockRestore();
    }
}

test("a mandatory violation exits 1 and the JSON names the policy and the clause", () => {
    expect(violation.stderr).toBe("");
    expect(violation.code).toBe(1);
    const report = JSON.parse(violation.stdout);
    expect(new Ajv().validate(schema, report)).toBe(true);
    expect(report.result).toBe("fail");
    expect(report.violations.map((v: { policy: string; clauses: string[] }) => [v.policy, v.clauses])).toEqual([
        ["atlas-backup-daily-retention", ["06.operational-backup", "02.operational-data"]],
    ]);
});

test("resources declared at module level, in the entry and in a module it imports, are checked: exit 1 naming both", () => {
    expect(topLevel.stderr).toBe("");
    expect(topLevel.code).toBe(1);
    const report = JSON.parse(topLevel.stdout);
    const urn = (name: string) => `urn:pulumi:prod::data-platform::aws:s3/bucket:Bucket::${name}`;
    // Each rogue bucket lacks its controls, and no trail records it (§10).
    expect(report.violations.map((v: { policy: string; urn: string }) => [v.policy, v.urn])).toEqual([
        ["audit-trail-records-every-data-store", urn("rogue-in-entry")],
        ["audit-trail-records-every-data-store", urn("rogue-in-import")],
        ["aws-s3-bucket-controls-paired", urn("rogue-in-entry")],
        ["aws-s3-bucket-controls-paired", urn("rogue-in-import")],
    ]);
    const graph = new Map(report.graph.map((g: { urn: string; parent?: string; provider?: string }) => [g.urn, g]));
    const provider = "urn:pulumi:prod::data-platform::pulumi:providers:aws::rogue-aws";
    for (const name of ["rogue-in-entry", "rogue-in-import"]) {
        expect(graph.get(urn(name))).toEqual({ urn: urn(name), type: "aws:s3/bucket:Bucket", name, parent: "urn:pulumi:prod::data-platform::pulumi:pulumi:Stack::data-platform-prod", provider });
    }
});

test("a resource without an explicit provider, while the stack disables default providers, exits 2 naming it", () => {
    expect(providerLess).toEqual({
        code: 2,
        stdout: "",
        stderr:
            "pulumi preview would stop: the engine refuses this registration:\n" +
            "  Default provider for 'aws' disabled. 'urn:pulumi:prod::data-platform::aws:s3/bucket:Bucket::no-provider' must use an explicit provider.\n",
    });
});

test("a config error exits 2 with the message, and no report", async () => {
    const run = await mainHere(["--cwd", root, "--stack", "bad-region"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
        "The program failed: Invalid stack configuration (1 problem); nothing was deployed:\n" +
            '  - data-platform:aws.region = "us-east-1" is not allowed; expected an Australian AWS region (ap-southeast-2 | ap-southeast-4); data policy §02 keeps data in Australia.\n',
    );
});

test("an unknown stack exits 2, naming the stacks there are", async () => {
    const run = await mainHere(["--cwd", root, "--stack", "staging"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`The check could not run: No stack file ${root}/Pulumi.staging.yaml; the stacks here are: bad-region, retention-7-days.\n`);
});

test("bad arguments exit 2", async () => {
    expect(await mainHere(["--format", "xml"])).toEqual({ code: 2, stdout: "", stderr: "--format xml is not one of text, json, markdown, sarif, github.\n" });
    for (const bad of ["sarif", "xml=out.xml", "sarif="]) {
        expect(await mainHere(["--report", bad])).toEqual({
            code: 2,
            stdout: "",
            stderr: `--report ${bad} is not FORMAT=FILE with FORMAT one of text, json, markdown, sarif, github and a file name.\n`,
        });
    }
    const unknown = await mainHere(["--stak", "prod"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split("\n")[0]).toBe("Unknown option '--stak'");
});
