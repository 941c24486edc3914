/**
 * Renders a {@link CheckReport}: a terminal summary, JSON (schema in `report.schema.json`), or Markdown for a
 * pull-request comment (clause → controls → resources → status, and a Mermaid diagram of the stack).
 */
import Table from "cli-table3";
import type { CheckReport, ReportControl } from "./report-model";

const MARK = { pass: "PASS", "pass-automated": "PASS*", fail: "FAIL", warn: "WARN", partial: "PARTIAL", manual: "MANUAL", "not-applicable": "n/a" } as const;
const EMOJI = { pass: "✅", "pass-automated": "☑️", fail: "❌", warn: "⚠️", partial: "🟡", manual: "📝", "not-applicable": "➖" } as const;

/** How many controls of each kind, e.g. `5 automated, 1 unchecked, 1 manual`. */
function controlCounts(controls: readonly ReportControl[]): string {
    const n = (kind: ReportControl["kind"]) => controls.filter((c) => c.kind === kind).length;
    return [`${n("automated")} automated`, n("unchecked") ? `${n("unchecked")} unchecked` : "", n("manual") ? `${n("manual")} manual` : ""].filter(Boolean).join(", ");
}

/** One control as a line of text: what it is and what the check found for it. */
function describeControl(report: CheckReport, c: ReportControl, code: (s: string) => string): string {
    switch (c.kind) {
        case "automated": {
            const on = c.evaluated.length === 0 ? "evaluated nothing" : `on ${c.evaluated.length} resource${c.evaluated.length === 1 ? "" : "s"}: ${names(report, c.evaluated, code)}`;
            return `${MARK[c.status]} policy ${code(c.policy)} ${on}${c.violations ? `, ${c.violations} violation${c.violations === 1 ? "" : "s"}` : ""}`;
        }
        case "unchecked":
            return `UNCHECKED ${c.control} (${c.why})`;
        case "manual":
            return `MANUAL (${c.reason}) ${c.control} (${c.why})`;
    }
}

/** Resource name by URN, built once per report: a control can list every resource of a 10,000-resource stack. */
const namesByUrn = new WeakMap<CheckReport, ReadonlyMap<string, string>>();

/** Up to six resource names for a list of URNs (only the six shown are looked up). */
function names(report: CheckReport, urns: readonly string[], code: (s: string) => string): string {
    let byUrn = namesByUrn.get(report);
    if (!byUrn) {
        byUrn = new Map(report.graph.map((g) => [g.urn, g.name]));
        namesByUrn.set(report, byUrn);
    }
    const shown = urns.slice(0, 6).map((urn) => code(byUrn.get(urn) ?? urn));
    return urns.length > 6 ? `${shown.join(", ")} and ${urns.length - 6} more` : shown.join(", ");
}

/** Stable, documented JSON (2-space indented). */
export function renderJson(report: CheckReport): string {
    return JSON.stringify(report, null, 2) + "\n";
}

