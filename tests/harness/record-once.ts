/**
 * The recording of one run, made once before the tests of the enclosing `describe` (or file) and read by all of
 * them: the `let rec; beforeAll(async () => { rec = await … })` that nearly every component and area test opens
 * with, written once. The object returned is filled in place by that `beforeAll`, so tests read it as they would the
 * recording itself; if the run fails, the `beforeAll` fails and so does every test that reads it.
 */
import type { Recording } from "../../infra/check/recorder";

export function recordOnce(run: () => Promise<Recording>): Recording {
    const rec = {} as { -readonly [K in keyof Recording]: Recording[K] };
    beforeAll(async () => {
        Object.assign(rec, await run());
    });
    return rec;
}
