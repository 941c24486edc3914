/**
 * The only code that reads stack configuration (`Pulumi.<stack>.yaml`).
 *
 * `pulumi.Config.requireObject<T>()` is only a cast, so every section is validated at run time against a zod
 * schema (`infra/schema/`). All problems are collected and thrown together as one {@link ConfigError}, before
 * the program registers any resource; each names the key, the bad value and what is allowed. Secret keys are
 * checked for presence only and their values never appear in a message.
 */
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { isConfigSecret, isEngineRun } from "./pulumi-internals";
import { findPlaceholders } from "./schema/placeholders";
import { describeIssue, type ConfigIssue, type CrossCheck } from "./schema/issues";
import { redisSchema } from "./schema/ephemeral-data";
import { guardrailsSchema } from "./schema/guardrails";
import { identitySchema } from "./schema/identity";
import { auditSchema, auditStackChecks } from "./schema/audit";
import { atlasDeployChecks, atlasSchema, atlasStackChecks } from "./schema/operational-data";
import { awsSchema, gcpSchema } from "./schema/platform";
import { staticFilesSchema } from "./schema/static-files";

export { describeIssue, type ConfigIssue, type CrossCheck };

/** The project's config namespace: the `name` in Pulumi.yaml. */
export const CONFIG_NAMESPACE = "data-platform";

/** Each top-level key under `data-platform:` and the schema its value must satisfy. */
export const CONFIG_SECTIONS = {
    aws: awsSchema,
    gcp: gcpSchema,
    staticFiles: staticFilesSchema,
    atlas: atlasSchema,
    auth0: identitySchema,
    redis: redisSchema,
    guardrails: guardrailsSchema,
    audit: auditSchema,
} as const;

type Sections = typeof CONFIG_SECTIONS;

/** A secret setting: read as a secret `Output`, checked for presence and secrecy, never printed. */
export interface SecretSetting {
    /** `true` when the stack cannot deploy without it. */
    readonly required: boolean;
    /** What it is, for the README and error messages. */
    readonly description: string;
    /** Environment variable the provider falls back to when the key is not set (optional settings only). */
    readonly env?: string;
    /**
     * The other half of a credential pair: both must be set, or neither. A provider given half a pair does not
     * refuse it; it quietly takes the other half (or the whole pair) from the environment, possibly another
     * account's.
     */
    readonly pairWith?: string;
}

/**
 * Every secret the program reads, by full config key (`namespace:key`). Explicit providers do not read their
 * own namespace (`mongodbatlas:privateKey`…) from stack config, so provider credentials are listed here too
 * and handed to the provider; when such a key is absent the provider falls back to its environment variable.
 * Set each with `pulumi config set --secret <key>`; a plain-text value is refused.
 */
export const SECRET_SETTINGS = {
    // Operational data (docs/operational-data.md): the Atlas programmatic API key pair, and the token of the
    // alert notification target when that target needs one (PagerDuty service key, Slack API token).
    "mongodbatlas:publicKey": {
        required: false,
        description: "the public key of the Atlas programmatic API key the stack deploys with",
        env: "MONGODB_ATLAS_PUBLIC_KEY",
        pairWith: "mongodbatlas:privateKey",
    },
    "mongodbatlas:privateKey": {
        required: false,
        description: "the private key of the Atlas programmatic API key the stack deploys with",
        env: "MONGODB_ATLAS_PRIVATE_KEY",
        pairWith: "mongodbatlas:publicKey",
    },
    // The Organization Owner API key pair of the org-level Atlas provider (`atlas-org`), which creates the org's
    // Resource Policy; the workload key above never gets Organization Owner (docs/guardrails.md "Org-level
    // providers"). No environment fallback of its own: without it the plugin would read the workload key from
    // MONGODB_ATLAS_*, so `pulumi up` refuses to run without it while the Resource Policy is on (`atlasDeployChecks`).
    "data-platform:atlasOrgPublicKey": {
        required: false,
        description: "the public key of the Atlas Organization Owner API key the org-level provider (atlas-org) creates the Resource Policy with",
        pairWith: "data-platform:atlasOrgPrivateKey",
    },
    "data-platform:atlasOrgPrivateKey": {
        required: false,
        description: "the private key of the Atlas Organization Owner API key the org-level provider (atlas-org) creates the Resource Policy with",
        pairWith: "data-platform:atlasOrgPublicKey",
    },
    "data-platform:atlasAlertToken": {
        required: false,
        description: "the PagerDuty service key or Slack API token that Atlas integrity alerts are sent with (PAGER_DUTY and SLACK targets only)",
    },
    // Identity (docs/identity.md): the secret of the Auth0 machine-to-machine application the stack deploys with
    // (its client id is plain config, data-platform:auth0.clientId).
    "auth0:clientSecret": {
        required: false,
        description: "the client secret of the Auth0 machine-to-machine application the stack deploys with",
        env: "AUTH0_CLIENT_SECRET",
    },
    // Ephemeral data (docs/ephemeral-data.md): the Redis Cloud API key pair (set both or neither; without them the
    // provider reads the environment), and the database password (generated if absent).
    "rediscloud:apiKey": {
        required: false,
        description: "the Redis Cloud API account key the stack deploys with",
        env: "REDISCLOUD_ACCESS_KEY",
        pairWith: "rediscloud:secretKey",
    },
    "rediscloud:secretKey": {
        required: false,
        description: "the Redis Cloud API user secret key the stack deploys with",
        env: "REDISCLOUD_SECRET_KEY",
        pairWith: "rediscloud:apiKey",
    },
    "data-platform:redisPassword": {
        required: false,
        description: "the password of the ephemeral-data Redis database; when not set, the stack generates one",
    },
} as const satisfies Record<string, SecretSetting>;

