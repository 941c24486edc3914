/**
 * Boots a CrossGuard policy pack the way the Pulumi CLI does and talks to it over its analyzer protocol.
 *
 * The CLI starts `@pulumi/pulumi/cmd/run-policy-pack` (resolved from the pack's own node_modules) with the
 * pack's directory as the working directory, reads the port the pack prints, and then calls, over gRPC:
 * GetPluginInfo, GetAnalyzerInfo, Configure (policy config: schema defaults, then the pack's initial config,
 * then the user's `--policy-pack-config`), ConfigureStack, one Analyze per resource (its inputs) and one
 * AnalyzeStack at the end (every resource's state, parents and dependencies). This module does the same, so
 * @pulumi/policy's own server deserialises properties, wraps them in its unknown-checking proxy, matches
 * types, handles `notApplicable`, applies config and enforcement levels, exactly as in `pulumi preview`.
 *
 * Differences from the CLI (on purpose, and only these): no engine callback address (the pack never uses it),
 * and the stack's resources come from the offline recording instead of a deployment.
 */
import type { ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import Ajv from "ajv";
import { providerUrn } from "./engine-rules";
import type { Registration } from "./recording";

/* The generated protobuf/gRPC modules ship without type declarations; these are the parts used here. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const analyzerpb: any = require("@pulumi/pulumi/proto/analyzer_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const analyzerrpc: any = require("@pulumi/pulumi/proto/analyzer_grpc_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const structpb: any = require("google-protobuf/google/protobuf/struct_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const emptypb: any = require("google-protobuf/google/protobuf/empty_pb");
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const { spawnPolicyPack } = require("./spawn-pack") as { spawnPolicyPack(packDir: string): ChildProcess };

export type EnforcementLevel = "advisory" | "mandatory" | "disabled" | "remediate";
export type Severity = "" | "low" | "medium" | "high" | "critical";

const LEVELS: EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];
const SEVERITIES: Severity[] = ["", "low", "medium", "high", "critical"];

/** One policy as the pack describes itself (GetAnalyzerInfo). */
export interface PolicyInfo {
    readonly name: string;
    readonly description: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly severity: Severity;
    readonly kind: "resource" | "stack";
    readonly framework?: { name: string; version: string; reference: string; specification: string };
    readonly tags: readonly string[];
    readonly remediationSteps: string;
    readonly url: string;
    readonly configSchema?: { properties: Record<string, unknown>; required: string[] };
}

export interface PackInfo {
    readonly name: string;
    readonly version: string;
    readonly description: string;
    readonly policies: readonly PolicyInfo[];
    /** The pack's own initial config (`new PolicyPack(…, initialConfig)`), by policy name. */
    readonly initialConfig: Readonly<Record<string, { enforcementLevel?: EnforcementLevel; properties?: Record<string, unknown> }>>;
}

/** A violation (or, for unknowns at preview, an advisory) the pack reported. */
export interface Diagnostic {
    readonly policyName: string;
    readonly message: string;
    readonly enforcementLevel: EnforcementLevel;
    readonly severity: Severity;
    /** URN of the resource (resource policies) or the one the stack policy named; "" when none. */
    readonly urn: string;
}

export interface NotApplicable {
    readonly policyName: string;
    readonly reason: string;
}

export interface AnalysisResult {
    readonly diagnostics: readonly Diagnostic[];
    readonly notApplicable: readonly NotApplicable[];
}

/** What a resource looks like to an analyzer. */
export interface AnalyzedResource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    /** Wire-form properties: inputs for Analyze, state for AnalyzeStack (secret/unknown sentinels kept). */
    readonly properties: Record<string, unknown>;
    readonly parent?: string | undefined;
    readonly dependencies?: readonly string[];
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    readonly protect?: boolean | undefined;
    readonly ignoreChanges?: readonly string[];
    readonly deleteBeforeReplace?: boolean | undefined;
    readonly additionalSecretOutputs?: readonly string[];
    readonly provider?: { type: string; name: string; urn: string; properties: Record<string, unknown> } | undefined;
}

