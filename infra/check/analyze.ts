/**
 * Analyses one recording with a running policy pack, as the engine does during `pulumi preview --policy-pack`:
 * Configure, ConfigureStack, one Analyze per registered resource (its inputs), one AnalyzeStack (every
 * resource's state). The check and the tests' policy harness both call this, so they cannot drift apart.
 */
import { SUBJECT_TAG, exemptionFor, type Exemption } from "../policy/lib/define";
import {
    resolvePolicyConfig,
    toAnalyzedInputs,
    toAnalyzedState,
    type Diagnostic,
    type EffectivePolicyConfig,
    type PackInfo,
    type PolicyInfo,
    type PolicyPackClient,
    type UserPolicyConfig,
} from "./policy-pack";
import type { Recording, Registration } from "./recording";

export interface AnalysisOptions {
    readonly project: string;
    readonly stack: string;
    /** `--policy-pack-config` contents. */
    readonly policyPackConfig?: UserPolicyConfig;
    /** Called as resources are analysed. */
    readonly onProgress?: (done: number, total: number) => void;
    /** Called when the per-resource analysis is over and AnalyzeStack starts. */
    readonly onStackAnalysis?: () => void;
}

export interface AnalysedDiagnostic {
    readonly d: Diagnostic;
    /** The resource the diagnostic names (undefined for a stack-level finding without one). */
    readonly reg: Registration | undefined;
    readonly kind: "resource" | "stack";
}

export interface Analysis {
    readonly info: PackInfo;
    readonly effectiveConfig: EffectivePolicyConfig;
    /** Resource diagnostics in registration order, then the stack's. */
    readonly diagnostics: readonly AnalysedDiagnostic[];
    /**
     * URNs each policy evaluated: for a resource policy, the resources it did not call not-applicable; for a
     * stack policy, the resources of its subject types (tags `subject:<type>`) it did not exempt. Empty for a
     * disabled policy and for a stack policy that was not applicable.
     */
    readonly evaluated: ReadonlyMap<string, ReadonlySet<string>>;
    /** Stack policies that reported themselves not applicable. */
    readonly stackNotApplicable: ReadonlySet<string>;
}

/** The type tokens a stack policy judges, from its `subject:` tags. */
export function subjectsOf(policy: PolicyInfo): string[] {
    return policy.tags.filter((t) => t.startsWith(SUBJECT_TAG)).map((t) => t.slice(SUBJECT_TAG.length));
}

export async function analyzeRecording(client: PolicyPackClient, recording: Recording, opts: AnalysisOptions): Promise<Analysis> {
    const info = await client.info();
    const effectiveConfig = resolvePolicyConfig(info, opts.policyPackConfig);
    const enabled = (p: PolicyInfo) => effectiveConfig[p.name]?.enforcementLevel !== "disabled";
    await client.configure(effectiveConfig);
    await client.configureStack({ project: opts.project, stack: opts.stack, dryRun: recording.preview });
    const registrations = recording.registrations;
    const byUrn = new Map(registrations.map((r) => [r.urn, r]));
    const evaluated = new Map<string, Set<string>>(info.policies.map((p) => [p.name, new Set<string>()]));
    const perResource: (readonly Diagnostic[])[] = new Array(registrations.length);
    const resourcePolicies = info.policies.filter((p) => p.kind === "resource" && enabled(p));
    let done = 0;
    await forEachConcurrently(registrations.length, 16, async (i) => {
        const reg = registrations[i]!;
        const result = await client.analyze(toAnalyzedInputs(reg, byUrn));
        const notApplicable = new Set(result.notApplicable.map((n) => n.policyName));
        for (const p of resourcePolicies) if (!notApplicable.has(p.name)) evaluated.get(p.name)!.add(reg.urn);
        perResource[i] = result.diagnostics;
        opts.onProgress?.(++done, registrations.length);
    });
    opts.onStackAnalysis?.();
    const stack = await client.analyzeStack(registrations.map((r) => toAnalyzedState(r, recording.states.get(r.urn) ?? r.rawInputs, byUrn)));
    const stackNotApplicable = new Set(stack.notApplicable.map((n) => n.policyName));
    for (const p of info.policies.filter((p) => p.kind === "stack" && enabled(p) && !stackNotApplicable.has(p.name))) {
        const subjects = new Set(subjectsOf(p));
        const exemptions = (effectiveConfig[p.name]?.properties["exemptions"] as Exemption[] | undefined) ?? [];
        for (const r of registrations) {
            if (subjects.has(r.type) && !exemptionFor(exemptions, r)) evaluated.get(p.name)!.add(r.urn);
        }
    }
    const diagnostics: AnalysedDiagnostic[] = [
        ...perResource.flatMap((list, i) => list.map((d) => ({ d, reg: registrations[i], kind: "resource" as const }))),
        ...stack.diagnostics.map((d) => ({ d, reg: byUrn.get(d.urn), kind: "stack" as const })),
    ];
    return { info, effectiveConfig, diagnostics, evaluated, stackNotApplicable };
}

/**
 * Runs `fn(0…count-1)` with at most `limit` calls in flight (the engine, too, analyses resources as they
 * register, not one at a time). Hand-written: p-limit, the usual library, is ESM-only and this repo is CommonJS.
 */
async function forEachConcurrently(count: number, limit: number, fn: (index: number) => Promise<void>): Promise<void> {
    let next = 0;
    const workers = Array.from({ length: Math.min(limit, count) }, async () => {
        while (next < count) await fn(next++);
    });
    await Promise.all(workers);
}
