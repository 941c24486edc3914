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
import { PolicyPackClient, stackPolicyPackConfig } from "../../infra/check/policy-pack";
import type { Recording } from "../../infra/check/recorder";
import { mutateResource, policyHarness, withOptions, withoutResources, withoutWhere, type PolicyHarness } from "../harness/policy";
import { findPlaceholders } from "../../infra/schema/placeholders";
import { named, prodConfig, providerUrn, REPO_ROOT, runStack, runStackExpectingError } from "../harness/stack";

/** prod.json, which a `policyPackConfig` replaces as `--policy-pack-config` does: a test's own config starts from it. */
const PROD_PACK_CONFIG = stackPolicyPackConfig("prod")!;

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
        // Two data buckets, the access-log bucket and the audit bucket (§10).
        expect(prod.summary.resourcesByType["aws:s3/bucket:Bucket"]).toBe(4);
        expect(prod.summary.resourcesByType["aws:cloudtrail/trail:Trail"]).toBe(1);
        expect(prod.summary.resourcesByType["pulumi:pulumi:Stack"]).toBe(1);
    });

    test("lists every clause in order, and every policy of the pack with its clauses", () => {
        expect(prod.clauses.map((c) => c.id)).toEqual(CLAUSE_IDS);
        expect(prod.policies.map((p) => p.name)).toEqual(harness.info.policies.map((p) => p.name));
        for (const p of prod.policies) expect(p.clauses.length).toBeGreaterThan(0);
    });

    test("derives each clause's status from its controls: pass only where every control is automated and evaluated something", () => {
        expect(Object.fromEntries(prod.clauses.map((c) => [c.id, c.status]))).toEqual({
            "01.user-ownership": "manual",
            "01.tenant-ownership": "manual",
            "01.tenant-managed-access": "pass-automated",
            "01.anonymised-analytics": "manual",
            "02.operational-data": "pass",
            "02.ephemeral-data": "pass",
            "02.identity-data": "pass",
            "02.billing-data": "manual",
            "02.embedded-finance-data": "manual",
            "02.static-files": "pass",
            "02.analytics-support-data": "manual",
            "03.user-data-sharing": "manual",
            "03.tenant-data-access": "pass",
            "03.rbac": "pass-automated",
            "04.allie-openai": "manual",
            "04.operational-processing": "manual",
            "05.encryption-and-access-control": "pass-automated",
            "05.industry-standard-encryption": "pass-automated",
            "06.operational-backup": "pass-automated",
            "06.ephemeral-retention": "pass",
            "07.third-party-services": "pass-automated",
            "08.no-third-party-sharing": "pass",
            "08.secure-transfers": "pass-automated",
            "09.integrity-monitoring": "pass",
            "09.integrity-response": "pass-automated",
            "10.staff-access-audit": "pass-automated",
        });
        for (const c of prod.clauses.filter((c) => c.status === "pass" || c.status === "pass-automated")) {
            expect(c.controls.some((k) => k.kind === "unchecked")).toBe(false);
            expect(c.controls.some((k) => k.kind === "manual")).toBe(c.status === "pass-automated");
            for (const k of c.controls) if (k.kind === "automated") expect(k.evaluated.length).toBeGreaterThan(0);
        }
    });

    test("§10: each stack policy behind it is counted on the resources it judged; automated throughout, it rests on one manual control", () => {
        const audit = prod.clauses.find((c) => c.id === "10.staff-access-audit")!;
        const urnsOf = (...types: string[]) => recording.registrations.filter((r) => types.includes(r.type)).map((r) => r.urn).sort();
        const buckets = urnsOf("aws:s3/bucket:Bucket");
        expect(buckets).toHaveLength(4);
        const stores = urnsOf("aws:s3/bucket:Bucket", "gcp:storage/bucket:Bucket", "mongodbatlas:index/advancedCluster:AdvancedCluster", "auth0:index/tenant:Tenant");
        expect(stores).toHaveLength(7);
        const trails = urnsOf(
            "aws:cloudtrail/trail:Trail",
            "mongodbatlas:index/pushBasedLogExport:PushBasedLogExport",
            "gcp:logging/projectBucketConfig:ProjectBucketConfig",
            "aws:cloudwatch/logGroup:LogGroup",
        );
        expect(trails).toHaveLength(4);
        // The trails that deliver to S3: the CloudTrail trail and the Atlas log export.
        const s3Trails = urnsOf("aws:cloudtrail/trail:Trail", "mongodbatlas:index/pushBasedLogExport:PushBasedLogExport");
        expect(s3Trails).toHaveLength(2);
        expect(audit.controls.map((k) => k.kind)).toEqual(["automated", "automated", "automated", "automated", "manual"]);
        const sorted = (k: (typeof audit.controls)[number]) => (k.kind === "automated" ? { ...k, evaluated: [...k.evaluated].sort() } : k);
        expect(audit.controls.slice(0, 4).map(sorted)).toEqual([
            { kind: "automated", policy: "aws-s3-bucket-controls-paired", status: "pass", evaluated: buckets, violations: 0 },
            { kind: "automated", policy: "audit-trail-records-every-data-store", status: "pass", evaluated: stores, violations: 0 },
            { kind: "automated", policy: "audit-logs-kept-in-australia", status: "pass", evaluated: trails, violations: 0 },
            { kind: "automated", policy: "audit-logs-object-locked", status: "pass", evaluated: s3Trails, violations: 0 },
        ]);
        expect([...audit.resources].sort()).toEqual([...new Set([...stores, ...trails])].sort());
        expect(audit.status).toBe("pass-automated");
    });

    test("§09: versioning and the Atlas and Redis alerts are each evaluated, so integrity monitoring passes", () => {
        const integrity = prod.clauses.find((c) => c.id === "09.integrity-monitoring")!;
        const urnOf = (name: string, type: string) => named(recording, name, type).urn;
        expect(integrity.controls).toEqual([
            { kind: "automated", policy: "aws-s3-versioning-enabled", status: "pass", evaluated: expect.any(Array), violations: 0 },
            { kind: "automated", policy: "gcp-storage-bucket-versioning-enabled", status: "pass", evaluated: expect.any(Array), violations: 0 },
            {
                kind: "automated",
                policy: "atlas-cluster-integrity-alerts",
                status: "pass",
                evaluated: [urnOf("atlas-cluster", "mongodbatlas:index/advancedCluster:AdvancedCluster")],
                violations: 0,
            },
            {
                kind: "automated",
                policy: "redis-database-dataset-size-alert",
                status: "pass",
                evaluated: [urnOf("redis-pubsub", "rediscloud:index/subscriptionDatabase:SubscriptionDatabase")],
                violations: 0,
            },
        ]);
        expect(integrity.status).toBe("pass");
    });

    test("§06: point-in-time restore, soft delete and noncurrent versions are automated; the Backup Compliance Policy is manual while its switch is off", () => {
        const backup = prod.clauses.find((c) => c.id === "06.operational-backup")!;
        const automated = backup.controls.flatMap((k) => (k.kind === "automated" ? [[k.policy, k.status, k.evaluated.length]] : []));
        expect(automated.filter(([policy]) => ["atlas-cluster-pit-enabled", "gcp-storage-bucket-soft-delete-on", "aws-s3-noncurrent-version-retention"].includes(policy as string))).toEqual([
            ["atlas-cluster-pit-enabled", "pass", 1],
            ["gcp-storage-bucket-soft-delete-on", "pass", 1],
            // Every bucket of its subject type, as the report counts a stack policy; the policy itself skips the access-log
            // target (tests/policy/backup-restore.test.ts). Four: the two data buckets, the access-log bucket and the audit bucket.
            ["aws-s3-noncurrent-version-retention", "pass", 4],
        ]);
        expect(backup.controls.filter((k) => k.kind === "unchecked")).toEqual([]);
        expect(backup.controls.flatMap((k) => (k.kind === "manual" ? [[k.control, k.reason]] : []))).toEqual([
            ["The Backup Compliance Policy (snapshots nobody can delete or shorten) is turned on once an authorized person is named", "organisational"],
            ["Restores are rehearsed", "organisational"],
        ]);
        expect(backup.status).toBe("pass-automated");
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
        const clauses = JSON.parse(renderJson(prod)).clauses;
        clauses[0].status = "not-enforced"; // schema version 1's status, gone in 2
        expect(validate({ ...JSON.parse(renderJson(prod)), clauses })).toBe(false);
        expect(validate({ ...JSON.parse(renderJson(prod)), schemaVersion: 1 })).toBe(false);
    });

    test("the text summary ends with the verdict", () => {
        const text = renderText(prod);
        expect(text.trimEnd().split("\n").pop()).toBe(
            `PASS: 0 mandatory and 0 advisory violations across ${prod.summary.resources} resources and ${prod.summary.policies} policies.`,
        );
        expect(text).toContain("aws:s3/bucket:Bucket");
        expect(text).toContain(
            "  §06.ephemeral-retention PASS\n    PASS policy redis-database-ephemeral on 1 resource: redis-pubsub\n",
        );
    });

    test("a control that evaluated more than six resources names the first six, in evaluation order, and counts the rest", () => {
        const control = prod.clauses.flatMap((c) => c.controls).find((c) => c.kind === "automated" && c.evaluated.length > 6);
        if (control?.kind !== "automated") throw new Error("the prod report has no automated control on more than six resources");
        const nameOf = new Map(prod.graph.map((g) => [g.urn, g.name]));
        const six = control.evaluated.slice(0, 6).map((urn) => nameOf.get(urn));
        expect(six).not.toContain(undefined);
        expect(renderText(prod)).toContain(
            `PASS policy ${control.policy} on ${control.evaluated.length} resources: ${six.join(", ")} and ${control.evaluated.length - 6} more`,
        );
    });

    test("the Markdown has the verdict, the clause table and a Mermaid diagram of the stack", () => {
        const md = renderMarkdown(prod);
        expect(md.split("\n")[0]).toBe("## ✅ Data-policy check: `data-platform/prod`");
        expect(md).toContain("| §02.static-files Static files in AWS S3 and Google Cloud Storage | ✅ pass | PASS policy `aws-resources-in-australia` on ");
        expect(md).toContain(
            "| §10.staff-access-audit Staff and contractor access strictly controlled, with audit logs | ☑️ pass-automated | PASS policy `aws-s3-bucket-controls-paired` on 4 resources: `audit-trail-bucket`, `s3-access-logs`, `s3-documents`, `s3-exports`<br>PASS policy `audit-trail-records-every-data-store` on 7 resources: ",
        );
        expect(md).toContain("| §01.user-ownership Users own their personal data | 📝 manual | MANUAL (contract) Users own their personal data under the terms of service ");
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
        [
            "a KMS key without its key policy (AWS's default)",
            () => mutateResource(recording, "atlas-encryption-key", (p) => delete p["policy"]),
            "aws-kms-key-policy-explicit",
            "05.encryption-and-access-control",
        ],
        ["a cluster without point-in-time restore", () => mutateResource(recording, "atlas-cluster", (p) => (p["pitEnabled"] = false)), "atlas-cluster-pit-enabled", "06.operational-backup"],
        ["no snapshot-failure alert", () => withoutResources(recording, "atlas-alerts-backup-snapshot-failed"), "atlas-cluster-integrity-alerts", "09.integrity-monitoring"],
        [
            "Redis without a dataset-size alert",
            () => mutateResource(recording, "redis-pubsub", (p) => (p["alerts"] = p["alerts"].filter((a: { name: string }) => a.name !== "dataset-size"))),
            "redis-database-dataset-size-alert",
            "09.integrity-monitoring",
        ],
        [
            "a Cloud Storage bucket with soft delete off",
            () => mutateResource(recording, "gcs-media", (p) => (p["softDeletePolicy"].retentionDurationSeconds = 0)),
            "gcp-storage-bucket-soft-delete-on",
            "06.operational-backup",
        ],
        ["no CloudTrail trail", () => withoutWhere(recording, (r) => r.type === "aws:cloudtrail/trail:Trail"), "audit-trail-records-every-data-store", "10.staff-access-audit"],
        ["no sink of the Data Access logs", () => withoutResources(recording, "gcs-data-access-logs-sink"), "audit-trail-records-every-data-store", "10.staff-access-audit"],
        ["no rule routing the Auth0 stream", () => withoutResources(recording, "auth0-audit-log-archive-rule"), "audit-trail-records-every-data-store", "10.staff-access-audit"],
        ["no export of the Atlas logs", () => withoutResources(recording, "atlas-log-export-export"), "audit-trail-records-every-data-store", "10.staff-access-audit"],
        ["no Object Lock on the audit bucket", () => withoutResources(recording, "audit-trail-bucket-object-lock"), "audit-logs-object-locked", "10.staff-access-audit"],
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
    const report = await runCheck({ root: REPO_ROOT, stack: "prod", pack, recording, policyPackConfig: { ...PROD_PACK_CONFIG, "gcp-kms-key-rotation": { maxRotationDays: 30 } } });
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
        policyPackConfig: { ...PROD_PACK_CONFIG, "gcp-kms-key-rotation": { maxRotationDays: 30, exemptions: [{ resource: "gcs-media-key", reason }] } },
    });
    expect(report.result).toBe("pass");
    expect(report.exemptions).toEqual([{ policy: "gcp-kms-key-rotation", resource: "gcs-media-key", reason }]);
});