/** Per-policy config as a user writes it in `--policy-pack-config`: a level, or an object. */
export type UserPolicyConfig = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

export interface StackIdentity {
    readonly project: string;
    readonly stack: string;
    readonly organization?: string;
    readonly dryRun: boolean;
    readonly tags?: Record<string, string>;
}

/** A running policy pack: its port, a connected client, and how to stop it. */
export interface RunningPolicyPack {
    readonly port: number;
    readonly client: PolicyPackClient;
    /** The pack process's peak resident memory so far, in MiB (Linux `VmHWM`; `undefined` elsewhere). */
    peakRssMiB(): number | undefined;
    /** What the pack has written to stderr so far. */
    stderr(): string;
    /** Closes the client and stops the pack process. */
    stop(): void;
}

/**
 * Starts the pack in `packDir` through `@pulumi/pulumi/cmd/run-policy-pack`, as the CLI does, and resolves
 * with the port it prints. Rejects with the pack's stderr if it exits first or takes longer than `timeoutMs`.
 */
export async function startPolicyPack(
    packDir: string,
    timeoutMs = 60_000,
    onSpawn?: (child: ChildProcess) => void,
    child: ChildProcess = spawnPolicyPack(packDir),
): Promise<{ port: number; child: ChildProcess; stderr: () => string }> {
    onSpawn?.(child);
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
        let stdout = "";
        const timer = setTimeout(() => {
            child.kill();
            reject(new Error(`The policy pack in ${packDir} did not start within ${timeoutMs} ms.\n${stderr}`));
        }, timeoutMs);
        // The wait itself must not keep a process alive: the child's pipes do, for as long as anyone needs it.
        timer.unref();
        child.stdout!.on("data", (d: Buffer) => {
            stdout += d.toString();
            const line = /^(\d+)\s*$/m.exec(stdout);
            if (line) {
                clearTimeout(timer);
                resolve(Number(line[1]));
            }
        });
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`The policy pack in ${packDir} exited (code ${code}) before it was ready:\n${stderr}${stdout}`));
        });
    });
    return { port, child, stderr: () => stderr };
}

/**
 * Starts the pack (or takes one `spawnPolicyPack` started) and connects to it. `onSpawn` gets the process at once,
 * e.g. to kill it if plans change.
 */
export async function runPolicyPack(packDir: string, timeoutMs?: number, onSpawn?: (child: ChildProcess) => void, spawned?: ChildProcess): Promise<RunningPolicyPack> {
    const { port, child, stderr } = await startPolicyPack(packDir, timeoutMs, onSpawn, spawned);
    const client = PolicyPackClient.connect(port, stderr);
    return {
        port,
        client,
        stderr,
        peakRssMiB: () => {
            try {
                const kb = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1];
                return kb === undefined ? undefined : Number(kb) / 1024;
            } catch {
                return undefined;
            }
        },
        stop: () => {
            client.close();
            child.kill();
        },
    };
}

/** A gRPC client for a policy pack's analyzer service. */
export class PolicyPackClient {
    private constructor(
        private readonly client: any,
        private readonly stderr: () => string,
    ) {}

