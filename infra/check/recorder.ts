/**
 * Runs a Pulumi program offline, under Pulumi's own mock monitor, and records every registration whole.
 *
 * `pulumi.runtime.setMocks` only hands a mock the type, name and inputs of a resource. The policies we enforce
 * (deletion protection, secrets, provider wiring, pairing by dependency) live in the rest of the
 * RegisterResourceRequest, so this subclass of Pulumi's `MockMonitor` keeps the whole request: parent,
 * provider, protect, retainOnDelete, dependencies and per-property dependencies, secret inputs, plugin version
 * and download URL, aliases, ignoreChanges and the rest. It then delegates to Pulumi's own `MockMonitor`, so
 * outputs, URNs and serialisation are Pulumi's, not an imitation.
 *
 * What mocks cannot prove: URNs after a rename, aliases resolving, replacements and diffs, provider-side
 * defaults and validation. Only `pulumi preview` against the real providers shows those.
 */
import * as pulumi from "@pulumi/pulumi";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { EngineRules, disabledDefaultProviders } from "./engine-rules";
import { assertCommonJs, evaluateEntry } from "./entry";
import { computedOutputs, knownInvokes } from "./mock-outputs";
import { EngineError, ProgramError } from "./program-error";
import type { LoggedMessage, RecordedInvoke, Recording, Registration } from "./recording";
import { programFrames, type StackTraceMessage } from "./source-position";
import { getStore, withFreshState } from "../pulumi-internals";

export type { LoggedMessage, RecordedInvoke, RecordedOptions, Recording, Registration } from "./recording";

/** The value Pulumi uses on the wire for "unknown during preview". Inputs hold it where preview would. */
export const UNKNOWN: string = pulumi.runtime.unknownValue;

const SIG_KEY = pulumi.runtime.specialSigKey;
const SECRET_SIG = pulumi.runtime.specialSecretSig;
const RESOURCE_SIG = pulumi.runtime.specialResourceSig;

export interface RunOptions {
    /** Project name (the `name` in Pulumi.yaml). */
    readonly project: string;
    /** Stack name, e.g. `prod`. */
    readonly stack: string;
    /** Stack configuration, keyed `namespace:key` as in `Pulumi.<stack>.yaml` (objects allowed). */
    readonly config: Record<string, unknown>;
    /** Keys of `config` that are secret (they are then read back as secret Outputs). */
    readonly secretKeys?: readonly string[];
    /**
     * Preview semantics: computed outputs of resources being created (ids, ARNs…) are unknown, exactly as in
     * `pulumi preview`, so checks see what the policy pack would see before deployment. Default `false`.
     */
    readonly preview?: boolean;
    /** Called with each registration as the engine accepts it (with what it inherits), e.g. to analyse it at once. */
    readonly onRegistration?: (reg: Registration) => void;
}

// Kept in its own module so that code handling a failed run need not load the Pulumi runtime.
export { EngineError, ProgramError } from "./program-error";

/**
 * What to run: a project's entry module, loaded as the language host loads it (`entry.ts`), or a function that
 * stands for a program (tests that build one component alone).
 */
export type Program = { readonly entry: string; readonly cwd?: string } | (() => unknown);

class RecordingMonitor extends MockMonitor {
    readonly registrations: Registration[] = [];
    /** The call stack the SDK recorded for each registration, mapped to source positions after the run. */
    readonly stackTraces = new Map<Registration, StackTraceMessage | undefined>();
    /** An error raised by the mocks themselves; gRPC drops its message on the way back to the program. */
    mockError: Error | undefined;

    constructor(
        mocks: pulumi.runtime.Mocks,
        readonly engine: EngineRules,
        private readonly onRegistration: ((reg: Registration) => void) | undefined,
    ) {
        super(mocks);
    }

