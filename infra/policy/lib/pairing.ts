/**
 * Pairs resources that configure another resource (S3 side resources and their bucket, an Atlas backup schedule
 * and its cluster) in one pass over the stack: O(resources + references), so it stays fast at thousands of
 * buckets.
 *
 * A side resource is paired with its target by reference first: the engine records which resources each
 * input came from (`propertyDependencies`), which is known at preview even when the value is not. When the
 * program passes a literal name instead of a reference, the known name is matched instead.
 */
import type { PolicyResource } from "@pulumi/policy";
import { peek } from "./props";

export class Pairing {
    private readonly byUrn = new Map<string, PolicyResource[]>();
    private readonly byName = new Map<string, PolicyResource[]>();

    /**
     * @param sides resources that point at a target through `property`.
     * @param property the side resource's input naming its target (e.g. `bucket`, `clusterName`).
     */
    constructor(sides: readonly PolicyResource[], property: string) {
        for (const side of sides) {
            const refs = side.propertyDependencies[property] ?? [];
            for (const target of refs) push(this.byUrn, target.urn, side);
            const name = peek(side.props, property);
            if (refs.length === 0 && name.state === "known" && typeof name.value === "string") {
                push(this.byName, name.value, side);
            }
        }
    }

    /** The side resources that configure `target`, whose name (if known) is `name`. */
    of(target: PolicyResource, name: string | undefined): PolicyResource[] {
        const found = [...(this.byUrn.get(target.urn) ?? [])];
        if (name !== undefined) {
            for (const s of this.byName.get(name) ?? []) if (!found.includes(s)) found.push(s);
        }
        return found;
    }
}

function push(map: Map<string, PolicyResource[]>, key: string, value: PolicyResource): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}

/** The known string at `path` of a resource's props, if any. */
export function knownString(r: PolicyResource, path: string): string | undefined {
    const p = peek(r.props, path);
    return p.state === "known" && typeof p.value === "string" ? p.value : undefined;
}
