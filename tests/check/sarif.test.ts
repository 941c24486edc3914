/**
 * `npm run check -- --format sarif` and `--format github`: SARIF 2.1.0 valid against the official OASIS schema
 * (tests/fixtures/sarif/README.md names its source), one rule per policy of the pack, one result per violation
 * located at the exact program line that declared the resource; and GitHub workflow commands escaped per GitHub's
 * rules. The prod stack and the rogue fixture run end to end through the CLI (a child process, as a user runs
 * it); enforcement levels and the stack-level rule run in this process on the fixture's recording.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import Ajv from "ajv-draft-04";
import addFormats from "ajv-formats";
import { runCheck, type CheckReport } from "../../infra/check/check";
import { escapeData, escapeProperty, renderGithubAnnotations } from "../../infra/check/github-annotations";
import { loadProject } from "../../infra/check/project";
import type { SourcePosition } from "../../infra/check/recording";
import { clausesOf } from "../../infra/check/report-model";
import { FINGERPRINT_KEY, INFORMATION_URI, renderSarif, urnFingerprint } from "../../infra/check/sarif";
import { entryFile, locate, sourceRootOf, type SourceContext } from "../../infra/check/source-context";
import { stackPolicyPackConfig } from "../../infra/check/policy-pack";
import { programFrames, type StackTraceMessage } from "../../infra/check/source-position";
import { fixtureProject } from "../harness/fixture-project";
import { policyHarness, type PolicyHarness } from "../harness/policy";
import { prodConfig, REPO_ROOT, runStack } from "../harness/stack";

const FIXTURE = "tests/fixtures/sarif/index.ts";
const fixtureText = fs.readFileSync(path.join(REPO_ROOT, FIXTURE), "utf8");
const urn = (type: string, name: string) => `urn:pulumi:prod::data-platform::${type}::${name}`;
const BUCKET = "aws:s3/bucket:Bucket";
const PUBLIC_BUCKET = urn(BUCKET, "public-uploads");
const ACCESS_BLOCK = urn("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "public-uploads-access");
const ARCHIVE_BUCKET = urn(`fixture:sarif:RogueArchive$${BUCKET}`, "archive-bucket");

/** 1-based line and column of the one occurrence of `code` in the fixture. */
function at(code: string): { startLine: number; startColumn: number } {
    const lines = fixtureText.split("\n");
    const hits = lines.flatMap((l, i) => (l.includes(code) ? [{ startLine: i + 1, startColumn: l.indexOf(code) + 1 }] : []));
    if (hits.length !== 1) throw new Error(`${FIXTURE}: ${hits.length} lines contain ${code}`);
    return hits[0]!;
}
const PUBLIC_BUCKET_AT = at('new aws.s3.Bucket("public-uploads"');
const ACCESS_BLOCK_AT = at('new aws.s3.BucketPublicAccessBlock("public-uploads-access"');
const ARCHIVE_BUCKET_AT = at("new aws.s3.Bucket(`${name}-bucket`");
const ARCHIVE_CALL_AT = at('new RogueArchive("archive"');

/** The component every S3 bucket of the prod program is declared in, and the line and column of its `new aws.s3.Bucket(`. */
const BUCKET_COMPONENT = "infra/components/static-files/encrypted-s3-bucket.ts";
const BUCKET_NEW_AT = (() => {
    const lines = fs.readFileSync(path.join(REPO_ROOT, BUCKET_COMPONENT), "utf8").split("\n");
    const hits = lines.flatMap((l, i) => (l.includes("new aws.s3.Bucket(") ? [{ startLine: i + 1, startColumn: l.indexOf("new aws.s3.Bucket(") + 1 }] : []));
    if (hits.length !== 1) throw new Error(`${BUCKET_COMPONENT}: ${hits.length} lines contain new aws.s3.Bucket(`);
    return hits[0]!;
})();

const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "tests/fixtures/sarif/sarif-schema-2.1.0.json"), "utf8")) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateSarif = ajv.compile(schema);
/** The schema's errors for `log`; `[]` when it is valid. */
const schemaErrors = (log: unknown) => (validateSarif(log) ? [] : validateSarif.errors);

interface Run {
    code: number;
    stdout: string;
    stderr: string;
}

function check(args: string[]): Promise<Run> {
    return new Promise((resolve) => {
        execFile(process.execPath, [path.join(REPO_ROOT, "infra/check/run-check.js"), ...args], { cwd: REPO_ROOT, timeout: 200_000 }, (err, stdout, stderr) => {
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
        });
    });
}

