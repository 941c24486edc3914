/**
 * Evaluates the policy pack the way `pulumi preview --policy-pack` does: through the real pack process and
 * its analyzer protocol, so @pulumi/policy's own code deserialises properties, applies its unknown-checking
 * proxy, matches types, handles notApplicable and applies policy config. Fixtures are registrations recorded
 * from the real program; a test changes one property of the wire form and expects one violation.
 */
import { analyzeRecording } from "../../infra/check/analyze";
import {
    PolicyPackClient,
    resolvePolicyConfig,
    stackPolicyPackConfig,
    toAnalyzedInputs,
    toAnalyzedState,
    type AnalysisResult,
    type Diagnostic,
    type PackInfo,
    type UserPolicyConfig,
} from "../../infra/check/policy-pack";
import type { Recording, Registration } from "../../infra/check/recorder";
import { waitForCached } from "./cache";

export interface PolicyHarness {
    readonly info: PackInfo;
    /** The connection to the worker's pack, for code that drives it itself (the offline check). */
    readonly client: PolicyPackClient;
    // `config` defaults to the stack's infra/policy/config/<stack>.json, as `npm run check` and CI pass it; `{}` is no config.
    /** Analyze one resource (its inputs), with its provider from the recording. */
    analyze(reg: Registration, rec: Recording, config?: UserPolicyConfig): Promise<AnalysisResult>;
    /** AnalyzeStack over every resource of the recording (their state). */
    analyzeStack(rec: Recording, config?: UserPolicyConfig): Promise<AnalysisResult>;
    /** Every resource, then the stack: all diagnostics. */
    analyzeAll(rec: Recording, config?: UserPolicyConfig): Promise<Diagnostic[]>;
    /** Closes the connection (the pack itself belongs to the worker). Call in `afterAll`. */
    close(): void;
}

/** Connects to this jest worker's policy pack (started by the global setup). Call in `beforeAll`; `close()` in `afterAll`. */
export async function policyHarness(): Promise<PolicyHarness> {
    const port = await workerPackPort();
    const client = PolicyPackClient.connect(port);
    const sent = sentTo(port, client);
    const info = await client.info();
    const configOf = (rec: Recording, config?: UserPolicyConfig) => config ?? stackPolicyPackConfig(stackOf(rec));
    // resolvePolicyConfig compiles every policy's config schema (~25 ms); the same user config resolves alike.
    const resolved = new Map<string, ReturnType<typeof resolvePolicyConfig>>();
    const resolve = (user: UserPolicyConfig | undefined) => {
        const key = JSON.stringify(user ?? null);
        let effective = resolved.get(key);
        if (!effective) resolved.set(key, (effective = resolvePolicyConfig(info, user)));
        return effective;
    };
    const configure = async (rec: Recording, config?: UserPolicyConfig) => {
        await sent.configure(resolve(configOf(rec, config)));
        await sent.configureStack({ project: "data-platform", stack: stackOf(rec), dryRun: isPreview(rec) });
    };
    const byUrn = (rec: Recording) => new Map(rec.registrations.map((r) => [r.urn, r]));
    const harness: PolicyHarness = {
        info,
        client,
        async analyze(reg, rec, config) {
            await configure(rec, config);
            return client.analyze(toAnalyzedInputs(reg, byUrn(rec)));
        },
        async analyzeStack(rec, config) {
            await configure(rec, config);
            const index = byUrn(rec);
            return client.analyzeStack(rec.registrations.map((r) => toAnalyzedState(r, rec.states.get(r.urn) ?? r.rawInputs, index)));
        },
        async analyzeAll(rec, config) {
            // The offline check's own analysis, so the harness and `npm run check` cannot drift apart.
            const policyPackConfig = configOf(rec, config);
            const analysis = await analyzeRecording(client, rec, { project: "data-platform", stack: stackOf(rec), ...(policyPackConfig ? { policyPackConfig } : {}) });
            return analysis.diagnostics.map((x) => x.d);
        },
        close: () => client.close(),
    };
    return harness;
}

