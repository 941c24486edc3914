/**
 * The policy pack as a whole: what it says about itself over the analyzer protocol, and the prod stack clean
 * under it — at preview, with no check downgraded to "can't be known during preview".
 */
import { subjectsOf } from "../../infra/check/analyze";
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";
import { CLAUSES } from "../../infra/clauses";
import { clausesOf } from "../../infra/check/check";
import type { Recording } from "../../infra/check/recorder";
import { POLICIES } from "../../infra/policy/policies";
import { policyHarness, withInputs, type PolicyHarness } from "../harness/policy";
import { named, REPO_ROOT, runStack } from "../harness/stack";

const PACK_DIR = path.join(REPO_ROOT, "infra/policy");
let pack: PolicyHarness;
let preview: Recording;
let update: Recording;
beforeAll(async () => {
    [pack, preview, update] = await Promise.all([policyHarness(), runStack({ preview: true }), runStack({ preview: false })]);
});
afterAll(() => pack.close());

test("the pack is runnable by the CLI: PulumiPolicy.yaml, and the version the runtime reports is package.json's", () => {
    expect(YAML.parse(fs.readFileSync(path.join(PACK_DIR, "PulumiPolicy.yaml"), "utf8"))).toMatchObject({ runtime: "nodejs" });
    const version = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8")).version;
    expect({ name: pack.info.name, version: pack.info.version }).toEqual({ name: "allotrac-data-policy", version });
});

test("it serves exactly the policies of infra/policy/policies/index.ts", () => {
    expect(pack.info.policies.map((p) => p.name)).toEqual(POLICIES.map((p) => p.name));
});

describe.each(POLICIES.map((p) => p.name))("%s", (name) => {
    const info = () => pack.info.policies.find((p) => p.name === name)!;

    test("has a kebab-case name, a one-sentence description, a severity, remediation, and is mandatory", () => {
        expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
        expect(info().description).toMatch(/^[A-Z].*\.$/);
        expect(info().description).not.toMatch(/[.!?]\s+\S/); // one sentence
        expect(["low", "medium", "high", "critical"]).toContain(info().severity);
        expect(info().remediationSteps.length).toBeGreaterThan(20);
        expect(info().enforcementLevel).toBe("mandatory");
    });

    test("names its data-policy clauses in machine-readable metadata", () => {
        const ids = clausesOf(info());
        expect(ids.length).toBeGreaterThan(0);
        expect(info().framework).toMatchObject({ name: "Allotrac Data Policy", version: "2024-09-11", reference: ids.join(" ") });
        // Stack policies also tag the types they judge, so a report can say which resources they evaluated.
        const subjects = info().kind === "stack" ? subjectsOf(info()) : [];
        expect(info().tags).toEqual([...ids.map((id) => `clause:${id}`), ...subjects.map((t) => `subject:${t}`)]);
        if (info().kind === "stack") expect(subjects.length).toBeGreaterThan(0);
        for (const id of ids) expect(CLAUSES[id]).toBeDefined();
    });

    test("accepts exemptions only with a written reason", () => {
        expect(info().configSchema?.properties["exemptions"]).toMatchObject({
            items: { required: ["resource", "reason"], properties: { reason: { minLength: 20 } } },
        });
    });

    test("has a test that makes it report a violation", () => {
        const tests = fs.readdirSync(path.join(REPO_ROOT, "tests/policy")).map((f) => fs.readFileSync(path.join(REPO_ROOT, "tests/policy", f), "utf8"));
        expect(tests.some((t) => t.includes(`"${name}"`) && /enforcementLevel: "mandatory"|mandatory\(/.test(t))).toBe(true);
    });
});

test("the prod stack has no diagnostic at all at preview: nothing violated, nothing downgraded for unknowns", async () => {
    expect(await pack.analyzeAll(preview)).toEqual([]);
});

test("nor after deployment, with every computed value known", async () => {
    expect(await pack.analyzeAll(update)).toEqual([]);
});

test("a violation reads as the policy's description, then the finding", async () => {
    const key = withInputs(named(preview, "s3-documents-key"), (p) => (p["enableKeyRotation"] = false));
    const result = await pack.analyze(key, preview);
    expect(result.diagnostics).toEqual([
        {
            policyName: "aws-kms-key-rotation-enabled",
            message: "Customer-managed KMS keys must rotate automatically and must be single-Region.\nKMS key s3-documents-key does not rotate: enableKeyRotation must be true.",
            enforcementLevel: "mandatory",
            severity: "high",
            // A resource policy reports without a URN; the engine attaches the analysed resource's.
            urn: "",
        },
    ]);
});

test("a check that can only see an unknown value is reported as advisory, never silently passed", async () => {
    // The runtime's rule (@pulumi/policy server.ts): reading an unknown value downgrades that check to advisory.
    const key = withInputs(named(preview, "s3-documents-key"), (p) => (p["enableKeyRotation"] = "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"));
    const result = await pack.analyze(key, preview);
    expect(result.diagnostics.map((d) => [d.policyName, d.enforcementLevel, d.message.split(":")[0]])).toEqual([
        ["aws-kms-key-rotation-enabled", "advisory", "can't run policy 'aws-kms-key-rotation-enabled' from policy pack 'allotrac-data-policy@v0.1.0' during preview"],
    ]);
});

test("only infra/policy/index.ts constructs the PolicyPack (a process may serve one)", () => {
    const files = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
    const constructing = [...files(path.join(REPO_ROOT, "infra")), ...files(path.join(REPO_ROOT, "tests"))]
        .filter((f) => f.endsWith(".ts") && /^[^*/]*new PolicyPack\(/m.test(fs.readFileSync(f, "utf8")))
        .map((f) => path.relative(REPO_ROOT, f));
    expect(constructing).toEqual(["infra/policy/index.ts"]);
});

test("docs/policy-pack.md lists every policy, with its kind, severity and clauses", () => {
    const doc = fs.readFileSync(path.join(REPO_ROOT, "docs/policy-pack.md"), "utf8");
    const rows = new Map(
        doc
            .split("\n")
            .filter((l) => /^\| `[a-z0-9-]+` \|/.test(l))
            .map((l) => {
                const cells = l.split("|").map((c) => c.trim());
                return [cells[1]!.replace(/`/g, ""), { kind: cells[2], severity: cells[3], clauses: cells[4]!.replace(/`/g, "").split(" ") }];
            }),
    );
    expect([...rows.keys()].sort()).toEqual(pack.info.policies.map((p) => p.name).sort());
    for (const p of pack.info.policies) {
        expect({ name: p.name, ...rows.get(p.name) }).toEqual({ name: p.name, kind: p.kind, severity: p.severity, clauses: clausesOf(p) });
    }
});