let harness: PolicyHarness;
let prod: Run;
let prodFile: string;
let rogue: Run;
let annotations: Run;
let both: Run;
let bothSarif: string;
let unprotected: Run;

beforeAll(async () => {
    prodFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sarif-")), "prod.sarif");
    const root = fixtureProject(FIXTURE, { prod: prodConfig() });
    bothSarif = path.join(path.dirname(prodFile), "rogue.sarif");
    // The real prod program with every S3 bucket unprotected (tests/fixtures/mutations): four instances of one
    // component breaking one rule at one line of it.
    const mutations = fixtureProject("tests/fixtures/mutations/index.ts", { "unprotected-buckets": prodConfig() });
    [harness, prod, rogue, annotations, both, unprotected] = await Promise.all([
        policyHarness(),
        check(["--stack", "prod", "--format", "sarif", "--output", prodFile]),
        check(["--cwd", root, "--stack", "prod", "--format", "sarif"]),
        check(["--cwd", root, "--stack", "prod", "--format", "github"]),
        // What the pull-request workflow runs: one check, annotations printed, SARIF written beside them.
        check(["--cwd", root, "--stack", "prod", "--format", "github", "--report", `sarif=${bothSarif}`]),
        // The stack has no policy config of its own: prod's, as CI passes it.
        check(["--cwd", mutations, "--stack", "unprotected-buckets", "--format", "sarif", "--policy-pack-config", "infra/policy/config/prod.json"]),
    ]);
}, 240_000);
afterAll(() => harness.close());

describe("the schema", () => {
    test("rejects a log that breaks it: a result without a message, a level SARIF does not have", () => {
        const bad = { version: "2.1.0", runs: [{ tool: { driver: { name: "x" } }, results: [{ ruleId: "r", level: "fatal" }] }] };
        expect(schemaErrors(bad)!.map((e) => `${e.instancePath} ${e.message}`)).toEqual(
            expect.arrayContaining(["/runs/0/results/0 must have required property 'message'", "/runs/0/results/0/level must be equal to one of the allowed values"]),
        );
    });
});

test("--report FORMAT=FILE writes a second format from the same run, identical to a run of that format alone", () => {
    expect(both.code).toBe(1);
    expect(both.stdout).toBe(annotations.stdout);
    expect(fs.readFileSync(bothSarif, "utf8")).toBe(rogue.stdout);
    expect(JSON.parse(rogue.stdout).runs[0].results.length).toBeGreaterThan(0);
});

describe("--format sarif on the prod stack", () => {
    test("exits 0 with a log valid against the official SARIF 2.1.0 schema, written to --output as printed", () => {
        expect(prod.stderr).toBe("");
        expect(prod.code).toBe(0);
        expect(fs.readFileSync(prodFile, "utf8")).toBe(prod.stdout);
        expect(schemaErrors(JSON.parse(prod.stdout))).toEqual([]);
    });

    test("one run, no result, the pack as the tool, locations relative to the repository root", () => {
        const log = JSON.parse(prod.stdout);
        expect(log.version).toBe("2.1.0");
        expect(log.runs).toHaveLength(1);
        const [run] = log.runs;
        expect(run.results).toEqual([]);
        // The pack's name is the one it gives itself (new PolicyPack(name)); its version is its package.json's.
        const pack = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "infra/policy/package.json"), "utf8"));
        expect({ ...run.tool.driver, rules: undefined }).toEqual({
            name: "allotrac-data-policy",
            version: pack.version,
            semanticVersion: pack.version,
            informationUri: INFORMATION_URI,
            rules: undefined,
        });
        expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: `${pathToFileURL(REPO_ROOT).href}/` } });
        expect(run.automationDetails).toEqual({ id: "data-platform/prod/" });
    });

    test("one rule per policy of the pack: description, remediation as help, clause ids and tags", () => {
        const rules = JSON.parse(prod.stdout).runs[0].tool.driver.rules;
        const policies = harness.info.policies;
        expect(policies.length).toBeGreaterThan(30);
        expect(rules.map((r: { id: string }) => r.id)).toEqual(policies.map((p) => p.name));
        policies.forEach((p, i) => {
            const clauses = clausesOf(p);
            expect(clauses.length).toBeGreaterThan(0);
            expect(rules[i]).toEqual({
                id: p.name,
                shortDescription: { text: p.description },
                fullDescription: { text: p.description },
                help: { text: p.remediationSteps },
                // Every policy is mandatory in prod (infra/policy/config/prod.json changes no level).
                defaultConfiguration: { level: "error" },
                properties: {
                    clauses,
                    tags: ["security", "data-policy", p.kind === "stack" ? "stack-policy" : "resource-policy", ...clauses],
                    kind: p.kind,
                    enforcementLevel: "mandatory",
                    ...(p.severity ? { severity: p.severity, "security-severity": expect.stringMatching(/^\d+\.\d$/) } : {}),
                },
            });
        });
    });
});