    /** Connects to a pack listening on 127.0.0.1:`port`. `stderr` supplies the pack's output for error messages. */
    static connect(port: number, stderr: () => string = () => ""): PolicyPackClient {
        const client = new analyzerrpc.AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
            "grpc.max_send_message_length": 400 * 1024 * 1024,
        });
        return new PolicyPackClient(client, stderr);
    }

    close(): void {
        this.client.close();
    }

    /** The pack's self-description: its policies, their metadata and config schemas. */
    async info(): Promise<PackInfo> {
        const ai = await this.call<any>("getAnalyzerInfo", new emptypb.Empty());
        const initialConfig: Record<string, { enforcementLevel?: EnforcementLevel; properties?: Record<string, unknown> }> = {};
        ai.getInitialconfigMap().forEach((v: any, k: string) => {
            initialConfig[k] = {
                enforcementLevel: LEVELS[v.getEnforcementlevel()],
                properties: v.getProperties()?.toJavaScript(),
            };
        });
        return {
            name: ai.getName(),
            version: ai.getVersion(),
            description: ai.getDescription(),
            initialConfig,
            policies: ai.getPoliciesList().map((p: any): PolicyInfo => {
                const fw = p.getFramework();
                const schema = p.getConfigschema();
                return {
                    name: p.getName(),
                    description: p.getDescription(),
                    enforcementLevel: LEVELS[p.getEnforcementlevel()]!,
                    severity: SEVERITIES[p.getSeverity()]!,
                    kind: p.getPolicyType() === analyzerpb.PolicyType.POLICY_TYPE_STACK ? "stack" : "resource",
                    ...(fw ? { framework: { name: fw.getName(), version: fw.getVersion(), reference: fw.getReference(), specification: fw.getSpecification() } } : {}),
                    tags: p.getTagsList(),
                    remediationSteps: p.getRemediationSteps(),
                    url: p.getUrl(),
                    ...(schema ? { configSchema: { properties: schema.getProperties()?.toJavaScript() ?? {}, required: schema.getRequiredList() } } : {}),
                };
            }),
        };
    }

    /**
     * Sends the effective policy config (see {@link resolvePolicyConfig}), as the engine does before analysis.
     */
    async configure(config: Record<string, { enforcementLevel: EnforcementLevel; properties: Record<string, unknown> }>): Promise<void> {
        const req = new analyzerpb.ConfigureAnalyzerRequest();
        const map = req.getPolicyconfigMap();
        for (const [name, c] of Object.entries(config)) {
            const pc = new analyzerpb.PolicyConfig();
            pc.setEnforcementlevel(LEVELS.indexOf(c.enforcementLevel));
            pc.setProperties(structpb.Struct.fromJavaScript(c.properties));
            map.set(name, pc);
        }
        await this.call("configure", req);
    }

    /** Tells the pack which stack it is analysing (stack tags reach policies as `args.stackTags`). */
    async configureStack(stack: StackIdentity): Promise<void> {
        const req = new analyzerpb.AnalyzerStackConfigureRequest();
        req.setProject(stack.project);
        req.setStack(stack.stack);
        req.setOrganization(stack.organization ?? "");
        req.setDryRun(stack.dryRun);
        const tags = req.getTagsMap();
        for (const [k, v] of Object.entries(stack.tags ?? {})) tags.set(k, v);
        await this.call("configureStack", req);
    }

    /** Runs every resource policy on one resource (its inputs). */
    async analyze(resource: AnalyzedResource): Promise<AnalysisResult> {
        const req = new analyzerpb.AnalyzeRequest();
        req.setType(resource.type);
        req.setName(resource.name);
        req.setUrn(resource.urn);
        req.setProperties(structpb.Struct.fromJavaScript(resource.properties));
        req.setOptions(resourceOptions(resource));
        if (resource.provider) req.setProvider(providerResource(resource.provider));
        return toResult(await this.call<any>("analyze", req));
    }

    /** Runs every stack policy over all resources (their state, parents and dependencies). */
    async analyzeStack(resources: readonly AnalyzedResource[]): Promise<AnalysisResult> {
        const req = new analyzerpb.AnalyzeStackRequest();
        req.setResourcesList(
            resources.map((r) => {
                const ar = new analyzerpb.AnalyzerResource();
                ar.setType(r.type);
                ar.setName(r.name);
                ar.setUrn(r.urn);
                ar.setProperties(structpb.Struct.fromJavaScript(r.properties));
                ar.setOptions(resourceOptions(r));
                if (r.provider) ar.setProvider(providerResource(r.provider));
                ar.setParent(r.parent ?? "");
                ar.setDependenciesList([...(r.dependencies ?? [])]);
                const deps = ar.getPropertydependenciesMap();
                for (const [k, urns] of Object.entries(r.propertyDependencies ?? {})) {
                    const d = new analyzerpb.AnalyzerPropertyDependencies();
                    d.setUrnsList([...urns]);
                    deps.set(k, d);
                }
                return ar;
            }),
        );
        return toResult(await this.call<any>("analyzeStack", req));
    }

    private call<T>(method: string, req: unknown): Promise<T> {
        return new Promise((resolve, reject) => {
            this.client[method](req, (err: Error | null, res: T) => {
                if (err) {
                    const stderr = this.stderr().trim();
                    reject(new Error(`${method} failed: ${err.message}${stderr ? `\npolicy pack stderr:\n${stderr}` : ""}`));
                } else {
                    resolve(res);
                }
            });
        });
    }
}