/**
 * What the worker's pack was last configured with, per pack port, in this test file (jest's module registry is per
 * file, so each file starts knowing nothing and sends its first configuration). Configure and ConfigureStack
 * replace the pack's config and stack wholesale, so sending the same request again changes nothing: the harness
 * skips it (Configure alone costs ~7 ms a call, and every `analyze` sent both). Any other Configure or
 * ConfigureStack on a client of that pack (analyzeRecording, runCheck on `harness.client`) goes through as before
 * and forgets what was sent, so the next harness call sends its own again.
 */
interface Sent {
    config?: string;
    stack?: string;
    /** Bumped by every Configure / ConfigureStack that starts; a reply records what it sent only if none started since. */
    generation: number;
}
const sentByPort = new Map<number, Sent>();

function sentTo(port: number, client: PolicyPackClient) {
    let sent = sentByPort.get(port);
    if (!sent) sentByPort.set(port, (sent = { generation: 0 }));
    const state = sent;
    const rawConfigure = client.configure.bind(client);
    const rawConfigureStack = client.configureStack.bind(client);
    const send = async <T>(field: "config" | "stack", value: T, raw: (v: T) => Promise<void>) => {
        const gen = ++state.generation;
        state[field] = undefined;
        await raw(value);
        if (gen === state.generation) state[field] = JSON.stringify(value);
    };
    // Direct users of the client: forwarded unchanged, and the record of what the harness sent is dropped.
    client.configure = (config) => {
        state.generation++;
        state.config = undefined;
        return rawConfigure(config);
    };
    client.configureStack = (stack) => {
        state.generation++;
        state.stack = undefined;
        return rawConfigureStack(stack);
    };
    return {
        async configure(config: Parameters<PolicyPackClient["configure"]>[0]) {
            if (state.config !== JSON.stringify(config)) await send("config", config, rawConfigure);
        },
        async configureStack(stack: Parameters<PolicyPackClient["configureStack"]>[0]) {
            if (state.stack !== JSON.stringify(stack)) await send("stack", stack, rawConfigureStack);
        },
    };
}

async function workerPackPort(): Promise<number> {
    const worker = process.env["JEST_WORKER_ID"] ?? "1";
    return Number(await waitForCached(`pack-${worker}.port`, `pack-${worker}.error`));
}

function stackOf(rec: Recording): string {
    // A URN is `urn:pulumi:<stack>::<project>::…`.
    return rec.registrations[0]?.urn.split("::")[0]?.replace("urn:pulumi:", "") ?? "prod";
}

function isPreview(rec: Recording): boolean {
    return rec.preview;
}

/**
 * Only the diagnostics of `policyName`, without the fields every test would repeat. @pulumi/policy reports a
 * violation as `<policy description>\n<message passed to report()>`; this keeps the second part (the pack
 * test asserts the whole form once).
 */
export function violationsOf(diagnostics: readonly Diagnostic[] | AnalysisResult, policyName: string): Pick<Diagnostic, "message" | "enforcementLevel">[] {
    const list = Array.isArray(diagnostics) ? diagnostics : (diagnostics as AnalysisResult).diagnostics;
    return list
        .filter((d) => d.policyName === policyName)
        .map((d) => ({ message: d.message.slice(d.message.indexOf("\n") + 1), enforcementLevel: d.enforcementLevel }));
}

/** The reason `policyName` gave for not applying, if it did not apply. */
export function notApplicableReason(result: AnalysisResult, policyName: string): string | undefined {
    return result.notApplicable.find((n) => n.policyName === policyName)?.reason;
}

/**
 * A copy of `reg` with its wire-form inputs changed by `change` (and, for stack analysis, its state too):
 * one mutation of a compliant fixture.
 */
export function withInputs(reg: Registration, change: (props: Record<string, any>) => void): Registration {
    const rawInputs = structuredClone(reg.rawInputs) as Record<string, any>;
    change(rawInputs);
    return { ...reg, rawInputs };
}