/** The secret settings that are set, as secret Outputs. */
export type Secrets = { readonly [K in keyof typeof SECRET_SETTINGS]: pulumi.Output<string> | undefined };

/**
 * Provider arguments from a credential pair of {@link SECRET_SETTINGS}: both halves as secret Outputs when both are
 * set, else none, and the provider then reads the pair from its environment. `loadConfig()` has already refused
 * half a pair (`pairWith`), so "one half set" does not reach here.
 */
export function credentialPair<K extends string>(pair: Record<K, pulumi.Output<string> | undefined>): Partial<Record<K, pulumi.Output<string>>> {
    return Object.values(pair).every((v) => v !== undefined) ? (pair as Record<K, pulumi.Output<string>>) : {};
}

/** The validated sections of the stack configuration. */
export type StackSections = { readonly [K in keyof Sections]: z.infer<Sections[K]> };

/** The validated stack configuration. */
export type StackConfig = StackSections & { readonly secrets: Secrets };

/** Rules that span sections and secrets (see {@link CrossCheck}), each declared beside its area's schema. */
const CROSS_CHECKS: readonly CrossCheck<StackSections>[] = [atlasStackChecks, auditStackChecks];

/**
 * Rules that only a deployment needs, checked like placeholders: a real `pulumi up` refuses to run while one
 * fails, a real `pulumi preview` warns (a preview must not fail for a credential the PR workflow does not hold).
 */
const DEPLOY_CHECKS: readonly CrossCheck<StackSections>[] = [atlasDeployChecks];

/** The stack configuration is invalid; the message lists every problem. */
export class ConfigError extends pulumi.RunError {
    constructor(readonly issues: readonly ConfigIssue[]) {
        super(
            `Invalid stack configuration (${issues.length} problem${issues.length === 1 ? "" : "s"}); nothing was deployed:\n` +
                issues.map((i) => `  - ${describeIssue(i)}`).join("\n"),
        );
        this.name = "ConfigError";
    }
}

/**
 * Reads and validates the whole stack configuration. Throws {@link ConfigError} listing every problem.
 */
export function loadConfig(): StackConfig {
    const config = new pulumi.Config(CONFIG_NAMESPACE);
    const issues: ConfigIssue[] = [];
    const result: Record<string, unknown> = {};
    for (const [section, schema] of Object.entries(CONFIG_SECTIONS) as [keyof Sections, z.ZodType][]) {
        const key = `${CONFIG_NAMESPACE}:${section}`;
        let raw: unknown;
        try {
            raw = config.getObject<unknown>(section);
        } catch {
            issues.push({ key, value: JSON.stringify(config.get(section)), expected: "a YAML object (it is not valid JSON/YAML)" });
            continue;
        }
        const parsed = schema.safeParse(raw, { reportInput: true });
        if (parsed.success) {
            result[section] = parsed.data;
        } else {
            issues.push(...parsed.error.issues.flatMap((i) => toConfigIssue(key, i, schema)));
        }
    }
    const sectionsValid = issues.length === 0;
    const secrets = readSecrets(issues);
    if (sectionsValid) {
        const set = new Set(Object.keys(secrets).filter((k) => secrets[k] !== undefined));
        for (const check of CROSS_CHECKS) issues.push(...check(result as StackSections, set));
    }
    // Placeholders (schema/placeholders.ts) let the stack be previewed and checked before every production value
    // is known; they must never be deployed. The deploy checks are the same kind of rule for credentials.
    const placeholders = findPlaceholders(plainConfigValues());
    if (isEngineRun()) {
        const deployIssues: ConfigIssue[] = placeholders.map((p) => ({
            key: p.key,
            value: JSON.stringify(p.value),
            expected: `the real production value: this is a placeholder (${p.why}); see README "Before the first pulumi up"`,
        }));
        if (sectionsValid) {
            const set = new Set(Object.keys(secrets).filter((k) => secrets[k] !== undefined));
            for (const check of DEPLOY_CHECKS) deployIssues.push(...check(result as StackSections, set));
        }
        if (pulumi.runtime.isDryRun()) {
            const text = (p: (typeof placeholders)[number]) => `${p.key} = ${JSON.stringify(p.value)} (${p.why})`;
            if (placeholders.length > 0) {
                pulumi.log.warn(`These values are placeholders; replace them before the first pulumi up: ${placeholders.map(text).join("; ")}.`);
            }
            const others = deployIssues.slice(placeholders.length);
            if (others.length > 0) {
                pulumi.log.warn(`pulumi up will refuse to run until these are set: ${others.map((i) => describeIssue(i)).join(" ")}`);
            }
        } else {
            issues.push(...deployIssues);
        }
    }
    if (issues.length > 0) {
        throw new ConfigError(issues);
    }
    return { ...(result as StackSections), secrets: secrets as Secrets };
}