/** The terminal summary: resources by type, violations grouped by clause, then pass/fail. */
export function renderText(report: CheckReport): string {
    const out: string[] = [];
    out.push(
        `Offline policy check: ${report.project}/${report.stack} (${report.preview ? "preview" : "update"} semantics), ` +
            `policy pack ${report.policyPack.name}@${report.policyPack.version}`,
        "",
    );
    const types = new Table({ head: ["Resource type", "Count"], style: { head: [], border: [], compact: true } });
    for (const [type, n] of Object.entries(report.summary.resourcesByType)) types.push([type, String(n)]);
    types.push(["total", String(report.summary.resources)]);
    out.push(types.toString(), "");

    const clauses = new Table({ head: ["Clause", "Status", "Controls", "Resources", "Violations"], style: { head: [], border: [], compact: true } });
    for (const c of report.clauses) {
        clauses.push([`§${c.id} ${c.title}`, MARK[c.status], controlCounts(c.controls), String(c.resources.length), String(c.violations)]);
    }
    out.push(clauses.toString(), "PASS*: the automated controls pass; the clause also rests on the manual controls listed below.", "");
    out.push("Controls by clause:");
    for (const c of report.clauses) {
        out.push(`  §${c.id} ${MARK[c.status]}`, ...c.controls.map((k) => `    ${describeControl(report, k, (s) => s)}`));
    }
    out.push("");
    if (report.messages.length > 0) {
        out.push("Logged by the program (pulumi preview prints these):");
        for (const m of report.messages) out.push(`  ${m.severity}: ${m.message}${m.urn ? ` (${m.urn})` : ""}`);
        out.push("");
    }

    if (report.violations.length > 0) {
        out.push("Violations by clause:");
        for (const c of report.clauses.filter((c) => c.violations > 0)) {
            out.push(`  §${c.id} ${c.title}`);
            for (const v of report.violations.filter((v) => v.clauses.includes(c.id))) {
                out.push(`    [${v.enforcementLevel}] ${v.policy} — ${v.resourceType} ${v.resourceName}`, `      ${lastLine(v.message)}`);
            }
        }
        out.push("");
    }
    if (report.exemptions.length > 0) {
        out.push("Exemptions (from the policy pack config):");
        for (const e of report.exemptions) out.push(`  ${e.policy}: ${e.resource} — ${e.reason}`);
        out.push("");
    }
    if (report.placeholders.length > 0) {
        out.push(`Placeholders to replace before the first pulumi up (pulumi up refuses them): ${report.placeholders.map((p) => p.key).join(", ")}`, "");
    }
    const abroad = report.processors.filter((g) => g.country !== "Australia");
    out.push(
        `Processors outside Australia: ${abroad.map((g) => `${g.country} (${g.processors.map((p) => p.name).join(", ")})`).join("; ") || "none"}.`,
        "",
    );
    const { mandatoryViolations: m, advisoryViolations: a } = report.summary;
    out.push(
        `${report.result === "pass" ? "PASS" : "FAIL"}: ${m} mandatory and ${a} advisory violation${m + a === 1 ? "" : "s"} ` +
            `across ${report.summary.resources} resources and ${report.summary.policies} policies.`,
    );
    return out.join("\n") + "\n";
}

/** Markdown for a pull-request comment or job summary. */
export function renderMarkdown(report: CheckReport): string {
    const out: string[] = [];
    const { mandatoryViolations: m, advisoryViolations: a } = report.summary;
    out.push(
        `## ${report.result === "pass" ? "✅" : "❌"} Data-policy check: \`${report.project}/${report.stack}\``,
        "",
        `${report.result === "pass" ? "**Pass**" : "**Fail**"} — ${m} mandatory, ${a} advisory violation(s); ` +
            `${report.summary.resources} resources, ${report.summary.policies} policies, ` +
            `policy pack \`${report.policyPack.name}@${report.policyPack.version}\`, ${report.preview ? "preview" : "update"} semantics.`,
        "",
        "### By clause of the data policy",
        "",
        "A clause passes only when every policy that enforces it evaluated at least one resource without a mandatory " +
            "violation and nothing it needs is left unchecked; `partial` when a policy evaluated nothing or a declared " +
            "control has no policy yet; `pass-automated` when the automated controls pass and the rest rests on manual controls " +
            "(contracts, processes) that an auditor checks; `manual` when only a contract or a process can show it.",
        "",
        table(
            ["Clause", "Status", "Controls and what they evaluated"],
            report.clauses.map((c) => [
                `§${c.id} ${escape(c.title)}`,
                `${EMOJI[c.status]} ${c.status}`,
                c.controls.map((k) => escape(describeControl(report, k, (n) => `\`${n}\``))).join("<br>"),
            ]),
        ),
        "",
    );
    if (report.violations.length > 0) {
        out.push(
            "### Violations",
            "",
            table(
                ["Level", "Policy", "Resource", "Finding", "Clauses"],
                report.violations.map((v) => [
                    v.enforcementLevel,
                    `\`${v.policy}\``,
                    `\`${v.resourceName || v.urn}\``,
                    escape(lastLine(v.message)),
                    v.clauses.map((c) => `§${c}`).join(" "),
                ]),
            ),
            "",
        );
        const remediation = [...new Set(report.violations.map((v) => v.policy))].map((name) => report.policies.find((p) => p.name === name)!);
        out.push("**How to fix:**", "", ...remediation.map((p) => `- \`${p.name}\`: ${escape(p.remediation)}`), "");
    }
    if (report.messages.length > 0) {
        out.push("### Logged by the program", "", ...report.messages.map((m) => `- ${m.severity}: ${escape(m.message)}${m.urn ? ` (\`${m.urn}\`)` : ""}`), "");
    }
    if (report.exemptions.length > 0) {
        out.push("### Exemptions", "", table(["Policy", "Resource", "Reason"], report.exemptions.map((e) => [`\`${e.policy}\``, `\`${e.resource}\``, escape(e.reason)])), "");
    }
    if (report.placeholders.length > 0) {
        out.push(
            "### Placeholders",
            "",
            "These stack values stand in for production values nobody has recorded yet; `pulumi up` refuses them.",
            "",
            table(["Key", "Value", "Why"], report.placeholders.map((p) => [`\`${p.key}\``, `\`${escape(p.value)}\``, escape(p.why)])),
            "",
        );
    }
    out.push(
        "### Processors",
        "",
        "The sub-processor list, generated from `infra/processors.ts`: where each third party processes data, whether " +
            "personal data leaves Australia (APP 8), and whether this stack provisions resources there or the relationship is a contract only.",
        "",
        table(
            ["Country", "Processor", "Purpose", "Personal data leaves Australia", "Provisioned by this stack", "Contract"],
            report.processors.flatMap((g) =>
                g.processors.map((p) => [
                    g.country,
                    escape(p.name),
                    escape(p.purpose),
                    p.personalDataLeavesAustralia,
                    p.provisionedByThisStack ? "yes" : "no (contract only)",
                    p.contract,
                ]),
            ),
        ),
        "",
    );
    out.push("### Stack", "", "```mermaid", mermaid(report), "```", "");
    out.push(
        "<details><summary>Policies</summary>",
        "",
        table(
            ["Policy", "Status", "Severity", "Level", "Clauses"],
            report.policies.map((p) => [`\`${p.name}\``, `${EMOJI[p.status]} ${p.status}`, p.severity, p.enforcementLevel, p.clauses.map((c) => `§${c}`).join(" ")]),
        ),
        "",
        "</details>",
        "",
    );
    return out.join("\n");
}

