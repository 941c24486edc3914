/**
 * How the prod stack wires the Auth0 audit log stream (infra/areas/identity.ts), asserted exactly (data policy
 * "10.staff-access-audit"; Auth0 "Stream Logs to Amazon EventBridge"): every tenant log event to AWS EventBridge in
 * Sydney, active, unfiltered, with no credential in the sink. The component on its own, with fixture args, is
 * tests/components/identity/audit-log-stream.test.ts.
 */
import { childrenOf, named, runStack } from "../harness/stack";
import { recordOnce } from "../harness/record-once";
import { logStreamInputs } from "../harness/expected-inputs";

const rec = recordOnce(() => runStack());

test("the component holds exactly the log stream", () => {
    const component = named(rec, "auth0-audit-log-stream", "data-platform:identity:AuditLogStream");
    expect(childrenOf(rec, component).map((r) => r.type)).toEqual(["auth0:index/logStream:LogStream"]);
});

test("an active EventBridge stream in ap-southeast-2, to the configured account, with no filter (every event)", () => {
    const stream = named(rec, "auth0-audit-log-stream", "auth0:index/logStream:LogStream");
    expect(stream.inputs).toEqual(logStreamInputs("111122223333", "ap-southeast-2"));
    expect(stream.secretInputs).toEqual([]);
});

test("the partner event source Auth0 creates is a stack output, for the AWS side to attach an event bus", () => {
    expect((rec.outputs["identity"] as Record<string, unknown>)["auditLogPartnerEventSource"]).toBe(
        "aws.partner/auth0.com/mock-auth0-audit-log-stream/auth0.logs",
    );
});
