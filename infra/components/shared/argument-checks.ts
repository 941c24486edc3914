/**
 * The argument checks of a component whose arguments a rule bounds (data policy, CIS, a vendor limit). The config
 * schema already refuses such values; these checks refuse them from a caller that bypasses config, so that no
 * component can be built weaker than its rule.
 *
 * Call it first in the constructor, before `super()`: a refused argument then registers nothing, not even the
 * component. The error is a `pulumi.ResourceError` naming the component, its name, the field, the bad value and
 * what is allowed, in the same form as a config error:
 *
 *     ClusterBackups atlas-backups: dailyRetentionDays = 45 is not allowed; expected 30: data policy §02 …
 */
import * as pulumi from "@pulumi/pulumi";

/** One argument and its rule. */
export interface ArgumentCheck {
    /** The argument's path in the args, e.g. `primaryRegion.electableNodes` or `users[app].roles`. */
    readonly field: string;
    /** Its value, as the caller gave it. */
    readonly value: unknown;
    /** Whether the value is allowed. */
    readonly ok: boolean;
    /** What is allowed, as a noun phrase (no closing full stop). */
    readonly allowed: string;
}

/** Throws for the first check that fails; returns when every check passes. */
export function checkArguments(
    component: string,
    name: string,
    opts: pulumi.ComponentResourceOptions | undefined,
    checks: readonly ArgumentCheck[],
): void {
    const failed = checks.find((c) => !c.ok);
    if (failed) {
        throw new pulumi.ResourceError(
            `${component} ${name}: ${failed.field} = ${render(failed.value)} is not allowed; expected ${failed.allowed}.`,
            opts?.parent,
        );
    }
}

function render(value: unknown): string {
    return JSON.stringify(value) ?? String(value);
}
