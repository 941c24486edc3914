/**
 * The offline check (infra/check/check.ts + report.ts) on the prod stack and on named mutations of it,
 * through the real policy pack. The check is given the program's recording (the same runner's, from the
 * worker's program server); loading and running the program as `npm run check` does, and the exit codes, are
 * tested end to end in cli.test.ts.
 */
import Ajv from "ajv";
import { CLAUSE_IDS } from "../../infra/clauses";
import { runCheck, type CheckReport } from "../../infra/check/check";
import { renderJson, renderMarkdown, renderText } from "../../infra/check/report";
import schema from "../../infra/check/report.schema.json";
import { PolicyPackClient } from "../../infra/check/policy-pack";
import type { Recording } from "../../infra/check/recorder";
import { mutateResource, policyHarness, withOptions, type PolicyHarness } from "../harness/policy";
import { findPlaceholders } from "../../infra/schema/placeholders";
import { named, prodConfig, REPO_ROOT, runStack } from "../harness/stack";

let harness: PolicyHarness;
let pack: PolicyPackClient;
let prod: CheckReport;
let recording: Recording;

beforeAll(async () => {
    [harness, recording] = await Promise.all([policyHarness(), runStack({ preview: true })]);
    pack = harness.client;
    prod = await runCheck({ root: REPO_ROOT, stack: "prod", pack, recording });
});
afterAll(() => harness.close());