describe("--format sarif on a program with rogue buckets", () => {
    test("exits 1 with a schema-valid log", () => {
        expect(rogue.stderr).toBe("");
        expect(rogue.code).toBe(1);
        expect(schemaErrors(JSON.parse(rogue.stdout))).toEqual([]);
    });

    test("each result points at the exact file, line and column that declared the resource, and names its URN", () => {
        const results = JSON.parse(rogue.stdout).runs[0].results;
        const where = (region: object) => ({ artifactLocation: { uri: FIXTURE, uriBaseId: "%SRCROOT%" }, region });
        const located = (name: string, u: string, region: object) => [{ physicalLocation: where(region), logicalLocations: [{ fullyQualifiedName: u, name, kind: "resource" }] }];
        expect(results.map((r: any) => [r.ruleId, r.level, r.locations])).toEqual([
            ["audit-trail-records-every-data-store", "error", located("public-uploads", PUBLIC_BUCKET, PUBLIC_BUCKET_AT)],
            ["audit-trail-records-every-data-store", "error", located("archive-bucket", ARCHIVE_BUCKET, ARCHIVE_BUCKET_AT)],
            ["aws-s3-bucket-controls-paired", "error", located("public-uploads", PUBLIC_BUCKET, PUBLIC_BUCKET_AT)],
            ["aws-s3-bucket-controls-paired", "error", located("archive-bucket", ARCHIVE_BUCKET, ARCHIVE_BUCKET_AT)],
            ["aws-s3-public-access-blocked", "error", located("public-uploads-access", ACCESS_BLOCK, ACCESS_BLOCK_AT)],
        ]);
        const rules = JSON.parse(rogue.stdout).runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
        for (const r of results) expect(rules[r.ruleIndex]).toBe(r.ruleId);
        const block = results.find((r: any) => r.ruleId === "aws-s3-public-access-blocked");
        expect(block.message).toEqual({
            text: "Public access block public-uploads-access leaves blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets off; all four must be true.",
        });
        expect(block.properties).toEqual({
            urn: ACCESS_BLOCK,
            resourceType: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            resourceName: "public-uploads-access",
            kind: "resource",
            clauses: clausesOf(harness.info.policies.find((p) => p.name === "aws-s3-public-access-blocked")!),
            enforcementLevel: "mandatory",
            severity: "critical",
        });
    });

    test("a resource a component declares points at the component's line; the caller is a related location", () => {
        const results = JSON.parse(rogue.stdout).runs[0].results;
        const archive = results.filter((r: any) => r.properties.urn === ARCHIVE_BUCKET);
        expect(archive).toHaveLength(2);
        for (const r of archive) {
            expect(r.relatedLocations).toEqual([
                { id: 1, physicalLocation: { artifactLocation: { uri: FIXTURE, uriBaseId: "%SRCROOT%" }, region: ARCHIVE_CALL_AT }, message: { text: "declared through this call" } },
            ]);
        }
        // Declared at module level: nothing called it but the loader.
        for (const r of results.filter((r: any) => r.properties.urn === PUBLIC_BUCKET)) expect(r.relatedLocations).toBeUndefined();
    });
});

