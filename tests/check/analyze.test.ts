/**
 * The analysis session (infra/check/analyze.ts) as `npm run check` drives it: each registration is added while
 * the program runs, then `finish` gets the finished recording, whose registrations are copies of those (the
 * recorder adds `declaredAt` after the run). Through the real pack, counting the Analyze calls it receives.
 */
import { AnalysisSession, analyzeRecording, clientBackend } from "../../infra/check/analyze";
import { stackPolicyPackConfig, type AnalyzedResource, type PolicyPackClient } from "../../infra/check/policy-pack";
import type { Recording } from "../../infra/check/recorder";
import { policyHarness, type PolicyHarness } from "../harness/policy";
import { runStack } from "../harness/stack";

let harness: PolicyHarness;
let recording: Recording;

beforeAll(async () => {
    [harness, recording] = await Promise.all([policyHarness(), runStack({ preview: true })]);
});
afterAll(() => harness.close());

/** The worker's pack client, with every Analyze request's URN noted before it is sent. */
function countingClient(analysed: string[]): PolicyPackClient {
    const client = harness.client;
    const counting = Object.create(client) as PolicyPackClient;
    counting.analyze = (resource: AnalyzedResource) => {
        analysed.push(resource.urn);
        return client.analyze(resource);
    };
    return counting;
}

const opts = { project: "data-platform", stack: "prod", preview: true, policyPackConfig: stackPolicyPackConfig("prod")! };
const verdicts = (a: { diagnostics: readonly { d: { policyName: string; urn: string; message: string } }[] }) =>
    a.diagnostics.map(({ d }) => `${d.policyName} ${d.urn} ${d.message}`);

describe("AnalysisSession", () => {
    test("analyses each resource once when finish gets copies of the registrations added during the run", async () => {
        const analysed: string[] = [];
        const session = new AnalysisSession(clientBackend(Promise.resolve(countingClient(analysed)), opts), opts);
        for (const reg of recording.registrations) session.add(reg);
        const copies: Recording = { ...recording, registrations: recording.registrations.map((r) => ({ ...r, declaredAt: [] })) };
        const analysis = await session.finish(copies);

        const urns = recording.registrations.map((r) => r.urn);
        expect(analysed).toHaveLength(urns.length);
        expect(new Set(analysed)).toEqual(new Set(urns));
        // The same verdicts as a finished recording analysed in one go (nothing added before finish).
        expect(verdicts(analysis)).toEqual(verdicts(await analyzeRecording(harness.client, recording, opts)));
    });

    test("analyses what was not added before finish, each resource once", async () => {
        const analysed: string[] = [];
        const session = new AnalysisSession(clientBackend(Promise.resolve(countingClient(analysed)), opts), opts);
        const half = Math.floor(recording.registrations.length / 2);
        for (const reg of recording.registrations.slice(0, half)) session.add(reg);
        await session.finish({ ...recording, registrations: recording.registrations.map((r) => ({ ...r })) });

        expect([...analysed].sort()).toEqual(recording.registrations.map((r) => r.urn).sort());
    });
});
