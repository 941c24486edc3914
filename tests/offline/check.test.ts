/**
 * The offline check (infra/offline/check.ts + report.ts) on the prod stack and on named mutations of it,
 * through the real policy pack. The CLI's exit codes are tested in cli.test.ts.
 */
import Ajv from "ajv";
import { CLAUSE_IDS } from "../../infra/clauses";
import { runCheck, type CheckReport } from "../../infra/offline/check";
import { renderJson, renderMarkdown, renderText } from "../../infra/offline/report";
import schema from "../../infra/offline/report.schema.json";
import { PolicyPackClient } from "../../infra/offline/policy-pack";
import { fixtureProject } from "../harness/fixture-project";
import { policyHarness, type PolicyHarness } from "../harness/policy";
import { prodConfig, REPO_ROOT, runStack } from "../harness/stack";

let harness: PolicyHarness;
let pack: PolicyPackClient;
let prod: CheckReport;
let mutations: string;

beforeAll(async () => {
    harness = await policyHarness();
    pack = harness.client;
    const config = prodConfig();
    mutations = fixtureProject("tests/fixtures/mutations/index.ts", {
        "bucket-in-us-east-1": config,
        "retention-7-days": config,
        "redis-without-tls": config,
        "open-cidr": config,
        "unprotected-bucket": config,
    });
    prod = await runCheck({ root: REPO_ROOT, stack: "prod", pack });
});
afterAll(() => harness.close());

describe("the prod stack", () => {
    test("passes with no violation at all, at preview", () => {
        expect(prod.result).toBe("pass");
        expect(prod.preview).toBe(true);
        expect(prod.violations).toEqual([]);
        expect(prod.summary.mandatoryViolations).toBe(0);
    });

    test("counts every registered resource, by type", async () => {
        const rec = await runStack({ preview: true });
        expect(prod.summary.resources).toBe(rec.registrations.length);
        expect(Object.values(prod.summary.resourcesByType).reduce((a, b) => a + b, 0)).toBe(rec.registrations.length);
        expect(prod.summary.resourcesByType["aws:s3/bucket:Bucket"]).toBe(3);
        expect(prod.summary.resourcesByType["pulumi:pulumi:Stack"]).toBe(1);
    });

    test("lists every clause in order, and every policy of the pack with its clauses", () => {
        expect(prod.clauses.map((c) => c.id)).toEqual(CLAUSE_IDS);
        expect(prod.policies.map((p) => p.name)).toEqual(harness.info.policies.map((p) => p.name));
        for (const p of prod.policies) expect(p.clauses.length).toBeGreaterThan(0);
        const byId = Object.fromEntries(prod.clauses.map((c) => [c.id, c.status]));
        expect(byId).toMatchObject({
            "02.operational-data": "pass",
            "02.ephemeral-data": "pass",
            "02.identity-data": "pass",
            "02.static-files": "pass",
            "06.operational-backup": "pass",
            "06.ephemeral-retention": "pass",
            "05.encryption-and-access-control": "pass",
            // Contractual and organisational clauses: no policy can see them in a stack.
            "01.user-ownership": "not-enforced",
            "04.allie-openai": "not-enforced",
        });
    });

    test("records which resources each policy evaluated", () => {
        const rotation = prod.policies.find((p) => p.name === "aws-kms-key-rotation-enabled")!;
        expect(rotation.evaluated.every((urn) => urn.includes("aws:kms/key:Key"))).toBe(true);
        expect(rotation.evaluated.length).toBe(prod.summary.resourcesByType["aws:kms/key:Key"]);
        expect(rotation.status).toBe("pass");
    });

    test("the JSON report validates against its documented schema", () => {
        const validate = new Ajv({ allErrors: true }).compile(schema);
        const json = JSON.parse(renderJson(prod));
        expect(validate.errors ?? []).toEqual([]);
        expect(validate(json)).toBe(true);
    });

    test("a report that breaks the schema is caught by it (the schema can fail)", () => {
        const validate = new Ajv({ allErrors: true }).compile(schema);
        expect(validate({ ...JSON.parse(renderJson(prod)), result: "maybe" })).toBe(false);
        expect(validate({ ...JSON.parse(renderJson(prod)), clauses: [{ id: "nope" }] })).toBe(false);
    });

    test("the text summary ends with the verdict", () => {
        const text = renderText(prod);
        expect(text.trimEnd().split("\n").pop()).toBe(
            `PASS: 0 mandatory and 0 advisory violations across ${prod.summary.resources} resources and ${prod.summary.policies} policies.`,
        );
        expect(text).toContain("aws:s3/bucket:Bucket");
    });

    test("the Markdown has the verdict, the clause table and a Mermaid diagram of the stack", () => {
        const md = renderMarkdown(prod);
        expect(md.split("\n")[0]).toBe("## ✅ Data-policy check: `data-platform/prod`");
        expect(md).toContain("| §02.static-files Static files in AWS S3 and Google Cloud Storage | ✅ pass |");
        expect(md).toContain("```mermaid\nflowchart LR\n");
        expect(md).toMatch(/\["s3-documents<br\/>EncryptedS3Bucket · 10 resources"\]/);
    });
});

describe("named mutations of the stack fail, naming policy and clause", () => {
    const cases: [string, string, string][] = [
        ["bucket-in-us-east-1", "aws-resources-in-australia", "02.static-files"],
        ["retention-7-days", "atlas-backup-daily-retention", "06.operational-backup"],
        ["redis-without-tls", "redis-database-tls-enabled", "05.encryption-and-access-control"],
        ["open-cidr", "atlas-access-list-not-open", "03.tenant-data-access"],
        ["unprotected-bucket", "stateful-resources-protected", "06.operational-backup"],
    ];
    test.each(cases)("%s → %s (§%s)", async (stack, policy, clause) => {
        const report = await runCheck({ root: mutations, stack, pack });
        expect(report.result).toBe("fail");
        expect([...new Set(report.violations.map((v) => v.policy))]).toEqual([policy]);
        expect(report.violations.every((v) => v.enforcementLevel === "mandatory" && v.clauses.includes(clause as never))).toBe(true);
        expect(report.clauses.find((c) => c.id === clause)!.status).toBe("fail");
        expect(report.policies.find((p) => p.name === policy)!.status).toBe("fail");
        expect(renderMarkdown(report).split("\n")[0]).toBe(`## ❌ Data-policy check: \`data-platform/${stack}\``);
    });
});

test("policy pack config reaches the policies: a lower rotation maximum fails the 90-day keys", async () => {
    const report = await runCheck({ root: REPO_ROOT, stack: "prod", pack, policyPackConfig: { "gcp-kms-key-rotation": { maxRotationDays: 30 } } });
    expect(report.result).toBe("fail");
    expect(report.violations.map((v) => [v.policy, v.resourceName])).toEqual([["gcp-kms-key-rotation", "gcs-media-key"]]);
});

test("an exemption is listed with its reason, and skips the resource", async () => {
    const reason = "The media key is rotated by the key-management runbook every 30 days.";
    const report = await runCheck({
        root: REPO_ROOT,
        stack: "prod",
        pack,
        policyPackConfig: { "gcp-kms-key-rotation": { maxRotationDays: 30, exemptions: [{ resource: "gcs-media-key", reason }] } },
    });
    expect(report.result).toBe("pass");
    expect(report.exemptions).toEqual([{ policy: "gcp-kms-key-rotation", resource: "gcs-media-key", reason }]);
});
