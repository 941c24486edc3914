/**
 * Building blocks for the stack-config schemas. Every error message here is a noun phrase saying what is
 * allowed; `infra/config.ts` puts the key and the bad value in front of it.
 */
import { z } from "zod";
import { NETWORK_ACCESS_RULE, networkAccessProblem } from "../network";
import { AU_AWS_REGIONS, AU_GCP_REGIONS, REGION_RULE } from "../residency";

/** An AWS region in Australia (data policy §02 keeps data in Australia). */
export const awsRegion = z.enum(AU_AWS_REGIONS, { error: REGION_RULE.aws });

/** A Google Cloud region in Australia. */
export const gcpRegion = z.enum(AU_GCP_REGIONS, { error: REGION_RULE.gcp });

/** A whole number within bounds, with the bounds in the message. */
export function intBetween(min: number, max: number, why = ""): z.ZodNumber {
    const msg = `a whole number from ${min} to ${max}${why ? `; ${why}` : ""}`;
    return z.number({ error: msg }).int({ error: msg }).min(min, { error: msg }).max(max, { error: msg });
}

/** A short logical key used in resource names (URNs), so it must never change once deployed. */
export const logicalKey = z
    .string({ error: "a logical key: lower-case letters, digits and '-', 2–30 characters, starting with a letter" })
    .regex(/^[a-z][a-z0-9-]{1,29}$/, {
        error: "a logical key: lower-case letters, digits and '-', 2–30 characters, starting with a letter",
    });

/** Free text that describes why something exists (shown in tags, labels and reports). */
export const purpose = z
    .string({ error: "a sentence saying what the resource holds (8–200 characters)" })
    .min(8, { error: "a sentence saying what the resource holds (8–200 characters)" })
    .max(200, { error: "a sentence saying what the resource holds (8–200 characters)" });

/** Lists whose entries are identified by `key` must not repeat a key (it would collide in the URNs). */
export function uniqueKeys<T extends { key: string }>(items: T[], ctx: z.RefinementCtx): void {
    uniqueBy<T>("key", "a key not used by another entry of this list")(items, ctx);
}

/** A CIDR block that may reach a stateful service (see infra/network.ts for the rule). */
export const networkAccessCidr: z.ZodType<string> = z
    .string({ error: NETWORK_ACCESS_RULE })
    .refine((cidr) => networkAccessProblem(cidr) === undefined, { error: NETWORK_ACCESS_RULE });

/** Lists whose entries are identified by `field` must not repeat a value of it (it would collide). */
export function uniqueBy<T>(field: keyof T & string, what = `a ${field} not used by another entry of this list`) {
    return (items: readonly T[], ctx: z.RefinementCtx): void => {
        const seen = new Set<unknown>();
        items.forEach((item, i) => {
            const value = item[field];
            if (seen.has(value)) ctx.addIssue({ code: "custom", path: [i, field], input: value, message: what });
            seen.add(value);
        });
    };
}
