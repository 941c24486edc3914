/**
 * `npm run check` as a user runs it: a child process through infra/offline/run-check.js (ts-node registered as
 * the Pulumi language host registers it), booting its own policy pack. Exit codes: 0 clean, 1 mandatory
 * violations, 2 program/config error.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import Ajv from "ajv";
import schema from "../../infra/offline/report.schema.json";
import { fixtureProject } from "../harness/fixture-project";
import { prodConfig, REPO_ROOT } from "../harness/stack";

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

function check(args: string[]): Promise<Run> {
    return new Promise((resolve) => {
        execFile(process.execPath, [path.join(REPO_ROOT, "infra/offline/run-check.js"), ...args], { cwd: REPO_ROOT, timeout: 120_000 }, (err, stdout, stderr) => {
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
        });
    });
}

let violation: Run;
let configError: Run;

beforeAll(async () => {
    const config = prodConfig();
    const badConfig = structuredClone(config);
    badConfig["data-platform:aws"].region = "us-east-1";
    const root = fixtureProject("tests/fixtures/mutations/index.ts", { "retention-7-days": config, "bad-region": badConfig });
    // The two runs are independent: run them side by side.
    [violation, configError] = await Promise.all([
        check(["--cwd", root, "--stack", "retention-7-days", "--format", "json"]),
        check(["--cwd", root, "--stack", "bad-region"]),
    ]);
});

test("a mandatory violation exits 1 and the JSON names the policy and the clause", () => {
    expect(violation.code).toBe(1);
    const report = JSON.parse(violation.stdout);
    expect(new Ajv().validate(schema, report)).toBe(true);
    expect(report.result).toBe("fail");
    expect(report.violations.map((v: { policy: string; clauses: string[] }) => [v.policy, v.clauses])).toEqual([
        ["atlas-backup-daily-retention", ["06.operational-backup", "02.operational-data"]],
    ]);
});

test("a config error exits 2 with the message, and no report", () => {
    expect(configError.code).toBe(2);
    expect(configError.stdout).toBe("");
    expect(configError.stderr).toBe(
        "The program failed: Invalid stack configuration (1 problem); nothing was deployed:\n" +
            '  - data-platform:aws.region = "us-east-1" is not allowed; expected an Australian AWS region (ap-southeast-2 | ap-southeast-4); data policy §02 keeps data in Australia.\n',
    );
});

test("bad arguments exit 2 with the usage", async () => {
    const run = await check(["--format", "xml"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("--format xml is not one of text, json, markdown.\n");
});