describe("--format sarif on the prod program with every S3 bucket unprotected", () => {
    const bucketUrn = (name: string) => `urn:pulumi:unprotected-buckets::data-platform::data-platform:static-files:EncryptedS3Bucket$${BUCKET}::${name}`;

    test("each finding points inside prod code: the component's `new aws.s3.Bucket(`, exact file, line and column", () => {
        expect(unprotected.stderr).toBe("");
        expect(unprotected.code).toBe(1);
        const log = JSON.parse(unprotected.stdout);
        expect(schemaErrors(log)).toEqual([]);
        const results = log.runs[0].results;
        expect(results.map((r: any) => r.ruleId)).toEqual(Array(results.length).fill("stateful-resources-protected"));
        // The prod program's four buckets, all declared by EncryptedS3Bucket.
        expect(results.map((r: any) => r.properties.resourceName).sort()).toEqual(["audit-trail-bucket", "s3-access-logs", "s3-documents", "s3-exports"]);
        for (const r of results) {
            expect(r.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: BUCKET_COMPONENT, uriBaseId: "%SRCROOT%" }, region: BUCKET_NEW_AT });
            // The caller that passed the component its arguments is one step up, in another file.
            expect(r.relatedLocations.length).toBeGreaterThan(0);
            expect(r.relatedLocations[0].physicalLocation.artifactLocation.uri).not.toBe(BUCKET_COMPONENT);
        }
    });

    test("instances at the same line keep distinct fingerprints: SHA-256 of rule and URN, never GitHub's primaryLocationLineHash", () => {
        const results = JSON.parse(unprotected.stdout).runs[0].results;
        const urns: string[] = results.map((r: any) => r.properties.urn);
        expect(new Set(urns).size).toBe(results.length);
        for (const r of results) expect(r.partialFingerprints).toEqual({ [FINGERPRINT_KEY]: urnFingerprint("stateful-resources-protected", r.properties.urn) });
        const fingerprints = results.map((r: any) => r.partialFingerprints[FINGERPRINT_KEY]);
        expect(new Set(fingerprints).size).toBe(results.length);
        // What the fingerprint is, independently of sarif.ts: hex SHA-256 of "<rule>\0<urn>".
        expect(urnFingerprint("stateful-resources-protected", bucketUrn("s3-exports"))).toBe(
            createHash("sha256").update(`stateful-resources-protected\u0000${bucketUrn("s3-exports")}`).digest("hex"),
        );
        expect(urnFingerprint("a", "b")).not.toBe(urnFingerprint("a", "c"));
        expect(urnFingerprint("a", "b")).not.toBe(urnFingerprint("b", "b"));
    });
});