test("a disabled policy evaluates nothing, so the clause it backs alone is partial, not pass", async () => {
    const report = await runCheck({ root: REPO_ROOT, stack: "prod", pack, recording, policyPackConfig: { ...PROD_PACK_CONFIG, "redis-database-ephemeral": "disabled" } });
    expect(report.result).toBe("pass");
    expect(report.policies.find((p) => p.name === "redis-database-ephemeral")).toMatchObject({ status: "not-applicable", evaluated: [] });
    expect(report.clauses.find((c) => c.id === "06.ephemeral-retention")!.status).toBe("partial");
});

test("a stack policy does not count the resources it exempts as evaluated", async () => {
    const reason = "Exempt in this test to show that an exempted bucket is not counted as checked.";
    const exemptions = ["s3-access-logs", "s3-documents", "s3-exports", "audit-trail-bucket"].map((resource) => ({ resource, reason }));
    const report = await runCheck({ root: REPO_ROOT, stack: "prod", pack, recording, policyPackConfig: { ...PROD_PACK_CONFIG, "aws-s3-bucket-controls-paired": { exemptions } } });
    expect(report.policies.find((p) => p.name === "aws-s3-bucket-controls-paired")).toMatchObject({ status: "not-applicable", evaluated: [] });
    expect(report.clauses.find((c) => c.id === "02.static-files")!.status).toBe("partial");
});

