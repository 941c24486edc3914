/**
 * The offline policy check: "is this change compliant?" without credentials or the Pulumi CLI.
 *
 * 1. Reads the project like the CLI (Pulumi.yaml, `Pulumi.<stack>.yaml`, secure values as marked placeholders)
 *    and runs its program under Pulumi's mock monitor, recording every registration (`recorder.ts`).
 * 2. Boots the policy pack like the CLI (`policy-pack.ts`) while the program runs, then speaks its analyzer
 *    protocol: GetAnalyzerInfo, Configure, ConfigureStack, one Analyze per registered resource (inputs, options,
 *    provider, as `step_generator.go` sends them), one AnalyzeStack with every resource's state.
 * 3. Builds the report model (`CheckReport`, JSON schema in `report.schema.json`) from what the pack said,
 *    including each policy's clause ids from its own metadata.
 *
 * Preview semantics are the default: outputs of resources being created are unknown, exactly what
 * `pulumi preview --policy-pack` sees on a pull request.
 */
import { CLAUSES, CLAUSE_IDS, type ClauseId } from "../clauses";
import { processorsByCountry, type Processor } from "../processors";
import { findPlaceholders, type Placeholder } from "../schema/placeholders";
import {
    POLICY_PACK_DIR,
    PolicyPackClient,
    resolvePolicyConfig,
    runPolicyPack,
    toAnalyzedInputs,
    toAnalyzedState,
    type Diagnostic,
    type EnforcementLevel,
    type PackInfo,
    type Severity,
    type UserPolicyConfig,
} from "./policy-pack";
import { loadProject, loadStackConfig } from "./project";
import { runProgram, type Recording, type Registration } from "./recorder";

/** Version of the JSON report's shape; bumped on any incompatible change (see report.schema.json). */
export const REPORT_SCHEMA_VERSION = 1;

export interface CheckOptions {
    /** Directory holding Pulumi.yaml. */
    readonly root: string;
    readonly stack: string;
    /** Preview semantics (default `true`). */
    readonly preview?: boolean;
    /** The policy pack (default `infra/policy`). */
    readonly policyPackDir?: string;
    /** `--policy-pack-config` contents. */
    readonly policyPackConfig?: UserPolicyConfig;
    /** Called as resources are analysed. */
    readonly onProgress?: (done: number, total: number) => void;
    /**
     * A pack that is already running (a client connected to it). By default the check starts its own from
     * `policyPackDir` and stops it at the end.
     */
    readonly pack?: PolicyPackClient;
    /** Filled in with phase timings and peak memory, for the benchmark. */
    readonly timings?: CheckTimings;
    /**
     * A run of the program recorded already (by `runProgram` with this stack's config): analyse it instead of
     * running the program again.
     */
    readonly recording?: Recording;
}

/** Where the time and memory of a check go (seconds; MiB). */
export interface CheckTimings {
    programSeconds?: number;
    packReadySeconds?: number;
    analyzeSeconds?: number;
    analyzeStackSeconds?: number;
    packPeakRssMiB?: number | undefined;
}

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
    /** `fail`: a mandatory violation; `warn`: advisory only; `pass`: ran, no finding; `not-applicable`: ran on nothing. */
    readonly status: "pass" | "fail" | "warn" | "not-applicable";
    /** URNs of the resources the policy evaluated (resource policies; stack policies evaluate the stack). */
    readonly evaluated: readonly string[];
    readonly violations: number;
}

export interface ReportClause {
    readonly id: ClauseId;
    readonly section: string;
    readonly title: string;
    /** `not-enforced` when no policy of the pack cites the clause (it is contractual or organisational). */
    readonly status: "pass" | "fail" | "warn" | "not-enforced";
    readonly policies: readonly string[];
    /** URNs evaluated by the clause's policies. */
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
    /** Parent/child and provider edges of the stack, for the diagram. */
    readonly graph: readonly { readonly urn: string; readonly type: string; readonly name: string; readonly parent?: string; readonly provider?: string }[];
}

