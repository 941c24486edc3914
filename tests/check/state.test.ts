/**
 * `npm run check -- --state FILE`: the pack judges a deployed state (a `pulumi stack export`, deployment format
 * version 3) with the same verdicts and report. The fixture is written by hand in that format; each mutation
 * breaks one clause.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCheck } from "../../infra/check/check";
import { sourceContext } from "../../infra/check/cli";
import { renderGithubAnnotations } from "../../infra/check/github-annotations";
import { renderJson, renderMarkdown, renderText } from "../../infra/check/report";
import { renderSarif } from "../../infra/check/sarif";
import { REDACTED, readStackExport } from "../../infra/check/state";
import { policyHarness, type PolicyHarness } from "../harness/policy";
import { REPO_ROOT } from "../harness/stack";

const COMPLIANT = path.join(REPO_ROOT, "tests/fixtures/state/compliant.json");
const CIPHERTEXT = "v1:c2VjcmV0LWNpcGhlcnRleHQtZml4dHVyZQ==";
const KEY = "urn:pulumi:prod::data-platform::aws:kms/key:Key::documents-key";

let harness: PolicyHarness;
beforeAll(async () => {
    harness = await policyHarness();
});
afterAll(() => harness.close());

/** The compliant export with one change, written to a temporary file. */
function mutated(change: (resources: Record<string, any>[]) => void): string {
    const doc = JSON.parse(fs.readFileSync(COMPLIANT, "utf8"));
    change(doc.deployment.resources);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "state-")), "export.json");
    fs.writeFileSync(file, JSON.stringify(doc));
    return file;
}
const byUrn = (resources: Record<string, any>[], urn: string) => resources.find((r) => r.urn === urn)!;
const check = (state: string) => runCheck({ root: REPO_ROOT, stack: "prod", pack: harness.client, state });

test("the compliant export passes, judged as deployed (nothing unknown), without the resource pending deletion", async () => {
    const report = await check(COMPLIANT);
    expect([report.result, report.project, report.stack, report.preview]).toEqual(["pass", "data-platform", "prod", false]);
    expect(report.summary.resourcesByType).toEqual({ "aws:kms/key:Key": 1, "pulumi:providers:aws": 1, "pulumi:pulumi:Stack": 1 });
    expect(report.policies.find((p) => p.name === "aws-kms-key-rotation-enabled")!.evaluated).toEqual([KEY]);
    expect(report.placeholders).toEqual([]);
});

test.each([
    ["key rotation off", (rs: Record<string, any>[]) => (byUrn(rs, KEY).inputs.enableKeyRotation = false), "aws-kms-key-rotation-enabled", KEY],
    ["the key unprotected", (rs: Record<string, any>[]) => (byUrn(rs, KEY).protect = false), "stateful-resources-protected", KEY],
    [
        "the key policy removed (AWS's default)",
        (rs: Record<string, any>[]) => {
            delete byUrn(rs, KEY).inputs.policy;
            delete byUrn(rs, KEY).outputs.policy;
        },
        "aws-kms-key-policy-explicit",
        KEY,
    ],
    [
        "the provider in us-east-1",
        (rs: Record<string, any>[]) => {
            const p = byUrn(rs, "urn:pulumi:prod::data-platform::pulumi:providers:aws::aws-au");
            p.inputs.region = p.outputs.region = "us-east-1";
        },
        "aws-resources-in-australia",
        "urn:pulumi:prod::data-platform::pulumi:providers:aws::aws-au",
    ],
] as [string, (rs: Record<string, any>[]) => void, string, string][])("%s fails, naming the policy and the resource", async (_what, change, policy, urn) => {
    const report = await check(mutated(change));
    expect(report.result).toBe("fail");
    expect([...new Set(report.violations.map((v) => [v.policy, v.enforcementLevel].join(" ")))]).toEqual([`${policy} mandatory`]);
    expect(report.violations.map((v) => v.urn)).toContain(urn);
});

test("secrets of the export are redacted before the pack, and appear in no report", async () => {
    const deployed = readStackExport(COMPLIANT);
    const provider = deployed.recording.registrations.find((r) => r.type === "pulumi:providers:aws")!;
    expect(provider.secretInputs).toEqual(["secretKey"]);
    expect(provider.inputs["secretKey"]).toBe(REDACTED);
    const report = await check(COMPLIANT);
    const sources = sourceContext(REPO_ROOT, true, new Map());
    const outputs = [renderJson(report), renderText(report), renderMarkdown(report), renderSarif(report, sources), renderGithubAnnotations(report, sources)];
    for (const out of outputs) expect(out).not.toContain(CIPHERTEXT);
    // A failing export too: its findings are rendered, with the provider's inputs around them.
    const failing = await check(mutated((rs) => (byUrn(rs, KEY).inputs.enableKeyRotation = false)));
    expect(failing.violations.length).toBeGreaterThan(0);
    for (const out of [renderSarif(failing, sources), renderGithubAnnotations(failing, sources)]) {
        expect(out).toContain(KEY);
        expect(out).not.toContain(CIPHERTEXT);
    }
    expect(JSON.stringify(deployed.recording.registrations) + JSON.stringify([...deployed.recording.states])).not.toContain(CIPHERTEXT);
});

