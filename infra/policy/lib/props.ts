/**
 * Reading resource properties at preview, where some values are unknown.
 *
 * @pulumi/policy wraps props in a proxy that throws `UnknownValueError` when a check *reads* a value that is
 * unknown during preview; the runtime then reports "can't run policy … during preview" as an advisory, even for
 * a mandatory policy. Two ways to read, chosen per check:
 *
 * - A plain read (`args.props.enableKeyRotation`) when the value itself is what matters: if it is unknown the
 *   standard advisory is the honest answer. Our components keep such values known at preview (literals and
 *   config), so in practice these checks run.
 * - `peek` / `present` when only presence matters: they look through the property descriptor (which the proxy
 *   does not intercept), so "set, but not known until apply" (e.g. the ARN of a KMS key created in the same
 *   update) counts as set, and the mandatory check still runs at preview.
 */

/** The wire sentinels @pulumi/policy uses for unknown values (from its `proxy.ts`). */
const UNKNOWN_SENTINELS = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9", // string
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
]);

export type Peeked = { readonly state: "absent" } | { readonly state: "unknown" } | { readonly state: "known"; readonly value: unknown };

export const ABSENT: Peeked = { state: "absent" };
const UNKNOWN: Peeked = { state: "unknown" };

/** True for the preview-unknown sentinel values. */
export function isUnknownValue(v: unknown): boolean {
    return typeof v === "string" && UNKNOWN_SENTINELS.has(v);
}

/**
 * Looks up `path` (dot-separated; numeric segments index arrays) without reading through the proxy's `get`.
 * `absent` when any step is missing, null or undefined; `unknown` when a step is unknown at preview.
 */
export function peek(obj: unknown, path: string): Peeked {
    let cur: unknown = obj;
    for (const step of path.split(".")) {
        if (cur === null || cur === undefined || typeof cur !== "object") return ABSENT;
        const desc = Object.getOwnPropertyDescriptor(cur, step);
        if (!desc) return ABSENT;
        cur = desc.value;
        if (isUnknownValue(cur)) return UNKNOWN;
        if (cur === null || cur === undefined) return ABSENT;
    }
    return { state: "known", value: unwrapProxy(cur) };
}

/** `true` when `path` holds a value (known, or unknown at preview). */
export function present(obj: unknown, path: string): boolean {
    return peek(obj, path).state !== "absent";
}

/** @pulumi/policy's proxy exposes its target under this key (`proxy.ts` `getSpecialProxyTarget`). */
const PROXY_TARGET = "__getSpecialProxyTarget";

function unwrapProxy(v: unknown): unknown {
    if (v !== null && typeof v === "object") {
        try {
            const target = (v as Record<string, unknown>)[PROXY_TARGET];
            if (target !== undefined) return target;
        } catch {
            // Not one of @pulumi/policy's proxies.
        }
    }
    return v;
}

/** JSON text that may be unknown: parsed when known and valid, `undefined` otherwise. */
export function parseJson(v: unknown): unknown {
    if (typeof v !== "string" || isUnknownValue(v)) return v === undefined || isUnknownValue(v) ? undefined : v;
    try {
        return JSON.parse(v);
    } catch {
        return undefined;
    }
}

/** Whether `path` holds `true`: `"unknown"` when it is unknown at preview, `false` when absent or anything else. */
export function flag(obj: unknown, path: string): boolean | "unknown" {
    const v = peek(obj, path);
    return v.state === "unknown" ? "unknown" : v.state === "known" && v.value === true;
}

/** A peeked value for a message: the value, `(unknown at preview)`, or `absent` (default `(unset)`). */
export function shown(v: Peeked, absent = "(unset)"): string {
    return v.state === "unknown" ? "(unknown at preview)" : v.state === "absent" ? absent : String(v.value);
}
