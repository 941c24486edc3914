/**
 * The {@link ProgramError} a run fails with, for the build-alone and whole-stack harnesses alike. Apart from
 * build-alone.ts so that stack.ts, which runs programs through the program server, does not load the recorder and
 * with it the Pulumi runtime into every test file that only reads recordings.
 */
import { ProgramError } from "../../infra/check/program-error";

/**
 * The {@link ProgramError} `run` fails with (any other error is rethrown); if it succeeds, an error saying
 * `succeeded`.
 */
export async function programErrorOf(run: Promise<unknown>, succeeded: string): Promise<ProgramError> {
    try {
        await run;
    } catch (e) {
        if (e instanceof ProgramError) return e;
        throw e;
    }
    throw new Error(succeeded);
}