    override async registerResource(req: any, callback: (err: any, innerResponse: any) => void): Promise<void> {
        try {
            // The engine's refusals are collected, not returned: the run goes on so that the check names every
            // offending resource at once, and fails after it (see runProgram).
            const registration = this.engine.register(recordRequest(req));
            this.registrations.push(registration);
            this.stackTraces.set(registration, req.getStacktrace());
            this.onRegistration?.(registration);
        } catch (err) {
            callback(err, undefined);
            return;
        }
        // The engine answers over gRPC, so each registration lets the event loop turn, as it would under the
        // CLI. (The policy pack does not depend on it: it is driven from its own thread, pack-thread.ts, because
        // a program that declares many resources at once still makes each turn last seconds.)
        await new Promise<void>((resolve) => setImmediate(resolve));
        return super.registerResource(req, callback);
    }

    override async invoke(req: any, callback: (err: any, innerResponse: any) => void): Promise<void> {
        const token: string = req.getTok();
        if (token !== "pulumi:pulumi:getResource") this.engine.invoke(token, req.getProvider() || undefined);
        if (token !== "pulumi:pulumi:getResource" && !knownInvokes[token]) {
            this.mockError ??= new Error(
                `The offline run has no mock for the provider function "${token}". ` +
                    `Add one to infra/check/mock-outputs.ts (knownInvokes) with the fields the program reads.`,
            );
            callback(this.mockError, undefined);
            return;
        }
        return super.invoke(req, callback);
    }

    override async readResource(req: any, callback: (err: any, innerResponse: any) => void): Promise<void> {
        // A read (`Resource.get`) is refused by the engine like a registration; the type token names the package.
        this.engine.invoke(req.getType(), req.getProvider() || undefined);
        return super.readResource(req, callback);
    }
}

/**
 * Stands in for the engine's log service: what the program and the SDK log (`pulumi.log.warn`, the SDK's own
 * warnings) is kept for the report, as `pulumi preview` prints it, instead of going to the console.
 */
class RecordingEngine {
    readonly messages: LoggedMessage[] = [];
    private static readonly SEVERITY = ["debug", "info", "warning", "error"] as const;

    log(req: any, callback: () => void): void {
        const severity = RecordingEngine.SEVERITY[req.getSeverity() as number] ?? "info";
        if (severity === "warning" || severity === "error") {
            const urn: string = req.getUrn();
            this.messages.push({ severity, message: req.getMessage(), ...(urn ? { urn } : {}) });
        }
        callback();
    }
    setRootResource(_req: unknown, callback: (err: unknown, res: unknown) => void): void {
        callback(undefined, {});
    }
    getRootResource(_req: unknown, callback: (err: unknown, res: unknown) => void): void {
        callback({ code: 12 /* UNIMPLEMENTED */ }, undefined);
    }
    close(): void {}
}

// MockMonitor declares `newUrn` private; replace it so the monitor hands out engine-style URNs (see urnOf).
(RecordingMonitor.prototype as unknown as { newUrn: typeof urnOf }).newUrn = (parent, type, name) => urnOf(parent, type, name);

function recordRequest(req: any): Registration {
    const raw = (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
    const secretInputs: string[] = [];
    const inputs = plain(raw, "", secretInputs) as Record<string, unknown>;
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps: any, key: string) => {
        propertyDependencies[key] = deps.getUrnsList();
    });
    const type: string = req.getType();
    const name: string = req.getName();
    const parent: string = req.getParent();
    return {
        urn: urnOf(parent, type, name),
        type,
        name,
        custom: req.getCustom(),
        parent: parent || undefined,
        provider: req.getProvider() || undefined,
        inputs,
        rawInputs: raw,
        secretInputs: secretInputs.sort(),
        dependencies: req.getDependenciesList(),
        propertyDependencies,
        options: {
            protect: req.hasProtect() ? req.getProtect() : undefined,
            retainOnDelete: req.hasRetainondelete() ? req.getRetainondelete() : undefined,
            deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
            ignoreChanges: req.getIgnorechangesList(),
            replaceOnChanges: req.getReplaceonchangesList(),
            additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
            aliases: req.getAliasesList().map((a: any) => a.toObject()),
            version: req.getVersion() || undefined,
            pluginDownloadURL: req.getPlugindownloadurl() || undefined,
            importId: req.getImportid() || undefined,
            deletedWith: req.getDeletedwith() || undefined,
        },
    };
}

