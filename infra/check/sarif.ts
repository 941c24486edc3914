/**
 * Renders a {@link CheckReport} as SARIF 2.1.0 (OASIS), for GitHub code scanning (`upload-sarif`) and any other
 * SARIF viewer: one rule per policy of the pack, one result per violation, located at the program line that
 * declared the resource (source-context.ts says which line and why; a deployed state's results have only the URN).
 *
 * Written as plain objects: the log is small and fixed in shape, the tests validate it against the official
 * schema, and the builder libraries on npm (node-sarif-builder, @microsoft/sarif-builder) add a fluent API over
 * the same objects without checking anything more.
 */
import { createHash } from "node:crypto";
import { pathToFileURL } from "node:url";
import type { EnforcementLevel, Severity } from "./policy-pack";
import type { CheckReport, ReportPolicy, ReportViolation } from "./report-model";
import { locate, type RepoPosition, type SourceContext } from "./source-context";

export const SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
/** The base that every location is relative to: the repository root. */
export const SRCROOT = "%SRCROOT%";
/** The framework the pack is written for; the pack itself has no page of its own outside this repository. */
export const INFORMATION_URI = "https://www.pulumi.com/docs/iac/crossguard/";

type SarifLevel = "none" | "note" | "warning" | "error";

/**
 * The `partialFingerprints` key of a result's identity: its rule and its resource's URN, so N instances of one
 * component that break one rule at the same line stay N results for any viewer that matches on it (SARIF §3.27.17).
 *
 * GitHub code scanning documents that it uses only `primaryLocationLineHash`, which upload-sarif computes from the
 * text around the result's line (codeql-action src/fingerprints.ts) when the log has none. That value is not
 * ours to set: a different value makes upload-sarif warn of an inconsistent fingerprint, and GitHub's own value
 * would be the same for every instance at one line anyway. So the log leaves it to upload-sarif, and GitHub may
 * still show the N instances at one line as one alert (each result keeps its URN in `properties.urn`).
 */
export const FINGERPRINT_KEY = "pulumiUrnHash/v1";

/** SHA-256 of the rule and the URN (NUL-separated: neither contains one): stable across runs and line moves. */
export function urnFingerprint(ruleId: string, urn: string): string {
    return createHash("sha256").update(`${ruleId}\0${urn}`).digest("hex");
}

/**
 * mandatory fails the check (exit 1), so an error; advisory and remediate do not, so a warning (a remediate
 * policy's violation is what the check reports when it would fix the resource at `pulumi up`).
 */
export function sarifLevel(level: EnforcementLevel): SarifLevel {
    return level === "mandatory" ? "error" : level === "disabled" ? "none" : "warning";
}

/** GitHub's `security-severity` (CVSS-like, 0.0–10.0) for the pack's severities: low 3, medium 5.5, high 8, critical 9.5. */
const SECURITY_SEVERITY: Record<Exclude<Severity, "">, string> = { low: "3.0", medium: "5.5", high: "8.0", critical: "9.5" };

export function renderSarif(report: CheckReport, sources: SourceContext): string {
    const ruleIndex = new Map(report.policies.map((p, i) => [p.name, i]));
    const log = {
        $schema: SARIF_SCHEMA,
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: report.policyPack.name,
                        version: report.policyPack.version,
                        semanticVersion: report.policyPack.version,
                        informationUri: INFORMATION_URI,
                        rules: report.policies.map(rule),
                    },
                },
                // One analysis per stack: a code-scanning upload for another stack does not close this one's alerts.
                automationDetails: { id: `${report.project}/${report.stack}/` },
                originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(sources.sourceRoot).href}/` } },
                // JavaScript reports columns in UTF-16 code units.
                columnKind: "utf16CodeUnits",
                results: report.violations.map((v) => result(v, ruleIndex.get(v.policy), sources)),
                properties: { project: report.project, stack: report.stack, preview: report.preview, result: report.result },
            },
        ],
    };
    return JSON.stringify(log, null, 2) + "\n";
}

function rule(p: ReportPolicy) {
    return {
        id: p.name,
        shortDescription: { text: p.description },
        fullDescription: { text: p.description },
        help: { text: p.remediation },
        defaultConfiguration: { level: sarifLevel(p.enforcementLevel) },
        properties: {
            clauses: [...p.clauses],
            tags: ["security", "data-policy", p.kind === "stack" ? "stack-policy" : "resource-policy", ...p.clauses],
            kind: p.kind,
            enforcementLevel: p.enforcementLevel,
            ...(p.severity ? { severity: p.severity, "security-severity": SECURITY_SEVERITY[p.severity] } : {}),
        },
    };
}

function result(v: ReportViolation, ruleIndex: number | undefined, sources: SourceContext) {
    const where = locate(v, sources);
    const logical = v.urn ? [{ fullyQualifiedName: v.urn, ...(v.resourceName ? { name: v.resourceName } : {}), kind: "resource" }] : [];
    const location = {
        ...(where ? { physicalLocation: physical(where.at) } : {}),
        ...(logical.length > 0 ? { logicalLocations: logical } : {}),
    };
    return {
        ruleId: v.policy,
        ...(ruleIndex !== undefined ? { ruleIndex } : {}),
        level: sarifLevel(v.enforcementLevel),
        message: { text: finding(v.message) },
        ...(Object.keys(location).length > 0 ? { locations: [location] } : {}),
        ...(where && where.callers.length > 0
            ? { relatedLocations: where.callers.map((c, i) => ({ id: i + 1, physicalLocation: physical(c), message: { text: "declared through this call" } })) }
            : {}),
        partialFingerprints: { [FINGERPRINT_KEY]: urnFingerprint(v.policy, v.urn) },
        properties: {
            urn: v.urn,
            resourceType: v.resourceType,
            resourceName: v.resourceName,
            kind: v.kind,
            clauses: [...v.clauses],
            enforcementLevel: v.enforcementLevel,
            ...(v.severity ? { severity: v.severity } : {}),
        },
    };
}

function physical(p: RepoPosition) {
    return {
        artifactLocation: { uri: encodeURI(p.file), uriBaseId: SRCROOT },
        ...(p.line !== undefined ? { region: { startLine: p.line, ...(p.column !== undefined ? { startColumn: p.column } : {}) } } : {}),
    };
}

/** The finding itself: the pack's message is the policy's description, a newline, then the finding. */
export function finding(message: string): string {
    return message.slice(message.indexOf("\n") + 1);
}
