/**
 * The nightly audit (.github/workflows/audit.yml): schema-valid, pinned, read-only in the clouds, drift measured
 * without writing state, the pack run over the deployed state through the real `check` script, the state export
 * never printed or uploaded, and one job alone allowed to write issues, only when the audit failed.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { validateWorkflow } from "@action-validator/core";
import YAML from "yaml";
import { REPO_ROOT } from "./harness/stack";

const file = path.join(REPO_ROOT, ".github/workflows/audit.yml");
const text = fs.readFileSync(file, "utf8");
const wf = YAML.parse(text) as any;
const scripts = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")).scripts as Record<string, string>;
const lock = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package-lock.json"), "utf8"));
const steps = (job: string) => wf.jobs[job].steps as any[];
const step = (job: string, id: string) => steps(job).find((s) => s.id === id);
const allSteps = () => Object.values<any>(wf.jobs).flatMap((j) => j.steps as any[]);

test("is valid against GitHub's workflow schema", () => {
    expect(validateWorkflow(text).errors).toEqual([]);
});

test("the validator rejects the same workflow with a misspelt trigger (so the check above can fail)", () => {
    expect(validateWorkflow(text.replace("workflow_dispatch:", "workflow_dispatched:")).errors.length).toBeGreaterThan(0);
});

test("pins every action to a full commit SHA, the same pins as the other workflows", () => {
    const pins = (t: string) => t.split("\n").filter((l) => /^\s*-?\s*uses:/.test(l)).map((l) => l.trim().replace(/^- /, ""));
    const audit = pins(text);
    expect(audit.length).toBe(5);
    for (const line of audit) expect({ line, pinned: /^uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/.test(line) }).toEqual({ line, pinned: true });
    const others = new Set(["pull-request.yml", "deploy.yml"].flatMap((f) => pins(fs.readFileSync(path.join(REPO_ROOT, ".github/workflows", f), "utf8"))));
    for (const line of audit) expect({ line, usedElsewhere: others.has(line) }).toEqual({ line, usedElsewhere: true });
});

test("runs nightly and by hand, never two at once, outside the deploy group", () => {
    expect(Object.keys(wf.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
    expect(wf.on.workflow_dispatch).toBeNull();
    expect(wf.on.schedule).toHaveLength(1);
    // Once a day: fixed minute and hour, every day of the month, month and week.
    expect(wf.on.schedule[0].cron).toMatch(/^\d{1,2} \d{1,2} \* \* \*$/);
    expect(wf.concurrency).toEqual({ group: "audit-prod", "cancel-in-progress": false });
});

test("permissions per job, exactly: read-only code and OIDC for the audit, issues alone for the report", () => {
    expect(wf.permissions).toEqual({ contents: "read" });
    expect(Object.keys(wf.jobs).sort()).toEqual(["audit", "report"]);
    expect(wf.jobs.audit.permissions).toEqual({ contents: "read", "id-token": "write" });
    expect(wf.jobs.report.permissions).toEqual({ issues: "write" });
});

test("logs in to the clouds with the read-only audit identities from repository vars", () => {
    const aws = steps("audit").find((s) => String(s.uses).startsWith("aws-actions/configure-aws-credentials@"));
    expect(aws.with).toEqual({ "role-to-assume": "${{ vars.AWS_AUDIT_ROLE_ARN }}", "aws-region": "ap-southeast-2" });
    const gcp = steps("audit").find((s) => String(s.uses).startsWith("google-github-actions/auth@"));
    expect(gcp.with).toEqual({
        workload_identity_provider: "${{ vars.GCP_WORKLOAD_IDENTITY_PROVIDER }}",
        service_account: "${{ vars.GCP_AUDIT_SERVICE_ACCOUNT }}",
    });
    // Not the deploy or preview identities.
    expect(text).not.toMatch(/AWS_(DEPLOY|PREVIEW)_ROLE_ARN|GCP_(DEPLOY|PREVIEW)_SERVICE_ACCOUNT/);
    expect(wf.jobs.audit.environment).toBe("audit");
});

test("installs the Pulumi CLI of the SDK version package-lock.json pins, and nothing else through the action", () => {
    const cli = steps("audit").find((s) => String(s.uses).startsWith("pulumi/actions@"));
    expect(cli.with).toEqual({ "pulumi-version": lock.packages["node_modules/@pulumi/pulumi"].version });
});

test("drift: preview with a refresh that is not persisted, failing on any change; nothing writes state", () => {
    const drift = step("audit", "drift").run as string;
    const preview = drift.split("\n").find((l) => l.trim().startsWith("pulumi preview"))!;
    expect(preview.split(/\s+/)).toEqual(expect.arrayContaining(["--refresh", "--expect-no-changes", "--stack", "prod"]));
    const commands = allSteps()
        .map((s) => String(s.run ?? ""))
        .join("\n");
    expect(commands).not.toMatch(/pulumi (refresh|up|destroy|import|state|cancel)\b/);
    expect(commands).not.toMatch(/pulumi stack (import|rm)\b/);
});

test("the check runs the real `check` script over the exported state", () => {
    expect(scripts["check"]).toBe("node --max-old-space-size=1536 infra/check/run-check.js");
    expect(step("audit", "check").run).toContain("npm run --silent check -- --state state.json --stack prod --format markdown --output audit-report.md");
    expect(step("audit", "export").run).toContain("pulumi stack export --stack prod --file state.json");
    const order = steps("audit").map((s) => s.id);
    expect(order.indexOf("export")).toBeLessThan(order.indexOf("check"));
});

test("the state export is never printed, uploaded, decrypted or kept", () => {
    const export_ = step("audit", "export").run as string;
    expect(export_).not.toContain("--show-secrets");
    for (const s of allSteps()) {
        const uses = String(s.uses ?? "");
        expect({ uses, uploads: /upload-artifact|cache@/.test(uses) }).toEqual({ uses, uploads: false });
        const run = String(s.run ?? "");
        // Reading state.json is only the check's job; no cat, head, tee, base64, gh or echo of it.
        for (const line of run.split("\n").filter((l) => l.includes("state.json"))) {
            expect({ line, allowed: /^(npm run --silent check -- --state state\.json|pulumi stack export --stack prod --file state\.json|rm -f state\.json)\b/.test(line.trim()) }).toEqual({ line, allowed: true });
        }
        expect(JSON.stringify(s.with ?? {})).not.toContain("state.json");
    }
    const remove = steps("audit").find((s) => String(s.run ?? "").trim() === "rm -f state.json");
    expect(remove.if).toBe("always()");
    expect(wf.jobs.audit.outputs).toEqual({
        "drift-exit-code": "${{ steps.drift.outputs.exit-code }}",
        "check-exit-code": "${{ steps.check.outputs.exit-code }}",
        report: "${{ steps.report.outputs.body }}",
    });
});

test("the job fails on drift, violations or check errors", () => {
    const fail = steps("audit").find((s) => s.name === "Fail on drift, violations or errors");
    expect(fail.if).toBe("steps.drift.outputs.exit-code != '0' || steps.check.outputs.exit-code != '0'");
    expect(fail.run).toContain("exit 1");
    expect(steps("audit").at(-1)).toBe(fail);
});

test("the issue is filed only when the audit failed: one issue, found by its label, commented or created", () => {
    const report = wf.jobs.report;
    expect(report.needs).toBe("audit");
    expect(report.if).toBe("failure()");
    expect(report.steps).toHaveLength(1);
    const [issue] = report.steps;
    expect(issue.uses).toBeUndefined();
    expect(issue.env.LABEL).toBe("nightly-audit");
    expect(issue.env.BODY).toBe("${{ needs.audit.outputs.report }}");
    expect(issue.run).toContain('gh issue list --repo "$GITHUB_REPOSITORY" --label "$LABEL" --state open');
    expect(issue.run).toContain('gh issue comment "$number"');
    expect(issue.run).toContain('gh issue create --repo "$GITHUB_REPOSITORY" --title "$TITLE" --label "$LABEL"');
    // The report reaches the script through the environment, never spliced into the script.
    expect(issue.run).not.toContain("${{");
});
