/**
 * Renders a {@link CheckReport}: a terminal summary, JSON (schema in `report.schema.json`), or Markdown for a
 * pull-request comment (clause → policies → resources → status, and a Mermaid diagram of the stack).
 */
import Table from "cli-table3";
import { CLAUSES } from "../clauses";
import type { CheckReport, ReportClause } from "./check";

const MARK = { pass: "PASS", fail: "FAIL", warn: "WARN", "not-applicable": "n/a", "not-enforced": "—" } as const;
const EMOJI = { pass: "✅", fail: "❌", warn: "⚠️", "not-applicable": "➖", "not-enforced": "➖" } as const;

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

    const clauses = new Table({ head: ["Clause", "Status", "Policies", "Resources", "Violations"], style: { head: [], border: [], compact: true } });
    for (const c of report.clauses) {
        clauses.push([`§${c.id} ${c.title}`, MARK[c.status], String(c.policies.length), String(c.resources.length), String(c.violations)]);
    }
    out.push(clauses.toString(), "");

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
        table(
            ["Clause", "Status", "Policies", "Resources checked"],
            report.clauses.map((c) => [
                `§${c.id} ${escape(c.title)}`,
                `${EMOJI[c.status]} ${c.status}`,
                c.policies.map((p) => `\`${p}\``).join("<br>") || "not enforced in code",
                resourcesCell(report, c),
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

function resourcesCell(report: CheckReport, c: ReportClause): string {
    if (c.status === "not-enforced") {
        return `contractual/organisational: ${escape(CLAUSES[c.id].sectionTitle)}`;
    }
    const names = c.resources.map((urn) => report.graph.find((g) => g.urn === urn)?.name ?? urn);
    const shown = names.slice(0, 6).map((n) => `\`${n}\``);
    return names.length > 6 ? `${shown.join(", ")} and ${names.length - 6} more` : shown.join(", ") || "stack-wide";
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
