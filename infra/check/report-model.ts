/**
 * The report of a check (`CheckReport`, JSON schema in `report.schema.json`) and how it is built from what the
 * pack said about a recording. Rendering lives in `report.ts`; running the program and the pack in `check.ts`.
 *
 * A clause's status follows from its controls (infra/clauses.ts CONTROLS), never from the mere existence of a
 * policy that cites it: see {@link clauseStatus}.
 */
import { CLAUSES, CLAUSE_IDS, CONTROLS, type ClauseId, type ManualReason } from "../clauses";
import { processorsByCountry, type Processor } from "../processors";
import type { Placeholder } from "../schema/placeholders";
import type { Analysis } from "./analyze";
import { providerUrn } from "./engine-rules";
import type { EnforcementLevel, PackInfo, Severity } from "./policy-pack";
import type { LoggedMessage, Recording } from "./recording";

/** Version of the JSON report's shape; bumped on any incompatible change (see report.schema.json). */
export const REPORT_SCHEMA_VERSION = 2;

export interface ReportViolation {
    readonly policy: string;
    readonly clauses: readonly ClauseId[];
    readonly enforcementLevel: EnforcementLevel;
    readonly severity: Severity;
    /** `resource` for a resource policy's finding, `stack` for a stack policy's. */
    readonly kind: "resource" | "stack";
    readonly urn: string;
    readonly resourceType: string;
    readonly resourceName: string;
    /** The message as the pack reported it (policy description, newline, finding). */
    readonly message: string;
}

export interface ReportPolicy {
    readonly name: string;
    readonly description: string;
    readonly kind: "resource" | "stack";
    readonly severity: Severity;
    readonly enforcementLevel: EnforcementLevel;
    readonly clauses: readonly ClauseId[];
    readonly remediation: string;
    /** `fail`: a mandatory violation; `warn`: advisory only; `pass`: evaluated resources, no finding; `not-applicable`: evaluated nothing. */
    readonly status: "pass" | "fail" | "warn" | "not-applicable";
    /**
     * URNs of the resources the policy evaluated: for a resource policy those it did not call not applicable,
     * for a stack policy the resources of its subject types that it did not exempt.
     */
    readonly evaluated: readonly string[];
    readonly violations: number;
}

/** One control of a clause (infra/clauses.ts CONTROLS), with what the check found for it. */
export type ReportControl =
    | {
          readonly kind: "automated";
          readonly policy: string;
          /** The policy's status in this run (see ReportPolicy). */
          readonly status: ReportPolicy["status"];
          /** URNs the policy evaluated. */
          readonly evaluated: readonly string[];
          readonly violations: number;
      }
    | { readonly kind: "manual"; readonly control: string; readonly reason: ManualReason; readonly why: string }
    | { readonly kind: "unchecked"; readonly control: string; readonly why: string };

export type ClauseStatus = "pass" | "pass-automated" | "fail" | "warn" | "partial" | "manual";

export interface ReportClause {
    readonly id: ClauseId;
    readonly section: string;
    readonly title: string;
    /**
     * `fail`: a mandatory violation of one of its policies; `warn`: advisory violations only; `partial`: a
     * control is declared but unchecked, or an automated control evaluated nothing; `manual`: only manual
     * controls; `pass`: every control is automated, evaluated at least one resource and none failed;
     * `pass-automated`: the same for the automated controls, and the clause also rests on manual ones.
     */
    readonly status: ClauseStatus;
    readonly controls: readonly ReportControl[];
    /** URNs evaluated by the clause's automated controls. */
    readonly resources: readonly string[];
    readonly violations: number;
}

/** One third-party processor of the register (infra/processors.ts), as the report lists it. */
export interface ReportProcessor {
    readonly id: string;
    readonly name: string;
    readonly purpose: string;
    readonly clauses: readonly ClauseId[];
    /** APP 8: whether personal information leaves Australia ("unconfirmed" until the location is recorded). */
    readonly personalDataLeavesAustralia: "yes" | "no" | "unconfirmed";
    /** `true` when this stack has a provider for it (it provisions resources there); `false`: a contract only. */
    readonly provisionedByThisStack: boolean;
    readonly contract: "signed" | "not-recorded";
}