describe("module-level resources, through the tests' program server (the same loader as npm run check)", () => {
    const rogue = ["rogue-in-entry", "rogue-in-import"];

    test("are recorded under the stack with their provider, on every run, and fail the check naming them", async () => {
        for (let run = 0; run < 2; run++) {
            // Twice, each a real run (not the server's memory of an identical request): the server is long-lived,
            // and module-level code must run again for each program run.
            const rec = await runStack({ main: "tests/fixtures/top-level/index.ts", preview: true, fresh: true });
            const stack = rec.registrations.find((r) => r.type === "pulumi:pulumi:Stack")!.urn;
            const provider = named(rec, "rogue-aws").urn;
            for (const name of rogue) {
                const bucket = named(rec, name, "aws:s3/bucket:Bucket");
                expect([bucket.parent, providerUrn(bucket.provider), bucket.options.protect]).toEqual([stack, provider, true]);
            }
            expect(rec.registrations.length).toBe(recording.registrations.length + 3);
            const report = await runCheck({ root: REPO_ROOT, stack: "prod", pack, recording: rec });
            expect(report.result).toBe("fail");
            // Each rogue bucket lacks its controls, and no trail records it (§10).
            expect(report.violations.map((v) => [v.policy, v.resourceName])).toEqual([
                ...rogue.map((n) => ["audit-trail-records-every-data-store", n]),
                ...rogue.map((n) => ["aws-s3-bucket-controls-paired", n]),
            ]);
        }
    });

    test("a provider-less one is refused by the engine rules, naming it", async () => {
        const err = await runStackExpectingError({ main: "tests/fixtures/top-level/provider-less.ts", preview: true });
        expect(err.message).toBe(
            "the engine refuses this registration:\n" +
                "  Default provider for 'aws' disabled. 'urn:pulumi:prod::data-platform::aws:s3/bucket:Bucket::no-provider' must use an explicit provider.",
        );
    });
});

