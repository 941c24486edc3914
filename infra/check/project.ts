/**
 * Reads a Pulumi project the way the CLI does: `Pulumi.yaml` for the name and entry point (`main`), and
 * `Pulumi.<stack>.yaml` for the stack's config. Secure values (`{secure: v1:…}`) cannot be decrypted offline;
 * they become marked placeholders and are passed to the program as secrets, so it sees a secret where it
 * expects one and never a real value.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";

export interface PulumiProject {
    /** Directory that holds Pulumi.yaml. */
    readonly root: string;
    /** `name` in Pulumi.yaml: the project's config namespace. */
    readonly name: string;
    /** Absolute path of the program entry (`main`, default the project directory). */
    readonly main: string;
}

export interface StackConfigFile {
    /** Config as the program sees it: `namespace:key` → value (objects and lists kept as such). */
    readonly config: Record<string, unknown>;
    /** Keys whose value was a `secure:` ciphertext, now a placeholder. */
    readonly secretKeys: readonly string[];
}

/** Prefix of the placeholder that stands for a secure value the offline run cannot decrypt. */
export const SECRET_PLACEHOLDER_PREFIX = "offline-placeholder-for-secret:";

export function loadProject(root: string): PulumiProject {
    const file = path.join(root, "Pulumi.yaml");
    const doc = parseYamlFile(file) as { name?: unknown; main?: unknown; runtime?: unknown };
    if (typeof doc?.name !== "string" || doc.name === "") {
        throw new Error(`${file}: "name" must be a non-empty string.`);
    }
    const main = typeof doc.main === "string" ? doc.main : ".";
    return { root, name: doc.name, main: path.resolve(root, main) };
}

export function loadStackConfig(project: PulumiProject, stack: string): StackConfigFile {
    const file = path.join(project.root, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(file)) {
        throw new Error(`No stack file ${file}; the stacks here are: ${listStacks(project.root).join(", ") || "(none)"}.`);
    }
    const doc = (parseYamlFile(file) ?? {}) as { config?: Record<string, unknown> };
    const config: Record<string, unknown> = {};
    const secretKeys: string[] = [];
    for (const [rawKey, value] of Object.entries(doc.config ?? {})) {
        // As in the CLI, a key without a namespace belongs to the project.
        const key = rawKey.includes(":") ? rawKey : `${project.name}:${rawKey}`;
        if (isSecure(value)) {
            config[key] = `${SECRET_PLACEHOLDER_PREFIX}${key}`;
            secretKeys.push(key);
        } else if (containsSecure(value)) {
            throw new Error(
                `${file}: ${key} holds a secure value inside an object; keep secrets in their own top-level keys ` +
                    `(pulumi config set --secret <key>) so the program can read them as secrets.`,
            );
        } else {
            config[key] = value;
        }
    }
    return { config, secretKeys };
}

/** Stack names that have a `Pulumi.<stack>.yaml` in `root`. */
export function listStacks(root: string): string[] {
    return fs
        .readdirSync(root)
        .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

function parseYamlFile(file: string): unknown {
    try {
        return YAML.parse(fs.readFileSync(file, "utf8"));
    } catch (err) {
        throw new Error(`${file} is not valid YAML: ${(err as Error).message}`);
    }
}

function isSecure(value: unknown): boolean {
    return value !== null && typeof value === "object" && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value;
}

function containsSecure(value: unknown): boolean {
    if (Array.isArray(value)) return value.some(containsSecure);
    if (value !== null && typeof value === "object") {
        return isSecure(value) || Object.values(value).some(containsSecure);
    }
    return false;
}
