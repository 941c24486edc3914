/**
 * The offline policy check: "is this change compliant?" without credentials or the Pulumi CLI.
 *
 * 1. Reads the project like the CLI (Pulumi.yaml, `Pulumi.<stack>.yaml`, secure values as marked placeholders)
 *    and runs its program under Pulumi's mock monitor, recording every registration (`recorder.ts`).
 * 2. Boots the policy pack like the CLI (`policy-pack.ts`) while the program runs, then speaks its analyzer
 *    protocol: GetAnalyzerInfo, Configure, ConfigureStack, one Analyze per registered resource (inputs, options,
 *    provider, as `step_generator.go` sends them), one AnalyzeStack with every resource's state.
 * 3. Builds the report (`report-model.ts`): each policy's clause ids from its own metadata, each clause's status
 *    from its controls (infra/clauses.ts).
 *
 * Preview semantics are the default: outputs of resources being created are unknown, exactly what
 * `pulumi preview --policy-pack` sees on a pull request.
 */
import { findPlaceholders } from "../schema/placeholders";
import { AnalysisSession, clientBackend } from "./analyze";
import { startPackThread } from "./pack-thread";
import { POLICY_PACK_DIR, stackPolicyPackConfig, type PolicyPackClient, type UserPolicyConfig } from "./policy-pack";
import { loadProject, loadStackConfig } from "./project";
import { runProgram, type Recording } from "./recorder";
import type { SourcePosition } from "./recording";
import { readStackExport } from "./state";
import { buildReport, type CheckReport } from "./report-model";

export type * from "./report-model";
export { REPORT_SCHEMA_VERSION, clauseStatus, clausesOf } from "./report-model";

export interface CheckOptions {
    /** Directory holding Pulumi.yaml. */
    readonly root: string;
    /** The stack to check; required without `state`. With `state`, the export's stack, which it must equal if given. */
    readonly stack?: string;
    /** Preview semantics (default `true`). */
    readonly preview?: boolean;
    /** The policy pack (default `infra/policy`). */
    readonly policyPackDir?: string;
    /**
     * `--policy-pack-config` contents, replacing the stack's own config as the CLI flag does. Default: the stack's
     * `infra/policy/config/<stack>.json` ({@link stackPolicyPackConfig}), the config CI passes.
     */
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
     * Filled in with where the program declared each resource (URN → its program frames, innermost first), for
     * the renderers that point at source lines (SARIF, GitHub annotations). Left empty for a deployed state.
     */
    readonly declarations?: Map<string, readonly SourcePosition[]>;
    /**
     * A run of the program recorded already (by `runProgram` with this stack's config): analyse it instead of
     * running the program again.
     */
    readonly recording?: Recording;
    /**
     * A `pulumi stack export` file (state.ts): judge the deployed state instead of running the program. The
     * project and stack come from the export; `root` is not read, and a `stack` other than the export's is refused.
     */
    readonly state?: string;
}

/** Where the time and memory of a check go (seconds; MiB). */
export interface CheckTimings {
    /** From runCheck's start (after the project, the stack's config and the pack config were read) to the program's end. */
    programSeconds?: number;
    /** When the program ended, in seconds since this process started. */
    programEndSeconds?: number;
    /**
     * When the pack was configured and ready to analyse, in seconds since this process started: it boots from the
     * process's first line under `npm run check` (run-check.js), so it can be ready before the check even starts.
     */
    packReadySeconds?: number;
    /** Per-resource analysis left after the program (the rest overlapped it). */
    analyzeSeconds?: number;
    analyzeStackSeconds?: number;
    packPeakRssMiB?: number | undefined;
}

