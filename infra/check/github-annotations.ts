/**
 * Renders a {@link CheckReport} as GitHub Actions workflow commands: one `::error` (mandatory) or `::warning`
 * (advisory, remediate) per violation, at the program line that declared the resource (source-context.ts).
 * Printed by a step, they annotate the pull request's diff; unlike a SARIF upload they need no token, so a pull
 * request from a fork gets them too.
 *
 * Escaping follows GitHub's rules for workflow commands (actions/toolkit, packages/core/src/command.ts): in the
 * message `%`, CR and LF; in a property also `:` and `,`. Hand-written: @actions/core's `Command` class, which
 * does this, is not exported, and its `issueCommand` writes to the process's stdout itself.
 */
import type { CheckReport } from "./report-model";
import { finding, sarifLevel } from "./sarif";
import { locate, type SourceContext } from "./source-context";

export function escapeData(s: string): string {
    return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

export function escapeProperty(s: string): string {
    return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

export function renderGithubAnnotations(report: CheckReport, sources: SourceContext): string {
    return report.violations
        .map((v) => {
            const command = sarifLevel(v.enforcementLevel) === "error" ? "error" : "warning";
            const where = locate(v, sources)?.at;
            const props = [
                ...(where ? [`file=${escapeProperty(where.file)}`] : []),
                ...(where?.line !== undefined ? [`line=${where.line}`] : []),
                ...(where?.column !== undefined ? [`col=${where.column}`] : []),
                `title=${escapeProperty(v.policy)}`,
            ];
            const resource = v.urn ? `\n${v.urn}` : "";
            return `::${command} ${props.join(",")}::${escapeData(`${finding(v.message)}${resource}`)}\n`;
        })
        .join("");
}