describe("the stack's pack config (infra/policy/config/prod.json) is the default, as for `npm run check`", () => {
    test("runCheck without policyPackConfig judges with prod.json: the KMS keys pass against its accountId", () => {
        expect(PROD_PACK_CONFIG["aws-kms-key-policy-explicit"]).toEqual({ accountId: "111122223333" });
        expect(prod.policies.find((p) => p.name === "aws-kms-key-policy-explicit")).toMatchObject({ status: "pass", violations: 0 });
    });

    test("a config without accountId fails every KMS key, naming the config key and file", async () => {
        const { "aws-kms-key-policy-explicit": _, ...withoutAccount } = PROD_PACK_CONFIG;
        const report = await runCheck({ root: REPO_ROOT, stack: "prod", pack, recording, policyPackConfig: withoutAccount });
        expect(report.result).toBe("fail");
        const keys = recording.registrations.filter((r) => r.type === "aws:kms/key:Key").map((r) => r.name);
        expect(keys).toHaveLength(5);
        const byName = (a: string[], b: string[]) => a[1]!.localeCompare(b[1]!);
        expect(report.violations.map((v) => [v.policy, v.resourceName, v.message.split("\n")[1]!]).sort(byName)).toEqual(
            [...keys].sort().map((k) => [
                "aws-kms-key-policy-explicit",
                k,
                `KMS key ${k} cannot be judged: the policy pack config lacks accountId for aws-kms-key-policy-explicit (infra/policy/config/prod.json, ` +
                    "as CI passes it; the stack's data-platform:aws.accountId); allowed: a 12-digit account id, never one inferred from the policies.",
            ]),
        );
    });
});
