/**
 * `Auth0LogArchive` on its own, with fixture args (data policy "10.staff-access-audit"): the bus on the partner
 * source, the rule and target, the log group with a CloudWatch-allowed retention at least the audit retention, the
 * log group's grant to EventBridge, and the refusals.
 */
import * as auth0 from "@pulumi/auth0";
import * as aws from "@pulumi/aws";
import { Auth0LogArchive, type Auth0LogArchiveArgs } from "../../../infra/components/audit/auth0-log-archive";
import type { Recording } from "../../../infra/check/recorder";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { buildAlone, tryBuildAlone } from "../../harness/build-alone";
import { childrenOf, named, providerUrn } from "../../harness/stack";

const SOURCE = "aws.partner/auth0.com/fixture-tenant/auth0.logs";
const ARGS: Omit<Auth0LogArchiveArgs, "stream"> = { partnerEventSource: SOURCE, accountId: "444455556666", region: "ap-southeast-2", retentionDays: 500 };
const TAGS = { "data-policy-clause": "10.staff-access-audit", purpose: "Auth0 tenant log stream, kept the audit retention" };

function build(args: Partial<Auth0LogArchiveArgs>) {
    return () => {
        // A stand-in for the log stream the bus waits for.
        const stream = new auth0.LogStream("stream", { type: "eventbridge", sink: { awsAccountId: "444455556666", awsRegion: "ap-southeast-2" } }, {
            provider: new auth0.Provider("auth0", {}),
        });
        return new Auth0LogArchive("a", { ...ARGS, stream, ...args }, { providers: [new aws.Provider("aws", { region: "ap-southeast-2" })] });
    };
}

describe("the archive", () => {
    let rec: Recording;
    beforeAll(async () => {
        rec = await buildAlone(build({}));
    });

    test("five children on the given AWS provider", () => {
        const provider = named(rec, "aws", TYPES.awsProvider).urn;
        const children = childrenOf(rec, named(rec, "a", "data-platform:audit:Auth0LogArchive"));
        expect(children.map((c) => ({ type: c.type, name: c.name, provider: providerUrn(c.provider) }))).toEqual([
            // Registered after the log group: the bus waits for the stream first.
            { type: "aws:cloudwatch/logGroup:LogGroup", name: "a-log-group", provider },
            { type: "aws:cloudwatch/eventBus:EventBus", name: "a-bus", provider },
            { type: "aws:cloudwatch/eventRule:EventRule", name: "a-rule", provider },
            { type: "aws:cloudwatch/logResourcePolicy:LogResourcePolicy", name: "a-log-policy", provider },
            { type: "aws:cloudwatch/eventTarget:EventTarget", name: "a-target", provider },
        ]);
    });

    test("the bus is associated with the partner event source, under its name", () => {
        expect(named(rec, "a-bus", "aws:cloudwatch/eventBus:EventBus").inputs).toEqual({
            name: SOURCE,
            eventSourceName: SOURCE,
            description: "Auth0 tenant log events (partner event source)",
            tags: TAGS,
        });
        expect(named(rec, "a-bus", "aws:cloudwatch/eventBus:EventBus").dependencies).toContain(named(rec, "stream", "auth0:index/logStream:LogStream").urn);
    });

    test("the log group keeps 545 days, the shortest CloudWatch retention of at least 500; protected", () => {
        const group = named(rec, "a-log-group", "aws:cloudwatch/logGroup:LogGroup");
        expect(group.inputs).toEqual({ name: "/aws/events/auth0-audit", retentionInDays: 545, logGroupClass: "STANDARD", tags: TAGS });
        expect(group.options.protect).toBe(true);
    });

    test("the rule matches every Auth0 event of the bus, and its target is the log group", () => {
        expect(named(rec, "a-rule", "aws:cloudwatch/eventRule:EventRule").inputs).toEqual({
            name: "auth0-every-event",
            eventBusName: SOURCE,
            description: "Every Auth0 tenant log event, to the audit log group",
            eventPattern: '{"source":[{"prefix":"aws.partner/auth0.com"}]}',
            state: "ENABLED",
            tags: TAGS,
        });
        const target = named(rec, "a-target", "aws:cloudwatch/eventTarget:EventTarget");
        expect(target.inputs).toEqual({
            rule: "auth0-every-event",
            eventBusName: SOURCE,
            arn: "arn:aws:logs:ap-southeast-2:444455556666:log-group:/aws/events/auth0-audit",
        });
        expect(target.dependencies).toContain(named(rec, "a-log-policy", "aws:cloudwatch/logResourcePolicy:LogResourcePolicy").urn);
    });

    test("the log group lets EventBridge write, from this rule only", () => {
        const policy = named(rec, "a-log-policy", "aws:cloudwatch/logResourcePolicy:LogResourcePolicy");
        expect(policy.inputs["policyName"]).toBe("a-eventbridge");
        expect(JSON.parse(policy.inputs["policyDocument"] as string)).toEqual({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "EventBridgeWritesAuth0Logs",
                    Effect: "Allow",
                    Principal: { Service: ["events.amazonaws.com", "delivery.logs.amazonaws.com"] },
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                    Resource: "arn:aws:logs:ap-southeast-2:444455556666:log-group:/aws/events/auth0-audit:*",
                    Condition: { ArnEquals: { "aws:SourceArn": `arn:aws:events:ap-southeast-2:444455556666:rule/${SOURCE}/auth0-every-event` } },
                },
            ],
        });
    });
});

test("a retention that is a CloudWatch value is kept exactly", async () => {
    const rec = await buildAlone(build({ retentionDays: 731 }));
    expect(named(rec, "a-log-group", "aws:cloudwatch/logGroup:LogGroup").inputs["retentionInDays"]).toBe(731);
});

describe("refusals (nothing of the component is registered)", () => {
    test.each([
        [{ retentionDays: 365 }, "retentionDays = 365", "a whole number from 400 to 3650; the audit trails of data policy §10 are kept at least 400 days"],
        [{ region: "us-east-1" as never }, 'region = "us-east-1"', "an Australian AWS region (ap-southeast-2 | ap-southeast-4); data policy §02 keeps data in Australia"],
        [{ logGroupName: "/auth0" }, 'logGroupName = "/auth0"', "a log group name under /aws/events/ (EventBridge delivers to CloudWatch Logs only there)"],
    ])("%j", async (args, field, allowed) => {
        const outcome = await tryBuildAlone(build(args));
        expect(outcome.error).toBe(`Auth0LogArchive a: ${field} is not allowed; expected ${allowed}.`);
        // The set, not the order: the program's independent registrations reach the monitor in the event loop's order.
        expect([...outcome.registered].sort()).toEqual(["auth0:index/logStream:LogStream", "pulumi:providers:auth0", "pulumi:providers:aws", "pulumi:pulumi:Stack"]);
    });
});