test("a file that is not a version 3 export is refused, naming the problem", () => {
    expect(() => readStackExport(mutated(() => undefined).replace("export.json", "missing.json"))).toThrow(/^--state .*missing\.json: ENOENT/);
    const v2 = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "state-")), "v2.json");
    fs.writeFileSync(v2, JSON.stringify({ version: 2, deployment: { resources: [] } }));
    expect(() => readStackExport(v2)).toThrow(`--state ${v2} is not a pulumi stack export: version: only deployment format version 3 (pulumi stack export) is supported.`);
    const badUrn = mutated((rs) => (rs[2]!.urn = "not-a-urn"));
    expect(() => readStackExport(badUrn)).toThrow(`--state ${badUrn} is not a pulumi stack export: deployment.resources.2.urn: a URN urn:pulumi:<stack>::<project>::<type>::<name>.`);
});

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}
const cli = (args: string[]) =>
    new Promise<Run>((resolve) =>
        execFile(process.execPath, [path.join(REPO_ROOT, "infra/check/run-check.js"), ...args], { cwd: REPO_ROOT, timeout: 200_000 }, (err, stdout, stderr) =>
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        ),
    );
/** The compliant export as the deployed state of another stack. */
function ofStack(stack: string): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "state-")), `${stack}.json`);
    fs.writeFileSync(file, fs.readFileSync(COMPLIANT, "utf8").replaceAll("urn:pulumi:prod::", `urn:pulumi:${stack}::`));
    return file;
}

describe("npm run check -- --state", () => {
    const failing = mutated((rs) => (byUrn(rs, KEY).inputs.enableKeyRotation = false));
    const dev = ofStack("dev");
    let sarif: Run, annotations: Run, implicit: Run, disagreeing: Run;
    beforeAll(async () => {
        [sarif, annotations, implicit, disagreeing] = await Promise.all([
            cli(["--state", failing, "--format", "sarif"]),
            cli(["--state", failing, "--format", "github"]),
            // dev has no policy config of its own; the one that holds its account id is passed as CI would.
            cli(["--state", dev, "--format", "json", "--policy-pack-config", "infra/policy/config/prod.json"]),
            cli(["--state", dev, "--stack", "prod"]),
        ]);
    }, 240_000);

    test("exits 1 on a failing export; its SARIF results carry the URN as their only location, no file or line", () => {
        expect(sarif.stderr).toBe("");
        expect(sarif.code).toBe(1);
        const results = JSON.parse(sarif.stdout).runs[0].results;
        expect(results.map((r: any) => [r.ruleId, r.locations, r.relatedLocations])).toEqual([
            ["aws-kms-key-rotation-enabled", [{ logicalLocations: [{ fullyQualifiedName: KEY, name: "documents-key", kind: "resource" }] }], undefined],
        ]);
    });

    test("its annotations name no file, so none points at a line that has nothing to do with the finding", () => {
        expect(annotations.code).toBe(1);
        expect(annotations.stdout).toMatch(/^::error title=aws-kms-key-rotation-enabled::/);
        expect(annotations.stdout.split("\n")).toHaveLength(2);
        expect(annotations.stdout).not.toContain("file=");
        expect(annotations.stdout).toContain(`%0A${KEY}\n`);
    });

    test("without --stack, the stack is the export's", () => {
        expect(implicit.stderr).toBe("");
        expect(implicit.code).toBe(0);
        expect(JSON.parse(implicit.stdout)).toMatchObject({ project: "data-platform", stack: "dev", result: "pass" });
    });

    test("a --stack that disagrees with the export's is refused with exit 2, naming both", () => {
        expect(disagreeing.code).toBe(2);
        expect(disagreeing.stdout).toBe("");
        expect(disagreeing.stderr).toBe(`The check could not run: --stack prod does not match --state ${dev}, which holds stack dev: pass --stack dev or leave --stack out.\n`);
    });

    test("runCheck refuses the same, before starting anything", async () => {
        await expect(runCheck({ root: REPO_ROOT, stack: "staging", state: dev, pack: harness.client })).rejects.toThrow(
            `--stack staging does not match --state ${dev}, which holds stack dev: pass --stack dev or leave --stack out.`,
        );
        expect((await runCheck({ root: REPO_ROOT, stack: "dev", state: dev, pack: harness.client })).stack).toBe("dev");
    });
});
