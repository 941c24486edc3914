/**
 * Reads a `pulumi stack export` file (deployment format version 3) as a recording, so that the policy pack judges
 * what is deployed rather than what the program would register: `npm run check -- --state FILE`, the offline
 * counterpart of `pulumi policy analyze --file`.
 *
 * Each resource of the export becomes a registration: its `inputs` are what Analyze sees, its `outputs` what
 * AnalyzeStack sees (as after `pulumi up`, nothing is unknown), with its parent, provider reference, protect,
 * retainOnDelete, deletedWith, dependencies and property dependencies. Resources pending deletion
 * (`delete: true`) are not part of the stack any more and are left out.
 *
 * Secrets: an export holds them as `{ "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
 * "ciphertext": … }` (or `plaintext` with `--show-secrets`). Both become a secret whose value is the fixed string
 * `[secret]`, so no ciphertext or plaintext reaches the pack, the report or a log; the paths are kept as secret.
 */
import * as fs from "node:fs";
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { Recording, Registration } from "./recording";

const SIG_KEY = pulumi.runtime.specialSigKey;
const SECRET_SIG = pulumi.runtime.specialSecretSig;
/** What every secret of an export is replaced with. */
export const REDACTED = "[secret]";

const exportedResource = z.object({
    urn: z.string().regex(/^urn:pulumi:[^:]+::[^:]+::.+::.+$/, "a URN urn:pulumi:<stack>::<project>::<type>::<name>"),
    custom: z.boolean().optional(),
    delete: z.boolean().optional(),
    type: z.string().min(1),
    inputs: z.record(z.string(), z.unknown()).optional(),
    outputs: z.record(z.string(), z.unknown()).optional(),
    parent: z.string().optional(),
    provider: z.string().optional(),
    protect: z.boolean().optional(),
    retainOnDelete: z.boolean().optional(),
    deletedWith: z.string().optional(),
    dependencies: z.array(z.string()).optional(),
    propertyDependencies: z.record(z.string(), z.array(z.string())).optional(),
    additionalSecretOutputs: z.array(z.string()).optional(),
    ignoreChanges: z.array(z.string()).optional(),
});

const stackExport = z.object({
    version: z.literal(3, { message: "only deployment format version 3 (pulumi stack export) is supported" }),
    deployment: z.object({ resources: z.array(exportedResource).default([]) }),
});

export interface DeployedStack {
    readonly project: string;
    readonly stack: string;
    readonly recording: Recording;
}

/** Reads and validates an export file; errors name the file and the field. */
export function readStackExport(file: string): DeployedStack {
    let raw: unknown;
    try {
        raw = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new Error(`--state ${file}: ${(err as Error).message}`);
    }
    const parsed = stackExport.safeParse(raw);
    if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`).join("; ");
        throw new Error(`--state ${file} is not a pulumi stack export: ${problems}.`);
    }
    return fromExport(parsed.data.deployment.resources.filter((r) => r.delete !== true), file);
}

function fromExport(resources: readonly z.infer<typeof exportedResource>[], file: string): DeployedStack {
    const stackResource = resources.find((r) => r.type === "pulumi:pulumi:Stack") ?? resources[0];
    if (!stackResource) throw new Error(`--state ${file} holds no resources.`);
    const [stack, project] = stackResource.urn.slice("urn:pulumi:".length).split("::") as [string, string];
    const states = new Map<string, Record<string, unknown>>();
    const registrations: Registration[] = resources.map((r) => {
        const secretInputs: string[] = [];
        const rawInputs = redact(r.inputs ?? {}, "", secretInputs) as Record<string, unknown>;
        states.set(r.urn, redact(r.outputs ?? r.inputs ?? {}, "", []) as Record<string, unknown>);
        return {
            urn: r.urn,
            type: r.type,
            name: r.urn.slice(r.urn.lastIndexOf("::") + 2),
            custom: r.custom ?? false,
            parent: r.parent,
            provider: r.provider,
            inputs: unwrap(rawInputs) as Record<string, unknown>,
            rawInputs,
            secretInputs: secretInputs.sort(),
            dependencies: r.dependencies ?? [],
            propertyDependencies: r.propertyDependencies ?? {},
            options: {
                protect: r.protect,
                retainOnDelete: r.retainOnDelete,
                deleteBeforeReplace: undefined,
                ignoreChanges: r.ignoreChanges ?? [],
                replaceOnChanges: [],
                additionalSecretOutputs: r.additionalSecretOutputs ?? [],
                aliases: [],
                version: undefined,
                pluginDownloadURL: undefined,
                importId: undefined,
                deletedWith: r.deletedWith,
            },
        };
    });
    return { project, stack, recording: { preview: false, registrations, invokes: [], outputs: {}, secretOutputs: [], states, messages: [] } };
}

/** The export's secrets as wire-form secrets holding {@link REDACTED}, noting their paths. */
function redact(value: unknown, path: string, secrets: string[]): unknown {
    if (Array.isArray(value)) return value.map((v, i) => redact(v, `${path}[${i}]`, secrets));
    if (value !== null && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SIG_KEY] === SECRET_SIG) {
            secrets.push(path);
            return { [SIG_KEY]: SECRET_SIG, value: REDACTED };
        }
        return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, redact(v, path ? `${path}.${k}` : k, secrets)]));
    }
    return value;
}

/** Plain values (secrets unwrapped to their redacted value), as `Registration.inputs` holds them. */
function unwrap(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(unwrap);
    if (value !== null && typeof value === "object") {
        const obj = value as Record<string, unknown>;
        if (obj[SIG_KEY] === SECRET_SIG) return unwrap(obj["value"]);
        return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, unwrap(v)]));
    }
    return value;
}