describe("the prod stack", () => {
    test("passes with no violation at all, at preview", () => {
        expect(prod.result).toBe("pass");
        expect(prod.preview).toBe(true);
        expect(prod.violations).toEqual([]);
        expect(prod.summary.mandatoryViolations).toBe(0);
    });

    test("counts every registered resource, by type", () => {
        expect(prod.summary.resources).toBe(recording.registrations.length);
        expect(Object.values(prod.summary.resourcesByType).reduce((a, b) => a + b, 0)).toBe(recording.registrations.length);
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

    test("lists the placeholders of the stack file, which pulumi up would refuse", () => {
        expect(prod.placeholders).toEqual(findPlaceholders(prodConfig()));
        expect(prod.placeholders.map((p) => p.key)).toContain("data-platform:aws.accountId");
        expect(renderMarkdown(prod)).toContain("| `data-platform:aws.accountId` | `111122223333` |");
    });

    test("lists the processors by country, marking what this stack provisions and what is a contract only", () => {
        const where = Object.fromEntries(prod.processors.map((g) => [g.country, g.processors.map((p) => p.id)]));
        expect(prod.processors[0]!.country).toBe("Australia");
        expect(where["Germany"]).toContain("spaceinvoices");
        const byId = Object.fromEntries(prod.processors.flatMap((g) => g.processors).map((p) => [p.id, p]));
        expect([byId["auth0"]?.provisionedByThisStack, byId["mongodb-atlas"]?.provisionedByThisStack, byId["stripe"]?.provisionedByThisStack]).toEqual([
            true,
            true,
            false,
        ]);
        expect(renderMarkdown(prod)).toMatch(/\| Germany \| SpaceInvoices \| .* \| no \(contract only\) \| not-recorded \|/);
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
    const cases: { what: string; mutated: () => Recording; policy: string; clause: string }[] = (
        [
        ["a bucket in us-east-1", () => mutateResource(recording, "s3-documents", (p) => (p["region"] = "us-east-1")), "aws-resources-in-australia", "02.static-files"],
        [
            "daily retention of 7 days",
            () => mutateResource(recording, "atlas-backups-schedule", (p) => (p["policyItemDaily"].retentionValue = 7)),
            "atlas-backup-daily-retention",
            "06.operational-backup",
        ],
        ["Redis without TLS", () => mutateResource(recording, "redis-pubsub", (p) => (p["enableTls"] = false)), "redis-database-tls-enabled", "05.encryption-and-access-control"],
        [
            "an open CIDR",
            () => mutateResource(recording, "atlas-access-ip-203-0-113-16-28", (p) => (p["cidrBlock"] = "0.0.0.0/0")),
            "atlas-access-list-not-open",
            "03.tenant-data-access",
        ],
        ["an unprotected bucket", () => withOptions(recording, "s3-exports", { protect: false }), "stateful-resources-protected", "06.operational-backup"],
        ] as [string, () => Recording, string, string][]
    ).map(([what, mutated, policy, clause]) => ({ what, mutated, policy, clause }));
    test.each(cases)("$what → $policy (§$clause)", async ({ mutated, policy, clause }) => {
        const report = await runCheck({ root: REPO_ROOT, stack: "prod", pack, recording: mutated() });
        expect(report.result).toBe("fail");
        expect([...new Set(report.violations.map((v) => v.policy))]).toEqual([policy]);
        expect(report.violations.every((v) => v.enforcementLevel === "mandatory" && v.clauses.includes(clause as never))).toBe(true);
        expect(report.clauses.find((c) => c.id === clause)!.status).toBe("fail");
        expect(report.policies.find((p) => p.name === policy)!.status).toBe("fail");
        expect(renderMarkdown(report).split("\n")[0]).toBe("## ❌ Data-policy check: `data-platform/prod`");
        expect(renderMarkdown(report)).toContain("class ");
    });

    test("the report names the resource and says how to fix it", async () => {
        const report = await runCheck({ root: REPO_ROOT, stack: "prod", pack, recording: mutateResource(recording, "s3-documents-key", (p) => (p["enableKeyRotation"] = false)) });
        expect(report.violations).toEqual([
            {
                policy: "aws-kms-key-rotation-enabled",
                clauses: ["05.industry-standard-encryption", "05.encryption-and-access-control"],
                enforcementLevel: "mandatory",
                severity: "high",
                kind: "resource",
                urn: named(recording, "s3-documents-key").urn,
                resourceType: "aws:kms/key:Key",
                resourceName: "s3-documents-key",
                message: "Customer-managed KMS keys must rotate automatically and must be single-Region.\nKMS key s3-documents-key does not rotate: enableKeyRotation must be true.",
            },
        ]);
        const md = renderMarkdown(report);
        expect(md).toContain("| mandatory | `aws-kms-key-rotation-enabled` | `s3-documents-key` | KMS key s3-documents-key does not rotate: enableKeyRotation must be true. | §05.industry-standard-encryption §05.encryption-and-access-control |");
        expect(md).toContain("- `aws-kms-key-rotation-enabled`: Set `enableKeyRotation: true` and leave `multiRegion` unset or false on the aws.kms.Key.");
        expect(renderText(report)).toContain("  §05.industry-standard-encryption Operational data and PII encrypted with industry-standard protocols\n    [mandatory] aws-kms-key-rotation-enabled — aws:kms/key:Key s3-documents-key");
    });
});

test("policy pack config reaches the policies: a lower rotation maximum fails the 90-day keys", async () => {
    const report = await runCheck({ root: REPO_ROOT, stack: "prod", pack, recording, policyPackConfig: { "gcp-kms-key-rotation": { maxRotationDays: 30 } } });
    expect(report.result).toBe("fail");
    expect(report.violations.map((v) => [v.policy, v.resourceName])).toEqual([["gcp-kms-key-rotation", "gcs-media-key"]]);
});

test("an exemption is listed with its reason, and skips the resource", async () => {
    const reason = "The media key is rotated by the key-management runbook every 30 days.";
    const report = await runCheck({
        root: REPO_ROOT,
        stack: "prod",
        pack,
        recording,
        policyPackConfig: { "gcp-kms-key-rotation": { maxRotationDays: 30, exemptions: [{ resource: "gcs-media-key", reason }] } },
    });
    expect(report.result).toBe("pass");
    expect(report.exemptions).toEqual([{ policy: "gcp-kms-key-rotation", resource: "gcs-media-key", reason }]);
});