/** Every non-secret config value, objects parsed (Pulumi hands objects to programs as JSON text). */
function plainConfigValues(): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const [key, text] of Object.entries(pulumi.runtime.allConfig())) {
        if (isConfigSecret(key)) continue; // never inspected, never echoed
        try {
            values[key] = JSON.parse(text);
        } catch {
            values[key] = text;
        }
    }
    return values;
}

function readSecrets(issues: ConfigIssue[]): Record<string, pulumi.Output<string> | undefined> {
    const secrets: Record<string, pulumi.Output<string> | undefined> = {};
    for (const [fullKey, setting] of Object.entries(SECRET_SETTINGS) as [string, SecretSetting][]) {
        const [namespace, key] = fullKey.split(":") as [string, string];
        const value = new pulumi.Config(namespace).getSecret(key);
        if (value === undefined) {
            if (setting.required) {
                issues.push({ key: fullKey, value: undefined, expected: `${setting.description}, set with \`pulumi config set --secret ${fullKey}\`` });
            }
        } else if (!isConfigSecret(fullKey)) {
            // The value is in Pulumi.<stack>.yaml in plain text: refuse it, and do not repeat it here.
            issues.push({
                key: fullKey,
                value: "(a plain-text value, not shown)",
                expected: `a secret: remove it from the stack file and run \`pulumi config set --secret ${fullKey}\``,
            });
        }
        secrets[fullKey] = value;
    }
    for (const [fullKey, setting] of Object.entries(SECRET_SETTINGS) as [string, SecretSetting][]) {
        const other = setting.pairWith;
        // Report once per pair, on the half that is missing.
        if (other && secrets[fullKey] === undefined && secrets[other] !== undefined) {
            const otherEnv = (SECRET_SETTINGS as Record<string, SecretSetting>)[other]?.env;
            // A pair with no environment fallback of its own (the org-level Atlas key) can only be set both.
            const orNeither = setting.env && otherEnv ? `, or neither and export ${setting.env} and ${otherEnv}` : "";
            issues.push({
                key: fullKey,
                value: undefined,
                expected:
                    `a secret set together with ${other}: the provider uses configured credentials only as a pair, and with one ` +
                    `half takes the rest from the environment, possibly another account's (set both with \`pulumi config set --secret\`${orNeither})`,
            });
        }
    }
    return secrets;
}

function toConfigIssue(sectionKey: string, issue: z.core.$ZodIssue, schema: z.ZodType): ConfigIssue[] {
    const key = sectionKey + formatPath(issue.path);
    if (issue.code === "unrecognized_keys") {
        const allowed = allowedKeysAt(schema, issue.path).join(", ");
        return issue.keys.map((k) => ({
            key: `${key}.${k}`,
            value: undefined,
            expected: `one of ${allowed} (check the spelling)`,
            unknownKey: true,
        }));
    }
    const input = (issue as { input?: unknown }).input;
    return [{ key, value: input === undefined ? undefined : renderValue(input), expected: expectedText(issue) }];
}

/** zod's own messages read "Invalid input: expected X, received Y"; ours are already "what is allowed". */
function expectedText(issue: z.core.$ZodIssue): string {
    if (issue.code === "invalid_type") {
        const m = /^Invalid input: expected (\w+)/.exec(issue.message);
        return m ? `${/^[aeiou]/.test(m[1]!) ? "an" : "a"} ${m[1]}` : issue.message;
    }
    return issue.message;
}

function formatPath(path: readonly PropertyKey[]): string {
    return path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("");
}

function renderValue(value: unknown): string {
    const json = JSON.stringify(value) ?? String(value);
    return json.length > 120 ? `${json.slice(0, 117)}...` : json;
}

/** The keys an object schema accepts at `path`, to say what is allowed when a key is misspelt. */
function allowedKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
    let node: any = unwrap(schema);
    for (const step of path) {
        node = unwrap(typeof step === "number" ? node?._zod?.def?.element : node?._zod?.def?.shape?.[step]);
    }
    return Object.keys(node?._zod?.def?.shape ?? {});
}

function unwrap(schema: any): any {
    let node = schema;
    while (node?._zod?.def?.innerType) {
        node = node._zod.def.innerType;
    }
    return node;
}
