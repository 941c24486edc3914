/**
 * The policy pack is publishable: `pulumi policy publish` uploads infra/policy alone (`npm pack` of it), and
 * `pulumi policy enable` later installs that tarball with npm and starts it far from this repo. So the pack may
 * import nothing outside its directory, nor any package it does not depend on itself; its tarball holds exactly
 * what it loads; and, installed from the tarball alone, it judges the prod stack exactly as the in-repo pack does.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import { isBuiltin } from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import * as ts from "typescript";
import { analyzeRecording, type Analysis } from "../../infra/check/analyze";
import { runPolicyPack, type RunningPolicyPack, type UserPolicyConfig } from "../../infra/check/policy-pack";
import type { Recording } from "../../infra/check/recorder";
import { mutateResource, policyHarness, type PolicyHarness } from "../harness/policy";
import { REPO_ROOT, runStack } from "../harness/stack";

const PACK_DIR = path.join(REPO_ROOT, "infra/policy");
const SOURCE = /\.(ts|js|mjs|cjs)$/;

/** Files of `dir` (relative, `/`-separated), without node_modules. */
function filesUnder(dir: string): string[] {
    return (fs.readdirSync(dir, { recursive: true }) as string[])
        .map((f) => f.split(path.sep).join("/"))
        .filter((f) => !f.split("/").includes("node_modules") && fs.statSync(path.join(dir, f)).isFile())
        .sort();
}

/**
 * The module specifiers a source file imports: `import`, `import type`, `export … from`, `require()` and
 * `import()`. TypeScript's own pre-processor finds them, so comments and strings that merely look like imports
 * are not mistaken for them.
 */
function importsOf(file: string): string[] {
    return ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true).importedFiles.map((i) => i.fileName);
}

/** Where a relative specifier points, as Node and the pack's loader resolve it; undefined if no file is there. */
function resolveRelative(fromFile: string, spec: string): string | undefined {
    const base = path.resolve(path.dirname(fromFile), spec);
    return [base, `${base}.ts`, `${base}.js`, path.join(base, "index.ts"), path.join(base, "index.js")].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (spec: string) => spec.split("/").slice(0, spec.startsWith("@") ? 2 : 1).join("/");

/**
 * Every import in the pack directory that would break once the directory stands alone: a relative import that
 * leaves it or resolves to no file, and a package the pack's package.json does not list (the repo's root
 * node_modules is not there when the CLI installs the pack).
 */
function importProblems(packDir: string): string[] {
    const deps = Object.keys(JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8")).dependencies ?? {});
    const problems: string[] = [];
    for (const rel of filesUnder(packDir).filter((f) => SOURCE.test(f))) {
        const file = path.join(packDir, rel);
        for (const spec of importsOf(file)) {
            if (spec.startsWith(".")) {
                const target = resolveRelative(file, spec);
                const inside = target !== undefined && !path.relative(packDir, target).startsWith("..");
                if (!target) problems.push(`${rel}: "${spec}" resolves to no file`);
                else if (!inside) problems.push(`${rel}: "${spec}" resolves outside the pack, to ${path.relative(packDir, target)}`);
            } else if (!isBuiltin(spec) && !deps.includes(packageOf(spec))) {
                problems.push(`${rel}: "${spec}" is not a dependency of the pack (its package.json lists: ${deps.join(", ")})`);
            }
        }
    }
    return problems;
}

/** The pack's own files that its entry loads, followed import by import (relative imports only). */
function loadedFiles(packDir: string, entry: string): string[] {
    const seen = new Set<string>();
    const visit = (file: string) => {
        const rel = path.relative(packDir, file).split(path.sep).join("/");
        if (seen.has(rel)) return;
        seen.add(rel);
        for (const spec of importsOf(file).filter((s) => s.startsWith("."))) {
            const target = resolveRelative(file, spec);
            if (!target) throw new Error(`${rel}: "${spec}" resolves to no file`);
            visit(target);
        }
    };
    visit(path.join(packDir, entry));
    return [...seen].sort();
}

describe("no file of the pack imports from outside it", () => {
    test("the pack directory imports only its own files, Node built-ins and its own dependencies", () => {
        expect(importProblems(PACK_DIR)).toEqual([]);
    });

    test("the guard finds an import that leaves the pack, a missing file and a package the pack does not depend on", () => {
        const root = fs.mkdtempSync(path.join(os.tmpdir(), "pack-guard-"));
        try {
            const pack = path.join(root, "infra/policy");
            fs.mkdirSync(path.join(pack, "policies"), { recursive: true });
            fs.writeFileSync(path.join(root, "infra/clauses.ts"), "export const CLAUSES = {};\n");
            fs.writeFileSync(path.join(pack, "package.json"), JSON.stringify({ dependencies: { "@pulumi/policy": "1.21.0" } }));
            fs.writeFileSync(path.join(pack, "policies/own.ts"), "export const own = 1;\n");
            fs.writeFileSync(
                path.join(pack, "policies/p.ts"),
                [
                    `import type { PolicyResource } from "@pulumi/policy";`,
                    `import { BlockList } from "node:net";`,
                    `import { own } from "./own";`,
                    `// import { x } from "../../not-an-import";`,
                    `import { CLAUSES } from "../../clauses";`,
                    `import { z } from "zod";`,
                    `export * from "./gone";`,
                    `const yaml = require("yaml");`,
                ].join("\n"),
            );
            expect(importProblems(pack)).toEqual([
                `policies/p.ts: "../../clauses" resolves outside the pack, to ../clauses.ts`,
                `policies/p.ts: "zod" is not a dependency of the pack (its package.json lists: @pulumi/policy)`,
                `policies/p.ts: "./gone" resolves to no file`,
                `policies/p.ts: "yaml" is not a dependency of the pack (its package.json lists: @pulumi/policy)`,
            ]);
        } finally {
            fs.rmSync(root, { recursive: true, force: true });
        }
    });
});

/**
 * The environment for the npm commands: this process's, without what `npm test` exports for its own script
 * (npm_package_*, npm_lifecycle_*, workspace settings), which would otherwise apply to an install in another
 * directory. The cache and user config stay, so the install reads the cache `npm ci` warmed.
 */
function npmEnv(): NodeJS.ProcessEnv {
    const keep = /^npm_config_(cache|userconfig|globalconfig|registry)$/i;
    return Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || keep.test(k)));
}

