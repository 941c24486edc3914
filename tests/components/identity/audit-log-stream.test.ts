/**
 * `AuditLogStream` on its own, with fixture args (data policy "10.staff-access-audit"; Auth0 "Stream Logs to Amazon
 * EventBridge"): one active EventBridge stream to the given account in the given Australian region, unfiltered (every event),
 * with no credential in the sink, named `data-policy-audit` unless told otherwise, and the partner event source Auth0
 * creates as its output. How the prod stack wires it from config is tests/areas/identity-audit-log-stream.test.ts.
 */
import { AuditLogStream, type AuditLogStreamArgs } from "../../../infra/components/identity/audit-log-stream";
import { fixtureBuild } from "../../harness/build-alone";
import { logStreamInputs } from "../../harness/expected-inputs";
import { childrenOf, named } from "../../harness/stack";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:identity:AuditLogStream";
const STREAM = "auth0:index/logStream:LogStream";

/** Fixture args: not prod's, so that a prod config edit cannot change what this file asserts. */
const ARGS: AuditLogStreamArgs = { awsAccountId: "444455556666", awsRegion: "ap-southeast-2" };

const build = fixtureBuild(ARGS, (args) => new AuditLogStream("s", args));

describe("with fixture args", () => {
    const rec = recordOnce(() => build({}));

    test("the component holds exactly the log stream, and outputs the partner event source Auth0 creates", () => {
        const component = named(rec, "s", COMPONENT);
        expect(childrenOf(rec, component).map((r) => `${r.type}::${r.name}`)).toEqual([`${STREAM}::s`]);
        expect(rec.states.get(component.urn)).toEqual({ partnerEventSource: "aws.partner/auth0.com/mock-s/auth0.logs" });
    });

    test("an active EventBridge stream named data-policy-audit, to the given account and region, with no filter and no secret", () => {
        const stream = named(rec, "s", STREAM);
        expect(stream.inputs).toEqual(logStreamInputs("444455556666", "ap-southeast-2"));
        expect(stream.secretInputs).toEqual([]);
    });
});

test("a given stream name is the Dashboard name; nothing else changes", async () => {
    const rec = await build({ streamName: "fixture-audit" });
    expect(named(rec, "s", STREAM).inputs).toEqual(logStreamInputs("444455556666", "ap-southeast-2", "fixture-audit"));
});
