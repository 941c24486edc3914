/**
 * Pairs resources that configure another resource (S3 side resources and their bucket, an Atlas backup schedule
 * and its cluster) in one pass over the stack: O(resources + references), so it stays fast at thousands of
 * buckets.
 *
 * A side resource is paired with its target by reference first: the engine records which resources each
 * input came from (`propertyDependencies`), which is known at preview even when the value is not. A reference
 * only says where a value came from, not what it is: `bucket: trailBucket.bucket.apply(() => "other")` references
 * the trail bucket and names another. So a side resource whose value is known pairs with the target that value
 * names (its known name, or id), referenced or not, and with no other; one whose value is unknown at preview pairs
 * with the one resource of the target's type it references, or with none when it references several.
 */
import type { PolicyResource } from "@pulumi/policy";
import { peek } from "./props";

interface Referencing {
    readonly side: PolicyResource;
    readonly refs: readonly PolicyResource[];
}

export class Pairing {
    private readonly byUrn = new Map<string, Referencing[]>();
    private readonly byName = new Map<string, PolicyResource[]>();

    /**
     * @param sides resources that point at a target through `property`.
     * @param property the side resource's input naming its target (e.g. `bucket`, `clusterName`).
     */
    constructor(sides: readonly PolicyResource[], property: string) {
        for (const side of sides) {
            const refs = side.propertyDependencies[property] ?? [];
            const name = peek(side.props, property);
            if (name.state === "known" && typeof name.value === "string") push(this.byName, name.value, side);
            else if (name.state === "unknown") for (const target of refs) push(this.byUrn, target.urn, { side, refs });
        }
    }

    /** The side resources that configure `target`, whose name (if known) is `name`. */
    of(target: PolicyResource, name: string | undefined): PolicyResource[] {
        const id = peek(target.props, "id");
        const names = new Set([name, id.state === "known" ? id.value : undefined].filter((n): n is string => typeof n === "string"));
        const found = (this.byUrn.get(target.urn) ?? []).filter((r) => r.refs.filter((ref) => ref.type === target.type).length === 1).map((r) => r.side);
        for (const n of names) {
            for (const s of this.byName.get(n) ?? []) if (!found.includes(s)) found.push(s);
        }
        return found;
    }
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

/** The known string at `path` of a resource's props, if any. */
export function knownString(r: PolicyResource, path: string): string | undefined {
    const p = peek(r.props, path);
    return p.state === "known" && typeof p.value === "string" ? p.value : undefined;
}
