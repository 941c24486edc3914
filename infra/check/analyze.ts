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
    type AnalyzedResource,
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
    const session = { ...opts, preview: recording.preview };
    return new AnalysisSession(clientBackend(Promise.resolve(client), session), session).finish(recording);
}

/** What a pack told us before analysis: its description, and the config Configure sent it. */
export interface PackReady {
    readonly info: PackInfo;
    readonly effectiveConfig: EffectivePolicyConfig;
}

/**
 * Where an analysis sends its calls. `analyze` must send at once and never wait for anything of this thread:
 * the program holds this thread for seconds at a time (see pack-thread.ts), and the pack must stay busy meanwhile.
 */
export interface AnalysisBackend {
    /** Resolves once GetAnalyzerInfo, Configure and ConfigureStack are done. */
    readonly ready: Promise<PackReady>;
    analyze(resource: AnalyzedResource): Promise<AnalysisResult>;
    analyzeStack(resources: readonly AnalyzedResource[]): Promise<AnalysisResult>;
}

/** The session's settings the pack is configured with (project, stack, preview, `--policy-pack-config`). */
export type BackendOptions = Pick<AnalysisOptions, "project" | "stack" | "policyPackConfig"> & { readonly preview: boolean };

/** How many Analyze calls are in flight at once (the engine, too, analyses resources as they register). */
const CONCURRENCY = 16;

/**
 * A backend over a pack client in this thread: GetAnalyzerInfo (or `packInfo`, its answer asked for already),
 * Configure and ConfigureStack as the engine sends them, then at most CONCURRENCY Analyze calls at a time. The pack
 * thread (pack-thread-worker.ts) runs the same backend.
 */
export function clientBackend(client: Promise<PolicyPackClient>, opts: BackendOptions, packInfo?: Promise<PackInfo>): AnalysisBackend {
    const ready = client.then(async (c) => {
        const info = await (packInfo ?? c.info());
        const effectiveConfig = resolvePolicyConfig(info, opts.policyPackConfig);
        await c.configure(effectiveConfig);
        await c.configureStack({ project: opts.project, stack: opts.stack, dryRun: opts.preview });
        return { client: c, info, effectiveConfig };
    });
    // Observed by whoever awaits `ready`; until then a pack that failed to start must not be an unhandled rejection.
    ready.catch(() => undefined);
    const limit = concurrencyLimit(CONCURRENCY);
    return {
        ready: ready.then(({ info, effectiveConfig }) => ({ info, effectiveConfig })),
        analyze: (resource) => limit(async () => (await ready).client.analyze(resource)),
        analyzeStack: async (resources) => (await ready).client.analyzeStack(resources),
    };
}

/**
 * Runs each task once fewer than `max` are running, in the order given. Hand-written: p-limit, the usual
 * library, is ESM-only and this repo is CommonJS.
 */
function concurrencyLimit(max: number): <T>(task: () => Promise<T>) => Promise<T> {
    const queue: Array<() => void> = [];
    let inFlight = 0;
    return <T>(task: () => Promise<T>) =>
        new Promise<T>((resolve, reject) => {
            const run = () => {
                inFlight++;
                task()
                    .then(resolve, reject)
                    .finally(() => {
                        inFlight--;
                        queue.shift()?.();
                    });
            };
            if (inFlight < max) run();
            else queue.push(run);
        });
}

/**
 * One analysis, fed resource by resource while the program still runs, as the engine analyses each resource
 * when it registers rather than after the program: the pack (its own process) judges resources while the
 * program (this thread) is still registering more, so on a machine with two cores the two overlap instead of
 * taking turns. `add` never waits and never throws: a failure of the pack is reported by `finish`, which
 * analyses whatever was not added, then runs AnalyzeStack over the whole recording.
 */
export class AnalysisSession {
    /** Every registration added so far, by URN: an Analyze request carries its provider's inputs. */
    private readonly byUrn = new Map<string, Registration>();
    /**
     * Each resource's Analyze, by URN: the recording that `finish` receives may hold copies of the registrations
     * `add` was given (the recorder adds `declaredAt` after the run), and a copy must not be analysed again.
     */
    private readonly results = new Map<string, Promise<AnalysisResult>>();
    private progress: { done: number; total: number } | undefined;
    private done = 0;

    constructor(
        private readonly backend: AnalysisBackend,
        private readonly opts: AnalysisOptions,
    ) {}

    /** Starts analysing one registration (its provider must have been added before it, as the engine requires). */
    add(reg: Registration): void {
        if (this.results.has(reg.urn)) return;
        if (!this.byUrn.has(reg.urn)) this.byUrn.set(reg.urn, reg);
        const result = this.backend.analyze(toAnalyzedInputs(reg, this.byUrn));
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
        const { info, effectiveConfig } = await this.backend.ready;
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
        const stack = await this.backend.analyzeStack(registrations.map((r) => toAnalyzedState(r, recording.states.get(r.urn) ?? r.rawInputs, byUrn)));
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
}