/**
 * A flowchart of the stack: providers, and each top-level component with its child count; an edge from the
 * provider its children use. Components with a mandatory violation are marked.
 */
export function mermaid(report: CheckReport): string {
    const lines = ["flowchart LR"];
    const id = new Map<string, string>();
    const nodeId = (urn: string) => {
        if (!id.has(urn)) id.set(urn, `n${id.size}`);
        return id.get(urn)!;
    };
    const stackUrn = report.graph.find((g) => g.type === "pulumi:pulumi:Stack")?.urn;
    const topLevel = report.graph.filter((g) => g.parent === stackUrn && !g.type.startsWith("pulumi:providers:"));
    const providers = report.graph.filter((g) => g.type.startsWith("pulumi:providers:"));
    const parentOf = new Map(report.graph.map((g) => [g.urn, g.parent]));
    const rootOf = (urn: string): string => {
        let cur = urn;
        while (parentOf.get(cur) && parentOf.get(cur) !== stackUrn) cur = parentOf.get(cur)!;
        return cur;
    };
    const children = new Map<string, number>();
    const usesProvider = new Map<string, Set<string>>();
    for (const g of report.graph) {
        if (g.urn === stackUrn || g.type.startsWith("pulumi:providers:") || topLevel.some((t) => t.urn === g.urn)) continue;
        const root = rootOf(g.urn);
        children.set(root, (children.get(root) ?? 0) + 1);
        if (g.provider) (usesProvider.get(root) ?? usesProvider.set(root, new Set()).get(root)!).add(g.provider);
    }
    const failing = new Set(report.violations.filter((v) => v.enforcementLevel === "mandatory").map((v) => rootOf(v.urn)));
    for (const p of providers) lines.push(`  ${nodeId(p.urn)}[("${p.name}<br/>${p.type.replace("pulumi:providers:", "")}")]`);
    for (const t of topLevel) {
        const kind = t.type.split(":").pop();
        lines.push(`  ${nodeId(t.urn)}["${t.name}<br/>${kind} · ${children.get(t.urn) ?? 0} resources"]`);
        for (const p of usesProvider.get(t.urn) ?? []) lines.push(`  ${nodeId(p)} --> ${nodeId(t.urn)}`);
        if (failing.has(t.urn)) lines.push(`  class ${nodeId(t.urn)} violation`);
    }
    lines.push("  classDef violation fill:#fdd,stroke:#c00");
    return lines.join("\n");
}

/** Markdown table. Hand-written: markdown-table, the usual library, is ESM-only and this repo is CommonJS. */
function table(head: string[], rows: string[][]): string {
    const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
    return [line(head), line(head.map(() => "---")), ...rows.map(line)].join("\n");
}

function escape(s: string): string {
    return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function lastLine(message: string): string {
    return message.slice(message.indexOf("\n") + 1);
}