export interface ReportExemption {
    readonly policy: string;
    readonly resource: string;
    readonly reason: string;
}

export interface CheckReport {
    readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
    readonly project: string;
    readonly stack: string;
    readonly preview: boolean;
    readonly policyPack: { readonly name: string; readonly version: string };
    /** `fail` when any mandatory violation was reported. */
    readonly result: "pass" | "fail";
    readonly summary: {
        readonly resources: number;
        readonly resourcesByType: Readonly<Record<string, number>>;
        readonly policies: number;
        readonly mandatoryViolations: number;
        readonly advisoryViolations: number;
    };
    readonly clauses: readonly ReportClause[];
    readonly policies: readonly ReportPolicy[];
    readonly violations: readonly ReportViolation[];
    readonly exemptions: readonly ReportExemption[];
    /** The sub-processor list, generated from the register: by country (Australia first), each processor once per country. */
    readonly processors: readonly { readonly country: string; readonly processors: readonly ReportProcessor[] }[];
    /** Values in the stack file that stand in for production values (infra/schema/placeholders.ts). */
    readonly placeholders: readonly Placeholder[];
    /** Warnings and errors the program or the SDK logged, which `pulumi preview` would print. */
    readonly messages: readonly LoggedMessage[];
    /** Parent/child and provider edges of the stack, for the diagram. */
    readonly graph: readonly { readonly urn: string; readonly type: string; readonly name: string; readonly parent?: string; readonly provider?: string }[];
}

export interface ReportInputs {
    readonly placeholders: readonly Placeholder[];
    readonly project: string;
    readonly stack: string;
    readonly recording: Recording;
    readonly analysis: Analysis;
}

/** The clause ids a policy declares in its CrossGuard framework reference (see infra/policy/lib/define.ts). */
export function clausesOf(policy: PackInfo["policies"][number]): ClauseId[] {
    return (policy.framework?.reference ?? "").split(/\s+/).filter((id): id is ClauseId => id in CLAUSES);
}