/** Runs the program and the pack and returns the report. Throws the program's error (config, code) as is. */
export async function runCheck(opts: CheckOptions): Promise<CheckReport> {
    if (opts.state !== undefined) {
        const deployed = readStackExport(opts.state);
        if (opts.stack !== undefined && opts.stack !== deployed.stack) {
            throw new Error(`--stack ${opts.stack} does not match --state ${opts.state}, which holds stack ${deployed.stack}: pass --stack ${deployed.stack} or leave --stack out.`);
        }
        const policyPackConfig = opts.policyPackConfig ?? stackPolicyPackConfig(deployed.stack, opts.policyPackDir);
        const options = {
            project: deployed.project,
            stack: deployed.stack,
            preview: deployed.recording.preview,
            ...(policyPackConfig ? { policyPackConfig } : {}),
        };
        // The pack's own thread, as for a program (under `npm run check`, started on its first line by run-check.js).
        const thread = opts.pack ? undefined : startPackThread(opts.policyPackDir ?? POLICY_PACK_DIR, options);
        try {
            const analysis = await new AnalysisSession(thread?.backend ?? clientBackend(Promise.resolve(opts.pack!), options), options).finish(deployed.recording);
            // A deployed state holds real values, never the stack file's placeholders.
            return buildReport({ placeholders: [], project: deployed.project, stack: deployed.stack, recording: deployed.recording, analysis });
        } finally {
            await thread?.stop();
        }
    }
    const stack = opts.stack;
    if (stack === undefined) throw new Error("runCheck: stack is required unless state is given.");
    const project = loadProject(opts.root);
    const stackFile = loadStackConfig(project, stack);
    const policyPackConfig = opts.policyPackConfig ?? stackPolicyPackConfig(stack, opts.policyPackDir);
    const preview = opts.recording?.preview ?? opts.preview ?? true;
    // Boot the pack while the program runs: the two are independent until analysis.
    const t0 = performance.now();
    const seconds = (from: number) => (performance.now() - from) / 1000;
    const backendOptions = { project: project.name, stack, preview, ...(policyPackConfig ? { policyPackConfig } : {}) };
    // A pack of our own runs in its own thread (pack-thread.ts), so that it is configured and busy while the
    // program holds this one; a pack client given to us (tests) is driven from this thread.
    const thread = opts.pack ? undefined : startPackThread(opts.policyPackDir ?? POLICY_PACK_DIR, backendOptions);
    const backend = thread?.backend ?? clientBackend(Promise.resolve(opts.pack!), backendOptions);
    const stopPack = async () => (thread ? thread.stop() : { packPeakRssMiB: undefined });
    // Each resource is analysed as it registers (as the engine does), so the pack works while the program runs.
    let tStack = 0;
    const session = new AnalysisSession(backend, {
        ...backendOptions,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        onStackAnalysis: () => {
            tStack = performance.now();
            if (opts.timings) opts.timings.analyzeSeconds = seconds(tProgramEnd);
        },
    });
    let recording: Recording;
    try {
        if (opts.recording) {
            recording = opts.recording;
        } else {
            recording = await runProgram({ entry: project.main, cwd: project.root }, {
                project: project.name,
                stack,
                config: stackFile.config,
                secretKeys: stackFile.secretKeys,
                preview,
                onRegistration: (reg) => session.add(reg),
            });
        }
    } catch (err) {
        // The program failed: the pack is not needed, even if it is still booting.
        await stopPack();
        throw err;
    }
    const tProgramEnd = performance.now();
    if (opts.timings) {
        opts.timings.programSeconds = seconds(t0);
        opts.timings.programEndSeconds = tProgramEnd / 1000;
    }
    for (const r of opts.declarations ? recording.registrations : []) opts.declarations!.set(r.urn, r.declaredAt ?? []);
    try {
        const analysis = await session.finish(recording);
        if (opts.timings) {
            opts.timings.analyzeStackSeconds = seconds(tStack);
            if (thread) opts.timings.packReadySeconds = ((await thread.readyAt) - performance.timeOrigin) / 1000;
        }
        const plainConfig = Object.fromEntries(Object.entries(stackFile.config).filter(([k]) => !stackFile.secretKeys.includes(k)));
        return buildReport({ placeholders: findPlaceholders(plainConfig), project: project.name, stack, recording, analysis });
    } finally {
        const { packPeakRssMiB } = await stopPack();
        if (opts.timings) opts.timings.packPeakRssMiB = packPeakRssMiB;
    }
}