function resourceOptions(r: AnalyzedResource): any {
    const o = new analyzerpb.AnalyzerResourceOptions();
    o.setProtect(r.protect ?? false);
    o.setIgnorechangesList([...(r.ignoreChanges ?? [])]);
    o.setDeletebeforereplacedefined(r.deleteBeforeReplace !== undefined);
    o.setDeletebeforereplace(r.deleteBeforeReplace ?? false);
    o.setAdditionalsecretoutputsList([...(r.additionalSecretOutputs ?? [])]);
    o.setParent(r.parent ?? "");
    return o;
}

function providerResource(p: NonNullable<AnalyzedResource["provider"]>): any {
    const pr = new analyzerpb.AnalyzerProviderResource();
    pr.setType(p.type);
    pr.setName(p.name);
    pr.setUrn(p.urn);
    pr.setProperties(structpb.Struct.fromJavaScript(p.properties));
    return pr;
}

function toResult(res: any): AnalysisResult {
    return {
        diagnostics: res.getDiagnosticsList().map(
            (d: any): Diagnostic => ({
                policyName: d.getPolicyname(),
                message: d.getMessage(),
                enforcementLevel: LEVELS[d.getEnforcementlevel()]!,
                severity: SEVERITIES[d.getSeverity()]!,
                urn: d.getUrn(),
            }),
        ),
        notApplicable: res.getNotApplicableList().map((n: any): NotApplicable => ({ policyName: n.getPolicyName(), reason: n.getReason() })),
    };
}

/** What Configure sends, by policy name: its enforcement level and its properties (tunables, exemptions). */
export type EffectivePolicyConfig = Record<string, { enforcementLevel: EnforcementLevel; properties: Record<string, unknown> }>;

/**
 * One Ajv for every policy config schema, and each schema compiled once per process (keyed by its JSON text):
 * compiling every policy's schema again on each resolution cost ~25 ms a call, and tests resolve configs often.
 * A compiled validator is a pure function of its schema; its `errors` are read right after each call.
 */
const configAjv = new Ajv({ allErrors: true, useDefaults: true, strict: false });
const configValidators = new Map<string, ReturnType<Ajv["compile"]>>();
function configValidator(schema: object): ReturnType<Ajv["compile"]> {
    const key = JSON.stringify(schema);
    let validate = configValidators.get(key);
    if (!validate) configValidators.set(key, (validate = configAjv.compile(schema)));
    return validate;
}

/** A policy's config schema as the CLI validates a config against it: an object of exactly those properties. */
function configSchemaOf(s: NonNullable<PolicyInfo["configSchema"]>): object {
    return { type: "object", properties: s.properties, required: s.required, additionalProperties: false };
}

/** Compiles each policy's config schema now, so that {@link resolvePolicyConfig} finds it compiled. */
export function precompileConfigSchemas(info: PackInfo): void {
    for (const p of info.policies) if (p.configSchema) configValidator(configSchemaOf(p.configSchema));
}

/**
 * The config the engine sends in Configure: for each policy, its schema's defaults, overlaid with the pack's
 * initial config, overlaid with the user's `--policy-pack-config`, and the enforcement level from the same
 * layers (else the policy's own level). Each result is validated against the policy's JSON schema, as the
 * CLI does; an invalid config throws, naming the policy and the problem.
 */
