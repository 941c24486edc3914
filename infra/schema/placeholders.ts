/**
 * Values in a stack file that stand in for production values nobody has recorded yet (an AWS account id, the
 * Atlas organization, the NAT gateways' addresses…). The prod stack needs them to validate, preview and be
 * checked offline; it must never *deploy* with them. `loadConfig()` refuses them when the program runs for a
 * real `pulumi up`, warns at a real `pulumi preview`, and `npm run check` lists them in its report.
 *
 * A placeholder is recognised by its form, so one cannot be mistaken for a real value:
 */
const PATTERNS: readonly { readonly test: (value: string) => boolean; readonly why: string }[] = [
    { test: (v) => /\b(111122223333|123456789012)\b/.test(v), why: "an example AWS account id or GCP project number from the vendors' documentation" },
    {
        test: (v) => /^(192\.0\.2|198\.51\.100|203\.0\.113)\.\d{1,3}(\/\d{1,2})?$/.test(v),
        why: "an RFC 5737 documentation address range, which no real network uses",
    },
    { test: (v) => /^0+$/.test(v), why: "an all-zero id" },
    { test: (v) => /PLACEHOLDER/i.test(v), why: "marked PLACEHOLDER" },
];

export interface Placeholder {
    /** Full key and path, e.g. `data-platform:aws.accountId`. */
    readonly key: string;
    readonly value: string;
    /** Why it is taken for a placeholder. */
    readonly why: string;
}

/**
 * Why `value` is taken for a placeholder, or `undefined` when it is not one. Used where a placeholder would make a
 * provider *fail* at preview (an account the AWS provider checks, a role it assumes): the program leaves such a
 * value out of the provider's configuration, and `loadConfig()` still refuses it at `pulumi up`.
 */
export function placeholderReason(value: string): string | undefined {
    return PATTERNS.find((p) => p.test(value))?.why;
}

/** Every placeholder in the stack config (`namespace:key` → value, objects walked), in key order. */
export function findPlaceholders(config: Readonly<Record<string, unknown>>): Placeholder[] {
    const found: Placeholder[] = [];
    const walk = (value: unknown, key: string) => {
        if (typeof value === "string") {
            const why = placeholderReason(value);
            if (why !== undefined) found.push({ key, value, why });
        } else if (Array.isArray(value)) {
            value.forEach((v, i) => walk(v, `${key}[${i}]`));
        } else if (value !== null && typeof value === "object") {
            for (const [k, v] of Object.entries(value)) walk(v, `${key}.${k}`);
        }
    };
    for (const key of Object.keys(config).sort()) walk(config[key], key);
    return found;
}