const run = promisify(execFile);

/** A normalised analysis, for comparing two packs' verdicts field by field. */
function verdicts(a: Analysis) {
    return {
        info: a.info,
        effectiveConfig: a.effectiveConfig,
        diagnostics: a.diagnostics.map((x) => ({ ...x.d, kind: x.kind, resource: x.reg?.urn })),
        evaluated: Object.fromEntries([...a.evaluated].map(([policy, urns]) => [policy, [...urns].sort()])),
        stackNotApplicable: [...a.stackNotApplicable].sort(),
    };
}

describe("installed from its tarball alone, outside the repo", () => {
    let work: string;
    let packed: { filename: string; files: { path: string }[] };
    let installedDir: string;
    let installed: RunningPolicyPack;
    let inRepo: PolicyHarness;
    let prod: Recording;
    const policyConfig = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "config/prod.json"), "utf8")) as UserPolicyConfig;

    beforeAll(async () => {
        // The stack recording and the in-repo pack come from the tests' shared servers while npm works.
        const shared = Promise.all([policyHarness(), runStack({ preview: true })]);
        work = fs.mkdtempSync(path.join(os.tmpdir(), "publishable-pack-"));
        const env = npmEnv();
        const { stdout } = await run("npm", ["pack", "--json", "--pack-destination", work], { cwd: PACK_DIR, env });
        packed = JSON.parse(stdout)[0];
        const target = path.join(work, "install");
        fs.mkdirSync(target);
        await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--prefix", target, path.join(work, packed.filename)], { cwd: target, env });
        installedDir = path.join(target, "node_modules", JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8")).name);
        // Started as the check starts a pack (spawn-pack.js), so with the check's watchdog preloaded from the repo: it
        // needs nothing of the pack and changes none of its verdicts (infra/check/pack-watchdog.js).
        [installed, [inRepo, prod]] = await Promise.all([runPolicyPack(installedDir), shared]);
    }, 300_000);

    /** The same analysis by the in-repo and the installed pack: two processes, so they work at the same time. */
    const bothPacks = (rec: Recording, opts: Parameters<typeof analyzeRecording>[2]) =>
        Promise.all([analyzeRecording(inRepo.client, rec, opts), analyzeRecording(installed.client, rec, opts)]).then(([a, b]) => [verdicts(a), verdicts(b)] as const);

    afterAll(() => {
        installed?.stop();
        inRepo?.close();
        if (work) fs.rmSync(work, { recursive: true, force: true });
    });

    test("the tarball holds exactly the files the pack's entry loads, its package.json and PulumiPolicy.yaml", () => {
        const main = JSON.parse(fs.readFileSync(path.join(PACK_DIR, "package.json"), "utf8")).main;
        const expected = [...new Set(["package.json", "PulumiPolicy.yaml", ...loadedFiles(PACK_DIR, main)])].sort();
        const files = packed.files.map((f) => f.path).sort();
        expect(files).toEqual(expected);
        // What that excludes, said outright: tests, the stack's pack config (the CLI sends it), anything installed.
        expect(files.filter((f) => /\.test\.ts$|^config\/|node_modules|^\.\./.test(f))).toEqual([]);
        expect(expected).toEqual(expect.arrayContaining(["boot.js", "index.ts", "lib/define.ts", "facts/clauses.ts", "policies/index.ts"]));
        // npm installed what it packed, and nothing else.
        expect(filesUnder(installedDir)).toEqual(expected);
    });

    test("it runs from the install, not from the repo: the runner and the SDK resolve inside the temporary directory", () => {
        expect(path.relative(REPO_ROOT, installedDir).startsWith("..")).toBe(true);
        const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [installedDir] });
        expect(path.relative(work, runner).startsWith("..")).toBe(false);
    });

    test("it describes itself exactly as the in-repo pack does", async () => {
        const info = await installed.client.info();
        expect(info).toEqual(inRepo.info);
        expect(info.policies.length).toBeGreaterThan(0);
    });

    test("the prod stack at preview: the same verdicts, and no mandatory violation", async () => {
        const opts = { project: "data-platform", stack: "prod", policyPackConfig: policyConfig };
        const [here, there] = await bothPacks(prod, opts);
        expect(there).toEqual(here);
        expect(here.diagnostics.filter((d) => d.enforcementLevel === "mandatory")).toEqual([]);
        // Every resource policy saw resources, so "the same" is about real evaluations, not two empty reports.
        expect(Object.values(here.evaluated).filter((urns) => urns.length > 0).length).toBeGreaterThan(30);
    });

    // One mutation per fact the pack carries in infra/policy/facts/: each fails the in-repo pack and must fail the
    // installed pack with the same findings.
    test.each<[string, string, string, (p: Record<string, any>) => void]>([
        ["residency (AU_AWS_REGIONS)", "aws-au", "aws-resources-in-australia", (p) => (p["region"] = "us-east-1")],
        ["network (networkAccessProblem)", "atlas-access-ip-203-0-113-16-28", "atlas-access-list-not-open", (p) => (p["cidrBlock"] = "0.0.0.0/0")],
        ["backup retention (DAILY_BACKUP_RETENTION_DAYS)", "atlas-backups-schedule", "atlas-backup-daily-retention", (p) => (p["policyItemDaily"].retentionValue = 7)],
        ["audit retention (AUDIT_RETENTION_DAYS)", "auth0-audit-log-archive-log-group", "audit-logs-kept-in-australia", (p) => (p["retentionInDays"] = 365)],
        ["processor register (PROCESSORS)", "atlas-project", "atlas-project-data-services-off", (p) => (p["isDataExplorerEnabled"] = true)],
    ])("%s: %s mutated fails %s the same way in both", async (_fact, resource, policy, change) => {
        const broken = mutateResource(prod, resource, change);
        const opts = { project: "data-platform", stack: "prod", policyPackConfig: policyConfig };
        const [here, there] = await bothPacks(broken, opts);
        const failing = here.diagnostics.filter((d) => d.enforcementLevel === "mandatory");
        expect(failing.length).toBeGreaterThan(0);
        expect([...new Set(failing.map((d) => d.policyName))]).toEqual([policy]);
        expect(there).toEqual(here);
    });
});