export function resolvePolicyConfig(info: PackInfo, user: UserPolicyConfig = {}): EffectivePolicyConfig {
    const unknown = Object.keys(user).filter((k) => k !== "all" && !info.policies.some((p) => p.name === k));
    if (unknown.length > 0) {
        throw new Error(`Policy pack config names policies that ${info.name} does not have: ${unknown.join(", ")}.`);
    }
    const result: Record<string, { enforcementLevel: EnforcementLevel; properties: Record<string, unknown> }> = {};
    const all = user["all"];
    for (const p of info.policies) {
        const initial = info.initialConfig[p.name] ?? {};
        const u = user[p.name];
        const userObj = typeof u === "string" ? { enforcementLevel: u } : (u ?? {});
        const { enforcementLevel: userLevel, ...userProps } = userObj as { enforcementLevel?: EnforcementLevel } & Record<string, unknown>;
        const properties: Record<string, unknown> = { ...initial.properties, ...userProps };
        const level = userLevel ?? (typeof all === "string" ? all : undefined) ?? initial.enforcementLevel ?? p.enforcementLevel;
        if (p.configSchema) {
            const validate = configValidator(configSchemaOf(p.configSchema));
            if (!validate(properties)) {
                const problems = (validate.errors ?? []).map((e) => `${e.instancePath || "(config)"} ${e.message}`).join("; ");
                throw new Error(`Invalid config for policy ${p.name}: ${problems}.`);
            }
        }
        result[p.name] = { enforcementLevel: level, properties };
    }
    return result;
}

/** The registration as an Analyze request sees it (inputs), with its provider's inputs attached. */
export function toAnalyzedInputs(reg: Registration, byUrn: ReadonlyMap<string, Registration>): AnalyzedResource {
    return { ...common(reg, byUrn), properties: reg.rawInputs };
}

/** The registration as AnalyzeStack sees it (state: inputs plus what the provider computed). */
export function toAnalyzedState(reg: Registration, state: Record<string, unknown>, byUrn: ReadonlyMap<string, Registration>): AnalyzedResource {
    return { ...common(reg, byUrn), properties: state };
}

function common(reg: Registration, byUrn: ReadonlyMap<string, Registration>): Omit<AnalyzedResource, "properties"> {
    const providerAt = providerUrn(reg.provider);
    const provider = providerAt ? byUrn.get(providerAt) : undefined;
    return {
        type: reg.type,
        name: reg.name,
        urn: reg.urn,
        parent: reg.parent,
        dependencies: reg.dependencies,
        propertyDependencies: reg.propertyDependencies,
        protect: reg.options.protect,
        ignoreChanges: reg.options.ignoreChanges,
        deleteBeforeReplace: reg.options.deleteBeforeReplace,
        additionalSecretOutputs: reg.options.additionalSecretOutputs,
        provider: provider ? { type: provider.type, name: provider.name, urn: provider.urn, properties: provider.rawInputs } : undefined,
    };
}

/** Directory of the repo's policy pack. */
export const POLICY_PACK_DIR = path.resolve(__dirname, "../policy");

/** Reads a `--policy-pack-config` file; a missing or malformed file throws, naming it. */
export function readPolicyPackConfig(file: string): UserPolicyConfig {
    try {
        return JSON.parse(fs.readFileSync(file, "utf8")) as UserPolicyConfig;
    } catch (err) {
        throw new Error(`--policy-pack-config ${file}: ${(err as Error).message}`);
    }
}

/**
 * The config CI passes to `pulumi preview --policy-pack-config` for `stack`: `<pack>/config/<stack>.json`, or
 * undefined when the stack has none. The CLI, the check and the tests' harness all default to it, so a policy
 * that needs a value from it (the KMS policy's `accountId`) is judged with the same config everywhere.
 */
export function stackPolicyPackConfig(stack: string, packDir: string = POLICY_PACK_DIR): UserPolicyConfig | undefined {
    const file = path.join(packDir, "config", `${stack}.json`);
    return fs.existsSync(file) ? readPolicyPackConfig(file) : undefined;
}