/**
 * A URN as the engine generates it (pkg/resource/deploy/deployment.go `generateURN`): the parent's full
 * qualified type chain, except that children of the root stack get none. Pulumi's MockMonitor keeps only the
 * parent's last type and includes the root stack's, so its URNs differ from `pulumi preview`'s; overriding it
 * keeps URNs (and exemptions written against them) the same offline and in the CLI.
 */
function urnOf(parent: string, type: string, name: string): string {
    let qualified = type;
    if (parent) {
        const parentType = parent.split("::")[2]!;
        if (parentType !== "pulumi:pulumi:Stack") qualified = `${parentType}$${type}`;
    }
    return `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${qualified}::${name}`;
}

/** Unwraps the wire form (secret and resource signatures) into plain values, noting secret paths. */
function plain(value: unknown, path: string, secrets: string[]): unknown {
    if (Array.isArray(value)) {
        return value.map((v, i) => plain(v, `${path}[${i}]`, secrets));
    }
    if (value !== null && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SIG_KEY] === SECRET_SIG) {
            secrets.push(path);
            return plain(obj["value"], path, secrets);
        }
        if (obj[SIG_KEY] === RESOURCE_SIG) {
            return obj["urn"];
        }
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(obj)) {
            out[k] = plain(v, path ? `${path}.${k}` : k, secrets);
        }
        return out;
    }
    return value;
}

/**
 * Mocks for the providers this stack uses: a resource's state is its inputs plus the outputs its provider
 * computes (see `mock-outputs.ts`); a provider function must be known, or the run fails naming it.
 */
function mocksFor(preview: boolean, invokes: RecordedInvoke[]): pulumi.runtime.Mocks {
    return {
        newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
            const computed = computedOutputs(args.type, args.name, args.inputs);
            if (preview) {
                // In a preview the engine knows the inputs of a resource being created, never what its provider
                // computes: ids, ARNs and the like are unknown until `pulumi up`.
                const unknowns = Object.fromEntries(
                    Object.keys(computed.state)
                        .filter((k) => !(k in args.inputs))
                        .map((k) => [k, UNKNOWN]),
                );
                return { id: args.custom === false ? undefined : "", state: { ...args.inputs, ...unknowns } };
            }
            return { id: computed.id, state: { ...args.inputs, ...computed.state } };
        },
        call(args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
            invokes.push({ token: args.token, inputs: args.inputs, provider: args.provider });
            const known = knownInvokes[args.token];
            if (!known) {
                throw new Error(
                    `The offline run has no mock for the provider function "${args.token}". ` +
                        `Add one to infra/check/mock-outputs.ts (knownInvokes) with the fields the program reads.`,
                );
            }
            return known(args.inputs);
        },
    };
}

/**
 * Runs `program` under Pulumi's mock monitor, with the given stack config, in a fresh Pulumi runtime state, and
 * returns everything it registered. An entry module is required inside the stack, as `pulumi up` requires it.
 *
 * Throws {@link ProgramError} when the program throws; its `registrations` show what was registered before.
 */
