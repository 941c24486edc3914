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
import { renderJson, renderMarkdown, renderText } from "../../infra/check/report";
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
    for (const out of [renderJson(report), renderText(report), renderMarkdown(report)]) expect(out).not.toContain(CIPHERTEXT);
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

test("npm run check -- --state exits 1 on a failing export, as it does for a program", async () => {
    const file = mutated((rs) => (byUrn(rs, KEY).inputs.enableKeyRotation = false));
    const code = await new Promise<number>((resolve) =>
        execFile(process.execPath, [path.join(REPO_ROOT, "infra/check/run-check.js"), "--state", file], { cwd: REPO_ROOT }, (err) => resolve(err ? ((err as { code?: number }).code ?? 1) : 0)),
    );
    expect(code).toBe(1);
});