describe("--format github", () => {
    test("one workflow command per violation, at the declaring line, the policy as title and the URN in the message", () => {
        expect(annotations.stderr).toBe("");
        expect(annotations.code).toBe(1);
        const cmd = (policy: string, pos: { startLine: number; startColumn: number }, text: string, u: string) =>
            `::error file=${FIXTURE},line=${pos.startLine},col=${pos.startColumn},title=${policy}::${text}%0A${u}`;
        const missing = (what: string) => `is missing default encryption (BucketServerSideEncryptionConfiguration), ${what}a bucket policy (BucketPolicy), versioning (BucketVersioning), ownership controls (BucketOwnershipControls), access logging (BucketLogging).`;
        expect(annotations.stdout.split("\n")).toEqual([
            cmd("audit-trail-records-every-data-store", PUBLIC_BUCKET_AT, "S3 bucket public-uploads: its name is unknown, so no trail can be shown to record it.", PUBLIC_BUCKET),
            cmd("audit-trail-records-every-data-store", ARCHIVE_BUCKET_AT, "S3 bucket archive-bucket: its name is unknown, so no trail can be shown to record it.", ARCHIVE_BUCKET),
            cmd("aws-s3-bucket-controls-paired", PUBLIC_BUCKET_AT, `S3 bucket public-uploads ${missing("")}`, PUBLIC_BUCKET),
            cmd("aws-s3-bucket-controls-paired", ARCHIVE_BUCKET_AT, `S3 bucket archive-bucket ${missing("a public access block (BucketPublicAccessBlock), ")}`, ARCHIVE_BUCKET),
            cmd(
                "aws-s3-public-access-blocked",
                ACCESS_BLOCK_AT,
                "Public access block public-uploads-access leaves blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets off; all four must be true.",
                ACCESS_BLOCK,
            ),
            "",
        ]);
    });

    test("escapes as GitHub's workflow commands require: %, CR and LF in the message; also : and , in properties", () => {
        expect(escapeData("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext: a, b");
        expect(escapeProperty("100% done\r\nnext: a, b")).toBe("100%25 done%0D%0Anext%3A a%2C b");
    });
});

describe("in this process, on the rogue fixture's recording", () => {
    let report: CheckReport;
    let sources: SourceContext;
    const advisory = "aws-s3-public-access-blocked";
    const disabled = "audit-trail-records-every-data-store";

    beforeAll(async () => {
        const recording = await runStack({ preview: true, main: FIXTURE });
        const declarations = new Map<string, readonly SourcePosition[]>();
        report = await runCheck({ root: REPO_ROOT, stack: "prod", pack: harness.client, recording, declarations, policyPackConfig: { ...stackPolicyPackConfig("prod"), [advisory]: "advisory", [disabled]: "disabled" } });
        const entry = entryFile(loadProject(REPO_ROOT).main);
        sources = { sourceRoot: sourceRootOf(REPO_ROOT, entry), entry, declarations };
    }, 120_000);

    test("the recording's source positions, mapped through the loader's source maps, are the fixture's lines", () => {
        const declared = sources.declarations.get(ARCHIVE_BUCKET);
        const file = path.join(REPO_ROOT, FIXTURE);
        expect(declared).toEqual([
            { file, line: ARCHIVE_BUCKET_AT.startLine, column: ARCHIVE_BUCKET_AT.startColumn },
            { file, line: ARCHIVE_CALL_AT.startLine, column: ARCHIVE_CALL_AT.startColumn },
        ]);
        // The stack is registered by the runtime, not by a line of the program.
        expect(sources.declarations.get(urn("pulumi:pulumi:Stack", "data-platform-prod"))).toEqual([]);
    });

    test("enforcement levels: mandatory → error, advisory → warning, disabled → none and no result", () => {
        const run = JSON.parse(renderSarif(report, sources)).runs[0];
        expect(schemaErrors({ version: "2.1.0", runs: [run] })).toEqual([]);
        const level = (id: string) => run.tool.driver.rules.find((r: { id: string }) => r.id === id).defaultConfiguration.level;
        expect([level("aws-s3-bucket-controls-paired"), level(advisory), level(disabled)]).toEqual(["error", "warning", "none"]);
        expect(run.results.map((r: any) => [r.ruleId, r.level, r.properties.urn])).toEqual([
            ["aws-s3-bucket-controls-paired", "error", PUBLIC_BUCKET],
            ["aws-s3-bucket-controls-paired", "error", ARCHIVE_BUCKET],
            [advisory, "warning", ACCESS_BLOCK],
        ]);
        expect(renderGithubAnnotations(report, sources).split("\n").filter((l) => l.includes(`title=${advisory}`))).toEqual([
            `::warning file=${FIXTURE},line=${ACCESS_BLOCK_AT.startLine},col=${ACCESS_BLOCK_AT.startColumn},title=${advisory}::` +
                `Public access block public-uploads-access leaves blockPublicAcls, blockPublicPolicy, ignorePublicAcls, restrictPublicBuckets off; all four must be true.%0A${ACCESS_BLOCK}`,
        ]);
    });

    test("a stack-level finding (no resource, or the stack itself) points at the program's entry, infra/index.ts", () => {
        // No policy of the pack reports about the stack as a whole today; the analyzer protocol allows it (a stack
        // policy's diagnostic without a URN), so the finding is the fixture's own, moved to the stack.
        const base = report.violations.find((v) => v.urn === PUBLIC_BUCKET)!;
        const stackUrn = urn("pulumi:pulumi:Stack", "data-platform-prod");
        const atStack: CheckReport = {
            ...report,
            violations: [
                { ...base, kind: "stack", urn: "", resourceType: "", resourceName: "" },
                { ...base, kind: "stack", urn: stackUrn, resourceType: "pulumi:pulumi:Stack", resourceName: "data-platform-prod" },
            ],
        };
        const results = JSON.parse(renderSarif(atStack, sources)).runs[0].results;
        const entry = { artifactLocation: { uri: "infra/index.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 1 } };
        expect(results.map((r: any) => r.locations)).toEqual([
            [{ physicalLocation: entry }],
            [{ physicalLocation: entry, logicalLocations: [{ fullyQualifiedName: stackUrn, name: "data-platform-prod", kind: "resource" }] }],
        ]);
        expect(renderGithubAnnotations(atStack, sources).split("\n")[0]).toMatch(/^::error file=infra\/index\.ts,line=1,title=aws-s3-bucket-controls-paired::/);
    });

    test("a hostile message, policy name and path are escaped, so they cannot end or add a command", () => {
        const base = report.violations.find((v) => v.urn === PUBLIC_BUCKET)!;
        const hostile: CheckReport = {
            ...report,
            violations: [{ ...base, policy: "odd:policy,title=x", message: "description\n100% sure\r\n::error file=x::injected, twice: yes" }],
        };
        const declarations = new Map([[PUBLIC_BUCKET, [{ file: path.join(REPO_ROOT, "infra/a:b,c.ts"), line: 7, column: 3 }]]]);
        expect(renderGithubAnnotations(hostile, { ...sources, declarations })).toBe(
            `::error file=infra/a%3Ab%2Cc.ts,line=7,col=3,title=odd%3Apolicy%2Ctitle=x::100%25 sure%0D%0A::error file=x::injected, twice: yes%0A${PUBLIC_BUCKET}\n`,
        );
    });
});

describe("locate", () => {
    const entry = path.join(REPO_ROOT, "infra/index.ts");
    const violation = (u: string) => ({ policy: "p", clauses: [], enforcementLevel: "mandatory", kind: "resource", urn: u, resourceType: "t", resourceName: "n", message: "d\nm" }) as never;
    const ctx = (frames: SourcePosition[]): SourceContext => ({ sourceRoot: REPO_ROOT, entry, declarations: new Map([["u", frames]]) });

    test("the innermost program frame outside the repository: the entry, not a caller promoted to the declaring line", () => {
        const frames = [
            { file: path.join(path.dirname(REPO_ROOT), "elsewhere/lib/bucket.ts"), line: 12, column: 5 },
            { file: path.join(REPO_ROOT, "infra/areas/static.ts"), line: 3, column: 1 },
            { file: entry, line: 20, column: 1 },
        ];
        expect(locate(violation("u"), ctx(frames))).toEqual({ at: { file: "infra/index.ts", line: 1 }, callers: [] });
    });

    test("the innermost frame inside the repository is the location; callers outside it are left out", () => {
        const frames = [
            { file: path.join(REPO_ROOT, BUCKET_COMPONENT), line: 202, column: 23 },
            { file: path.join(path.dirname(REPO_ROOT), "elsewhere/wiring.ts"), line: 8, column: 2 },
            { file: entry, line: 20, column: 1 },
        ];
        expect(locate(violation("u"), ctx(frames))).toEqual({ at: { file: BUCKET_COMPONENT, line: 202, column: 23 }, callers: [{ file: "infra/index.ts", line: 20, column: 1 }] });
    });

    test("without a declaring frame or an entry (a deployed state) there is no location", () => {
        expect(locate(violation("u"), { sourceRoot: REPO_ROOT, entry: undefined, declarations: new Map() })).toBeUndefined();
    });
});

describe("programFrames", () => {
    const trace = (...frames: ({ file: string; line: number; column: number } | undefined)[]): StackTraceMessage => ({
        getFramesList: () =>
            frames.map((f) => ({ getPc: () => (f ? { getUri: () => pathToFileURL(f.file).href, getLine: () => f.line, getColumn: () => f.column } : undefined) })),
    });
    const repo = (file: string) => path.join(REPO_ROOT, file);

    test("keeps the program's frames, skips dependencies and unparsed frames, and stops at the check's own modules", () => {
        // Here (jest, SWC) no source map is known for a TypeScript file: its frame keeps the file, not a transpiled line.
        expect(
            programFrames(
                trace(
                    { file: repo("node_modules/@pulumi/aws/s3/bucket.js"), line: 10, column: 5 },
                    undefined,
                    { file: repo("infra/components/static-files/encrypted-s3-bucket.ts"), line: 40, column: 9 },
                    { file: repo("node_modules/@pulumi/pulumi/resource.js"), line: 12, column: 1 },
                    { file: repo("infra/index.ts"), line: 70, column: 3 },
                    { file: repo("infra/check/entry.ts"), line: 33, column: 5 },
                    { file: repo("tests/harness/program-server.ts"), line: 33, column: 27 },
                ),
            ),
        ).toEqual([{ file: repo("infra/components/static-files/encrypted-s3-bucket.ts") }, { file: repo("infra/index.ts") }]);
    });

    test("a JavaScript file without a map is its own source: its line and column stay", () => {
        expect(programFrames(trace({ file: repo("infra/check/bench/plain.js"), line: 3, column: 7 }))).toEqual([{ file: repo("infra/check/bench/plain.js"), line: 3, column: 7 }]);
        expect(programFrames(undefined)).toEqual([]);
    });
});
