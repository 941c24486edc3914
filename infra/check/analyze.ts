/**
 * Analyses one recording with a running policy pack, as the engine does during `pulumi preview --policy-pack`:
 * Configure, ConfigureStack, one Analyze per registered resource (its inputs), one AnalyzeStack (every
 * resource's state). The check and the tests' policy harness both call this, so they cannot drift apart. The
 * check feeds an {@link AnalysisSession} while the program runs; `analyzeRecording` analyses a finished recording.
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
    type AnalysisResult,
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
    return new AnalysisSession(Promise.resolve(client), { ...opts, preview: recording.preview }).finish(recording);
}

/** How many Analyze calls are in flight at once (the engine, too, analyses resources as they register). */
const CONCURRENCY = 16;

/**
 * One analysis, fed resource by resource while the program still runs, as the engine analyses each resource
 * when it registers rather than after the program: the pack (its own process) judges resources while the
 * program (this one) is still registering more, so on a machine with two cores the two overlap instead of
 * taking turns. `add` never waits and never throws: a failure of the pack is reported by `finish`, which
 * analyses whatever was not added, then runs AnalyzeStack over the whole recording.
 */
export class AnalysisSession {
    private readonly ready: Promise<{ client: PolicyPackClient; info: PackInfo; effectiveConfig: EffectivePolicyConfig }>;
    /** Every registration added so far, by URN: an Analyze request carries its provider's inputs. */
    private readonly byUrn = new Map<string, Registration>();
    /**
     * Each resource's Analyze, by URN: the recording that `finish` receives may hold copies of the registrations
     * `add` was given (the recorder adds `declaredAt` after the run), and a copy must not be analysed again.
     */
    private readonly results = new Map<string, Promise<AnalysisResult>>();
    private readonly queue: Array<() => void> = [];
    private inFlight = 0;
    private progress: { done: number; total: number } | undefined;
    private done = 0;

    constructor(
        client: Promise<PolicyPackClient>,
        private readonly opts: AnalysisOptions & { readonly preview: boolean },
    ) {
        this.ready = client.then(async (c) => {
            const info = await c.info();
            const effectiveConfig = resolvePolicyConfig(info, opts.policyPackConfig);
            await c.configure(effectiveConfig);
            await c.configureStack({ project: opts.project, stack: opts.stack, dryRun: opts.preview });
            return { client: c, info, effectiveConfig };
        });
        // Observed by finish(); until then a pack that failed to start must not be an unhandled rejection.
        this.ready.catch(() => undefined);
    }

    /** Starts analysing one registration (its provider must have been added before it, as the engine requires). */
    add(reg: Registration): void {
        if (this.results.has(reg.urn)) return;
        if (!this.byUrn.has(reg.urn)) this.byUrn.set(reg.urn, reg);
        const result = this.limit(async () => {
            const { client } = await this.ready;
            return client.analyze(toAnalyzedInputs(reg, this.byUrn));
        });
        result.then(
            () => {
                this.done++;
                if (this.progress) this.opts.onProgress?.(this.done, this.progress.total);
            },
            () => undefined,
        );
        this.results.set(reg.urn, result);
    }

    /** Analyses what was not added yet, waits for every Analyze, then runs AnalyzeStack over `recording`. */
    async finish(recording: Recording): Promise<Analysis> {
        const registrations = recording.registrations;
        this.progress = { done: this.done, total: registrations.length };
        for (const reg of registrations) if (!this.byUrn.has(reg.urn)) this.byUrn.set(reg.urn, reg);
        for (const reg of registrations) this.add(reg);
        const { client, info, effectiveConfig } = await this.ready;
        const enabled = (p: PolicyInfo) => effectiveConfig[p.name]?.enforcementLevel !== "disabled";
        const byUrn = new Map(registrations.map((r) => [r.urn, r]));
        const evaluated = new Map<string, Set<string>>(info.policies.map((p) => [p.name, new Set<string>()]));
        const resourcePolicies = info.policies.filter((p) => p.kind === "resource" && enabled(p));
        const perResource: (readonly Diagnostic[])[] = [];
        for (const reg of registrations) {
            const result = await this.results.get(reg.urn)!;
            const notApplicable = new Set(result.notApplicable.map((n) => n.policyName));
            for (const p of resourcePolicies) if (!notApplicable.has(p.name)) evaluated.get(p.name)!.add(reg.urn);
            perResource.push(result.diagnostics);
        }
        this.opts.onStackAnalysis?.();
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
     * Runs `task` once fewer than CONCURRENCY tasks are running. Hand-written: p-limit, the usual library, is
     * ESM-only and this repo is CommonJS.
     */
    private limit<T>(task: () => Promise<T>): Promise<T> {
        return new Promise<T>((resolve, reject) => {
            const run = () => {
                this.inFlight++;
                task()
                    .then(resolve, reject)
                    .finally(() => {
                        this.inFlight--;
                        this.queue.shift()?.();
                    });
            };
            if (this.inFlight < CONCURRENCY) run();
            else this.queue.push(run);
        });
    }
}