/** A copy of the recording with one resource's inputs and state changed by `change`. */
export function mutateResource(rec: Recording, name: string, change: (props: Record<string, any>) => void): Recording {
    // A component and its main child share a name; policies analyse the child (the provider-managed resource).
    let target = rec.registrations.filter((r) => r.name === name);
    if (target.length > 1) target = target.filter((r) => r.custom);
    if (target.length !== 1) throw new Error(`expected one resource named ${name}, found ${target.length}`);
    const reg = target[0]!;
    const states = new Map(rec.states);
    const state = structuredClone(rec.states.get(reg.urn) ?? {}) as Record<string, any>;
    change(state);
    states.set(reg.urn, state);
    return { ...rec, registrations: rec.registrations.map((r) => (r === reg ? withInputs(r, change) : r)), states };
}

/** A copy of the recording without the named resources (and without references to them). */
export function withoutResources(rec: Recording, ...names: string[]): Recording {
    const result = withoutWhere(rec, (r) => names.includes(r.name));
    if (rec.registrations.length - result.registrations.length !== names.length) throw new Error(`not all of ${names.join(", ")} are in the recording`);
    return result;
}

/** A copy of the recording without the resources `remove` picks (and without references to them). */
export function withoutWhere(rec: Recording, remove: (r: Registration) => boolean): Recording {
    const removed = new Set(rec.registrations.filter(remove).map((r) => r.urn));
    const keep = (urns: readonly string[]) => urns.filter((u) => !removed.has(u));
    return {
        ...rec,
        registrations: rec.registrations
            .filter((r) => !removed.has(r.urn))
            .map((r) => ({
                ...r,
                dependencies: keep(r.dependencies),
                propertyDependencies: Object.fromEntries(Object.entries(r.propertyDependencies).map(([k, v]) => [k, keep(v)])),
            })),
    };
}

/** A copy of the recording with one resource's options changed. */
export function withOptions(rec: Recording, name: string, options: Partial<Registration["options"]>): Recording {
    return {
        ...rec,
        registrations: rec.registrations.map((r) => (r.name === name && r.custom ? { ...r, options: { ...r.options, ...options } } : r)),
    };
}

/** How a test expects one mandatory violation: the finding, at the mandatory level. */
export const mandatory = (message: string) => ({ message, enforcementLevel: "mandatory" as const });

/** What a policy test file works with: this worker's pack and the prod stack recorded at preview. */
export interface PolicySuite {
    readonly pack: PolicyHarness;
    readonly rec: Recording;
    /** The provider-managed resource named `name` (a component may share its name). */
    resource(name: string): Registration;
    /** `policy`'s violations on resource `name`, after an optional single change of its inputs. */
    violations(name: string, policy: string, change?: (props: Record<string, any>) => void): Promise<ReturnType<typeof violationsOf>>;
}

/** Sets a policy test file up: call once at the top level (it registers beforeAll/afterAll). */
export function policySuite(): PolicySuite {
    let pack: PolicyHarness | undefined;
    let rec: Recording | undefined;
    beforeAll(async () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { runStack } = require("./stack") as typeof import("./stack");
        [pack, rec] = await Promise.all([policyHarness(), runStack({ preview: true })]);
    });
    afterAll(() => pack?.close());
    const suite: PolicySuite = {
        get pack() {
            return pack!;
        },
        get rec() {
            return rec!;
        },
        resource(name) {
            const found = rec!.registrations.filter((r) => r.name === name && r.custom);
            if (found.length !== 1) throw new Error(`expected one provider-managed resource named ${name}, found ${found.length}`);
            return found[0]!;
        },
        async violations(name, policy, change) {
            const reg = suite.resource(name);
            return violationsOf(await pack!.analyze(change ? withInputs(reg, change) : reg, rec!), policy);
        },
    };
    return suite;
}