export function buildReport(input: ReportInputs): CheckReport {
    const x = { ...input, ...input.analysis, preview: input.recording.preview };
    const policyClauses = new Map(x.info.policies.map((p) => [p.name, clausesOf(p)]));
    // Sorted so the report is stable whatever order the concurrent analysis finished in.
    const violations: ReportViolation[] = x.diagnostics
        .map(({ d, reg, kind }) => ({
            policy: d.policyName,
            clauses: policyClauses.get(d.policyName) ?? [],
            enforcementLevel: d.enforcementLevel,
            severity: d.severity,
            kind,
            urn: reg?.urn ?? d.urn,
            resourceType: reg?.type ?? "",
            resourceName: reg?.name ?? "",
            message: d.message,
        }))
        .sort((a, b) => a.policy.localeCompare(b.policy) || a.urn.localeCompare(b.urn) || a.message.localeCompare(b.message));
    const isMandatory = (v: ReportViolation) => v.enforcementLevel === "mandatory";

    const policies: ReportPolicy[] = x.info.policies.map((p) => {
        const own = violations.filter((v) => v.policy === p.name);
        const evaluated = [...(x.evaluated.get(p.name) ?? [])].sort();
        const ran = evaluated.length > 0;
        const level = x.effectiveConfig[p.name]?.enforcementLevel ?? p.enforcementLevel;
        return {
            name: p.name,
            description: p.description,
            kind: p.kind,
            severity: p.severity,
            enforcementLevel: level,
            clauses: policyClauses.get(p.name) ?? [],
            remediation: p.remediationSteps,
            status: own.some(isMandatory) ? "fail" : own.length > 0 ? "warn" : ran ? "pass" : "not-applicable",
            evaluated,
            violations: own.length,
        };
    });

    const byName = new Map(policies.map((p) => [p.name, p]));
    const clauses: ReportClause[] = CLAUSE_IDS.map((id) => {
        const controls: ReportControl[] = CONTROLS[id].map((c) => {
            if (c.kind !== "automated") return c;
            const p = byName.get(c.policy);
            // The pack refuses to load when CONTROLS names a policy it lacks; a pack from elsewhere might not.
            if (!p) throw new Error(`${id}: the policy pack ${x.info.name} has no policy ${c.policy}, which infra/clauses.ts lists as a control`);
            return { kind: "automated", policy: p.name, status: p.status, evaluated: p.evaluated, violations: p.violations };
        });
        const own = violations.filter((v) => v.clauses.includes(id));
        return {
            id,
            section: CLAUSES[id].section,
            title: CLAUSES[id].title,
            status: clauseStatus(controls, own),
            controls,
            resources: [...new Set(controls.flatMap((c) => (c.kind === "automated" ? c.evaluated : [])))].sort(),
            violations: own.length,
        };
    });

    const exemptions: ReportExemption[] = Object.entries(x.effectiveConfig).flatMap(([policy, c]) =>
        ((c.properties["exemptions"] as { resource: string; reason: string }[] | undefined) ?? []).map((e) => ({ policy, resource: e.resource, reason: e.reason })),
    );

    const providerTypes = new Set(x.recording.registrations.filter((r) => r.type.startsWith("pulumi:providers:")).map((r) => r.type));
    const reportProcessor = (p: Processor): ReportProcessor => ({
        id: p.id,
        name: p.name,
        purpose: p.purpose,
        clauses: p.clauses,
        personalDataLeavesAustralia: p.personalDataLeavesAustralia,
        provisionedByThisStack: p.provisioning.kind === "stack" && p.provisioning.pulumiPackages.some((pkg) => providerTypes.has(`pulumi:providers:${pkg}`)),
        contract: p.contract.status,
    });
    const processors = [...processorsByCountry()].map(([country, list]) => ({ country, processors: list.map(reportProcessor) }));

    const resourcesByType: Record<string, number> = {};
    for (const r of x.recording.registrations) resourcesByType[r.type] = (resourcesByType[r.type] ?? 0) + 1;

    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        project: x.project,
        stack: x.stack,
        preview: x.preview,
        policyPack: { name: x.info.name, version: x.info.version },
        result: violations.some(isMandatory) ? "fail" : "pass",
        summary: {
            resources: x.recording.registrations.length,
            resourcesByType: Object.fromEntries(Object.entries(resourcesByType).sort(([a], [b]) => a.localeCompare(b))),
            policies: x.info.policies.length,
            mandatoryViolations: violations.filter(isMandatory).length,
            advisoryViolations: violations.filter((v) => !isMandatory(v)).length,
        },
        clauses,
        policies,
        violations,
        exemptions,
        processors,
        placeholders: [...x.placeholders],
        messages: x.recording.messages,
        graph: x.recording.registrations.map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            ...(r.parent ? { parent: r.parent } : {}),
            ...(r.provider ? { provider: providerUrn(r.provider) } : {}),
        })),
    };
}

/**
 * A clause's status from its controls and its violations: any mandatory violation fails it, advisory ones
 * warn; with none, a clause with an `unchecked` control is `partial`, one without an automated control is
 * `manual`, one with an automated control that evaluated nothing is `partial`; when all automated controls
 * evaluated something it is `pass`, or `pass-automated` if the clause also rests on manual controls.
 */
export function clauseStatus(controls: readonly ReportControl[], violations: readonly Pick<ReportViolation, "enforcementLevel">[]): ClauseStatus {
    if (violations.some((v) => v.enforcementLevel === "mandatory")) return "fail";
    if (violations.length > 0) return "warn";
    // Something the stack declares but no policy checks can be removed by any change: never `pass` or `manual`.
    if (controls.some((c) => c.kind === "unchecked")) return "partial";
    const automated = controls.filter((c) => c.kind === "automated");
    if (automated.length === 0) return "manual";
    if (automated.some((c) => c.evaluated.length === 0)) return "partial";
    // What code can check holds; what it cannot (a contract, a process) is for an auditor, not for this report.
    return controls.some((c) => c.kind === "manual") ? "pass-automated" : "pass";
}