export async function runProgram(program: Program, opts: RunOptions): Promise<Recording> {
    if (typeof program !== "function") assertCommonJs(program.entry);
    const run = typeof program === "function" ? program : () => evaluateEntry(program.entry);
    const cwd = typeof program === "function" ? undefined : program.cwd;
    return withFreshState(async () => {
        const invokes: RecordedInvoke[] = [];
        const monitor = new RecordingMonitor(mocksFor(opts.preview ?? false, invokes), new EngineRules(disabledDefaultProviders(opts.config)), opts.onRegistration);
        const engine = new RecordingEngine();
        pulumi.runtime.setAllConfig(stringifyConfig(opts.config), [...(opts.secretKeys ?? [])]);
        pulumi.runtime.setMockOptions(monitor, opts.project, opts.stack, opts.preview ?? false);
        (getStore()["settings"] as { engine?: unknown }).engine = engine;
        enableMockFeatures();
        // The program's own error is caught inside the stack's init: were it to reject the stack, the Outputs
        // derived from the stack would reject unobserved (the Pulumi CLI's process-wide handler absorbs those;
        // a test runner does not). The stack then completes empty and the error is rethrown below.
        // Pulumi records a source position for every resource by formatting `new Error().stack`; with
        // source-map-support (ts-node, jest) installed, mapping those frames is most of a run's time. It also keeps
        // a stack trace on every internal promise (four per resource property), for its leak report at exit. The
        // offline run uses neither, so while the program runs frames stay unmapped and those traces empty (3x
        // faster; at 10,000 resources, a quarter less CPU again than one frame each). Errors the program throws
        // keep their messages; the SDK's own source positions set their own limit and are unaffected.
        const prepareStackTrace = Error.prepareStackTrace;
        const stackTraceLimit = Error.stackTraceLimit;
        Error.prepareStackTrace = undefined;
        Error.stackTraceLimit = 0;
        let programError: { error: unknown } | undefined;
        // What the program returned, before the stack unwraps it: secrecy is only visible on these Outputs.
        let outputs: Record<string, unknown> | undefined;
        const previousCwd = process.cwd();
        if (cwd !== undefined) process.chdir(cwd);
        try {
            await pulumi.runtime.runInPulumiStack(async () => {
                try {
                    outputs = ((await run()) ?? {}) as Record<string, unknown>;
                    return outputs;
                } catch (error) {
                    programError = { error };
                    return {};
                }
            });
            await pulumi.runtime.disconnect();
        } catch (err) {
            throw new ProgramError(err, monitor.registrations);
        } finally {
            if (cwd !== undefined) process.chdir(previousCwd);
            Error.prepareStackTrace = prepareStackTrace;
            Error.stackTraceLimit = stackTraceLimit;
        }
        if (monitor.engine.errors.length > 0) {
            throw new ProgramError(new EngineError(monitor.engine.errors), monitor.registrations);
        }
        if (programError) {
            throw new ProgramError(monitor.mockError ?? programError.error, monitor.registrations);
        }
        const { values, secrets } = await resolveOutputs(outputs ?? {});
        const states = new Map<string, Record<string, unknown>>();
        for (const [urn, r] of monitor.getRegisteredResources()) {
            const state = r.state && typeof r.state.toJavaScript === "function" ? r.state.toJavaScript() : r.state;
            states.set(urn, (state ?? {}) as Record<string, unknown>);
        }
        return {
            preview: opts.preview ?? false,
            registrations: monitor.registrations.map((r) => ({ ...r, declaredAt: programFrames(monitor.stackTraces.get(r)) })),
            invokes,
            outputs: values,
            secretOutputs: secrets,
            states,
            messages: engine.messages,
        };
    });
}

/** The same feature flags `pulumi.runtime.setMocks` turns on (it is not used so that our monitor can be). */
function enableMockFeatures(): void {
    const store = getStore();
    store.supportsSecrets = true;
    store.supportsResourceReferences = true;
    store.supportsOutputValues = false;
    store.supportsDeletedWith = true;
    store.supportsReplaceWith = true;
    store.supportsAliasSpecs = true;
    store.supportsTransforms = false;
    store.supportsParameterization = true;
    store.supportsResourceHooks = true;
    store.supportsErrorHooks = true;
}

/** Pulumi hands config to programs as strings: objects and arrays as JSON, as the CLI does. */
function stringifyConfig(config: Record<string, unknown>): Record<string, string> {
    return Object.fromEntries(
        Object.entries(config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
    );
}

async function resolveOutputs(outputs: Record<string, unknown>): Promise<{ values: Record<string, unknown>; secrets: string[] }> {
    const values: Record<string, unknown> = {};
    const secrets: string[] = [];
    for (const [k, v] of Object.entries(outputs)) {
        const out = pulumi.output(v);
        const isSecret = await (out as any).isSecret;
        if (isSecret) secrets.push(k);
        // `promise(true)` is the Output's own resolution (unknowns kept); `apply` would never run on an unknown.
        const value = await (out as any).promise(true);
        values[k] = pulumi.containsUnknowns(value) ? UNKNOWN : value;
    }
    return { values, secrets };
}