/** Runs the program and the pack and returns the report. Throws the program's error (config, code) as is. */
export async function runCheck(opts: CheckOptions): Promise<CheckReport> {
    const project = loadProject(opts.root);
    const stackFile = loadStackConfig(project, opts.stack);
    const preview = opts.recording?.preview ?? opts.preview ?? true;
    // Boot the pack while the program runs: the two are independent until analysis.
    const t0 = performance.now();
    const seconds = (from: number) => (performance.now() - from) / 1000;
    let packProcess: { kill(): boolean } | undefined;
    const packStarting = opts.pack
        ? Promise.resolve({ client: opts.pack, stop: () => undefined, peakRssMiB: () => undefined })
        : runPolicyPack(opts.policyPackDir ?? POLICY_PACK_DIR, undefined, (child) => (packProcess = child));
    packStarting.catch(() => undefined); // observed below; avoid an unhandled rejection if the program fails first
    let recording: Recording;
    try {
        if (opts.recording) {
            recording = opts.recording;
        } else {
            recording = await runProgram({ entry: project.main, cwd: project.root }, {
                project: project.name,
                stack: opts.stack,
                config: stackFile.config,
                secretKeys: stackFile.secretKeys,
                preview,
            });
        }
    } catch (err) {
        // The program failed: the pack is not needed, even if it is still booting.
        packProcess?.kill();
        packStarting.then((p) => p.stop(), () => undefined);
        throw err;
    }
    if (opts.timings) opts.timings.programSeconds = seconds(t0);
    const pack = await packStarting;
    if (opts.timings) opts.timings.packReadySeconds = seconds(t0);
    try {
        const info = await pack.client.info();
        const effectiveConfig = resolvePolicyConfig(info, opts.policyPackConfig);
        await pack.client.configure(effectiveConfig);
        await pack.client.configureStack({ project: project.name, stack: opts.stack, dryRun: preview });
        const byUrn = new Map(recording.registrations.map((r) => [r.urn, r]));
        const evaluated = new Map<string, Set<string>>(info.policies.map((p) => [p.name, new Set<string>()]));
        const diagnostics: { d: Diagnostic; reg: Registration | undefined; kind: "resource" | "stack" }[] = [];
        const total = recording.registrations.length;
        let done = 0;
        await forEachConcurrently(recording.registrations, 16, async (reg) => {
            const result = await pack.client.analyze(toAnalyzedInputs(reg, byUrn));
            const notApplicable = new Set(result.notApplicable.map((n) => n.policyName));
            for (const p of info.policies) {
                if (p.kind === "resource" && !notApplicable.has(p.name) && effectiveConfig[p.name]?.enforcementLevel !== "disabled") {
                    evaluated.get(p.name)!.add(reg.urn);
                }
            }
            for (const d of result.diagnostics) diagnostics.push({ d, reg, kind: "resource" });
            opts.onProgress?.(++done, total);
        });
        const tStack = performance.now();
        if (opts.timings) opts.timings.analyzeSeconds = (tStack - t0) / 1000 - (opts.timings.packReadySeconds ?? 0);
        const stack = await pack.client.analyzeStack(
            recording.registrations.map((r) => toAnalyzedState(r, recording.states.get(r.urn) ?? r.rawInputs, byUrn)),
        );
        if (opts.timings) {
            opts.timings.analyzeStackSeconds = seconds(tStack);
            opts.timings.packPeakRssMiB = pack.peakRssMiB();
        }
        for (const d of stack.diagnostics) diagnostics.push({ d, reg: byUrn.get(d.urn), kind: "stack" });
        const stackNotApplicable = new Set(stack.notApplicable.map((n) => n.policyName));
        const plainConfig = Object.fromEntries(Object.entries(stackFile.config).filter(([k]) => !stackFile.secretKeys.includes(k)));
        return buildReport({
            placeholders: findPlaceholders(plainConfig),
            project: project.name,
            stack: opts.stack,
            preview,
            info,
            recording,
            diagnostics,
            evaluated,
            stackNotApplicable,
            effectiveConfig,
        });
    } finally {
        pack.stop();
    }
}

interface ReportInputs {
    placeholders: Placeholder[];
    project: string;
    stack: string;
    preview: boolean;
    info: PackInfo;
    recording: Recording;
    diagnostics: { d: Diagnostic; reg: Registration | undefined; kind: "resource" | "stack" }[];
    evaluated: Map<string, Set<string>>;
    stackNotApplicable: Set<string>;
    effectiveConfig: Record<string, { enforcementLevel: EnforcementLevel; properties: Record<string, unknown> }>;
}

/** The clause ids a policy declares in its CrossGuard framework reference (see infra/policy/lib/define.ts). */
export function clausesOf(policy: PackInfo["policies"][number]): ClauseId[] {
    return (policy.framework?.reference ?? "").split(/\s+/).filter((id): id is ClauseId => id in CLAUSES);
}

function buildReport(x: ReportInputs): CheckReport {
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
        const ran = p.kind === "stack" ? !x.stackNotApplicable.has(p.name) : evaluated.length > 0;
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

    const clauses: ReportClause[] = CLAUSE_IDS.map((id) => {
        const citing = policies.filter((p) => p.clauses.includes(id));
        const own = violations.filter((v) => v.clauses.includes(id));
        const resources = [...new Set(citing.flatMap((p) => p.evaluated))].sort();
        return {
            id,
            section: CLAUSES[id].section,
            title: CLAUSES[id].title,
            status: citing.length === 0 ? "not-enforced" : own.some(isMandatory) ? "fail" : own.length > 0 ? "warn" : "pass",
            policies: citing.map((p) => p.name),
            resources,
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
        placeholders: x.placeholders,
        graph: x.recording.registrations.map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            ...(r.parent ? { parent: r.parent } : {}),
            ...(r.provider ? { provider: r.provider.split("::").slice(0, -1).join("::") } : {}),
        })),
    };
}

/**
 * Runs `fn` over `items` with at most `limit` calls in flight (the engine, too, analyses resources as they
 * register, not one at a time). Hand-written: p-limit, the usual library, is ESM-only and this repo is CommonJS.
 */
async function forEachConcurrently<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
        while (next < items.length) {
            const item = items[next++]!;
            await fn(item);
        }
    });
    await Promise.all(workers);
}
