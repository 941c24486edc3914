/**
 * Pairs resources that configure another resource (S3 side resources and their bucket, an Atlas backup schedule
 * and its cluster) in one pass over the stack: O(resources + references), so it stays fast at thousands of
 * buckets.
 *
 * A side resource is paired with its target by reference first: the engine records which resources each
 * input came from (`propertyDependencies`), which is known at preview even when the value is not. A reference
 * only says where a value came from, not what it is: `bucket: trailBucket.bucket.apply(() => "other")` references
 * the trail bucket and names another. So a side resource whose value is known pairs with a referenced target only
 * when the value is the target's known name (or id); one whose value is unknown, only when the target is the one
 * resource of its type it references. When the program passes a literal name instead of a reference, the known
 * name is matched instead.
 */
import type { PolicyResource } from "@pulumi/policy";
import { peek } from "./props";

interface Referencing {
    readonly side: PolicyResource;
    /** The side resource's known value, `undefined` when unknown at preview. */
    readonly value: string | undefined;
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
            const known = name.state === "known" && typeof name.value === "string" ? name.value : undefined;
            for (const target of refs) push(this.byUrn, target.urn, { side, value: known, refs });
            if (refs.length === 0 && known !== undefined) push(this.byName, known, side);
        }
    }

    /** The side resources that configure `target`, whose name (if known) is `name`. */
    of(target: PolicyResource, name: string | undefined): PolicyResource[] {
        const id = peek(target.props, "id");
        const names = [name, id.state === "known" ? id.value : undefined].filter((n): n is string => typeof n === "string");
        const found = (this.byUrn.get(target.urn) ?? [])
            .filter((r) => (r.value === undefined ? r.refs.filter((ref) => ref.type === target.type).length === 1 : names.includes(r.value)))
            .map((r) => r.side);
        if (name !== undefined) {
            for (const s of this.byName.get(name) ?? []) if (!found.includes(s)) found.push(s);
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
