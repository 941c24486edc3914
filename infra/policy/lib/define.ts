/**
 * How a policy of this pack is declared: every policy names the data-policy clause(s) it enforces (typed ids
 * from `infra/clauses.ts`), a severity, remediation text and an enforcement level, and accepts exemptions only
 * with a written reason.
 *
 * The clause ids travel in the policy's CrossGuard metadata, so they reach the CLI, Pulumi Cloud and our
 * offline report through the analyzer protocol (GetAnalyzerInfo), not through a side table:
 * - `framework`: `{ name: "Allotrac Data Policy", version: "2024-09-11", reference: "<clause id> <clause id>…" }`
 * - `tags`: `clause:<id>` for each clause.
 *
 * Policies match resources by type token (never by importing the provider SDKs): the pack stays small and fast
 * to start, works for providers without an installable SDK (Redis Cloud), and can accept the deprecated `…V2`
 * tokens beside the current ones.
 */
import type {
    EnforcementLevel,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import type { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { CLAUSES, cite, type ClauseId } from "../facts/clauses";

/** Prefix of the tags that name a stack policy's subjects (type tokens), e.g. `subject:aws:s3/bucket:Bucket`. */
export const SUBJECT_TAG = "subject:";

export const DATA_POLICY_FRAMEWORK = { name: "Allotrac Data Policy", version: "2024-09-11" } as const;

/** An exemption: one resource (by logical name or URN) and why it may break the policy. */
export interface Exemption {
    readonly resource: string;
    readonly reason: string;
}

/** Every policy's config accepts `exemptions`; a reason of at least 20 characters is mandatory. */
const EXEMPTIONS_SCHEMA: PolicyConfigJSONSchema = {
    type: "array",
    description: "Resources this policy does not apply to, each with the written reason it may break the policy.",
    items: {
        type: "object",
        properties: {
            resource: { type: "string", minLength: 1, description: "Logical name or URN of the resource." },
            reason: { type: "string", minLength: 20, description: "Why this resource may break the policy." },
        },
        required: ["resource", "reason"],
        additionalProperties: false,
    },
    default: [],
};

interface Common<C> {
    /** kebab-case, `<platform>-<subject>-<what>`. */
    readonly name: string;
    /** One sentence. */
    readonly description: string;
    /** The clauses this policy enforces, most specific first. */
    readonly clauses: readonly [ClauseId, ...ClauseId[]];
    readonly severity: Severity;
    /** What to change to comply. */
    readonly remediation: string;
    /** Default `mandatory`. */
    readonly enforcementLevel?: EnforcementLevel;
    /** Tunables beyond `exemptions`, as JSON-schema properties with defaults. */
    readonly config?: { readonly [K in keyof C]: PolicyConfigJSONSchema };
    /** Defaults for `config`, used when the engine sends no config (and mirrored in the schema's `default`). */
    readonly defaults?: C;
}

/** The config a policy's check receives: its tunables (defaults applied) and its exemptions. */
export type PolicyConfig<C> = C & { readonly exemptions: readonly Exemption[] };

/** A resource policy of this pack, with its clauses at hand for tests and reports. */
export type DataResourcePolicy = ResourceValidationPolicy & { readonly clauses: readonly ClauseId[] };
/** A stack policy of this pack, with its clauses at hand for tests and reports. */
export type DataStackPolicy = StackValidationPolicy & { readonly clauses: readonly ClauseId[] };

function metadata<C>(def: Common<C>) {
    for (const id of def.clauses) {
        if (!(id in CLAUSES)) throw new Error(`policy ${def.name}: unknown clause ${id}`);
    }
    if (!/^[a-z0-9]+(-[a-z0-9]+)+$/.test(def.name)) throw new Error(`policy ${def.name}: names are kebab-case`);
    const properties: Record<string, PolicyConfigJSONSchema> = { exemptions: EXEMPTIONS_SCHEMA };
    for (const [k, schema] of Object.entries(def.config ?? {}) as [string, PolicyConfigJSONSchema][]) {
        const dflt = (def.defaults as Record<string, unknown> | undefined)?.[k];
        properties[k] = dflt === undefined ? schema : { ...schema, default: dflt };
    }
    return {
        name: def.name,
        description: def.description,
        enforcementLevel: def.enforcementLevel ?? "mandatory",
        severity: def.severity,
        remediationSteps: def.remediation,
        framework: {
            ...DATA_POLICY_FRAMEWORK,
            reference: def.clauses.join(" "),
            specification: def.clauses.map(cite).join("; "),
        },
        tags: def.clauses.map((c) => `clause:${c}`),
        configSchema: { properties },
        clauses: def.clauses,
    };
}

/** Reads this policy's config with defaults applied (the engine normally sends them; this is a backstop). */
function configOf<C>(def: Common<C>, raw: Record<string, unknown>): PolicyConfig<C> {
    return { ...(def.defaults as C), exemptions: [], ...(raw as Partial<PolicyConfig<C>>) } as PolicyConfig<C>;
}

/** The exemption that covers this resource, if any. */
export function exemptionFor(exemptions: readonly Exemption[], r: { name: string; urn: string }): Exemption | undefined {
    return exemptions.find((e) => e.resource === r.name || e.resource === r.urn);
}

export interface ResourcePolicyDef<C> extends Common<C> {
    /** Type tokens this policy applies to; any other type is reported not applicable. Omit for every type. */
    readonly types?: readonly string[];
    readonly validate: (args: ResourceValidationArgs, report: ReportViolation, config: PolicyConfig<C>) => void;
}

export function resourcePolicy<C extends object = {}>(def: ResourcePolicyDef<C>): DataResourcePolicy {
    const types = def.types ? new Set(def.types) : undefined;
    const validateResource: ResourceValidationPolicy["validateResource"] & { __pulumiType?: string } = (args, report) => {
        if (types && !types.has(args.type)) {
            notApplicable(args, `applies to ${[...types].join(", ")}`);
        }
        const config = configOf(def, args.getConfig());
        const exempt = exemptionFor(config.exemptions, args);
        if (exempt) {
            notApplicable(args, `exempt: ${exempt.reason}`);
        }
        def.validate({ ...args, notApplicable: (reason?: string) => notApplicable(args, reason) }, report, config);
    };
    // A policy of one type says so the way @pulumi/policy's own `validateResourceOfType` does: the server then
    // reports it not applicable to any other type without deserialising the resource or calling it (server.js,
    // "Fast check"). A server that ignores the mark calls the function, which says the same by itself.
    if (types?.size === 1) validateResource.__pulumiType = [...types][0]!;
    return { ...metadata(def), validateResource };
}

/**
 * `args.notApplicable`, which signals by throwing an Error that the server catches at once: the stack trace that
 * Error would capture is never read, and capturing one for every resource a policy does not apply to was most
 * of the pack's own time on a large stack.
 */
function notApplicable(args: ResourceValidationArgs, reason: string | undefined): never {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
        return args.notApplicable(reason);
    } finally {
        Error.stackTraceLimit = limit;
    }
}

export interface StackPolicyDef<C> extends Common<C> {
    /**
     * Type tokens of the resources this policy judges (a stack policy sees every resource, but judges some).
     * They travel as `subject:<token>` tags, so a report can say which resources the policy evaluated.
     */
    readonly subjects: readonly string[];
    readonly validate: (args: StackValidationArgs, report: ReportViolation, config: PolicyConfig<C>, isExempt: (r: PolicyResource) => boolean) => void;
}

export function stackPolicy<C extends object = {}>(def: StackPolicyDef<C>): DataStackPolicy {
    if (def.subjects.length === 0) throw new Error(`policy ${def.name}: a stack policy names the types it judges (subjects)`);
    const meta = metadata(def);
    return {
        ...meta,
        tags: [...meta.tags, ...def.subjects.map((t) => `${SUBJECT_TAG}${t}`)],
        validateStack: (args, report) => {
            const config = configOf(def, args.getConfig());
            def.validate(args, report, config, (r) => exemptionFor(config.exemptions, r) !== undefined);
        },
    };
}

/**
 * The tunables of the two network-access policies (Atlas access list, Redis source IPs): the widest private and
 * public blocks allowed. Shared so that both read the same config keys with the same defaults as infra/network.ts.
 */
export function networkLimitsTunables(privateMinPrefix: number, publicMinPrefix: number) {
    return {
        config: {
            privateMinPrefix: { type: "integer", minimum: 0, maximum: 32 },
            publicMinPrefix: { type: "integer", minimum: 0, maximum: 32 },
        } as const satisfies Record<string, PolicyConfigJSONSchema>,
        defaults: { privateMinPrefix, publicMinPrefix },
    };
}
