/** A Recording as JSON (its `states` Map as an object), for the prod recording shared by the test files. */
import type { Recording } from "../../infra/check/recorder";

export function serialize(rec: Recording): string {
    return JSON.stringify({ ...rec, states: Object.fromEntries(rec.states) });
}

export function deserialize(json: string): Recording {
    const raw = JSON.parse(json) as Omit<Recording, "states"> & { states: Record<string, Record<string, unknown>> };
    return { ...raw, states: new Map(Object.entries(raw.states)) };
}
