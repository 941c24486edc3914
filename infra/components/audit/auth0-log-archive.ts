/**
 * Keeps the Auth0 tenant's log stream (data policy §10 "audit logs maintained for accountability"; who logged in to
 * which customer Organization, every Management API change) in Australia for the audit retention. The tenant itself
 * keeps its logs 1–30 days; the stream (infra/components/identity/audit-log-stream.ts) only creates a partner event
 * source, and events are dropped until a bus is associated with it.
 *
 * | child | setting |
 * |---|---|
 * | `aws.cloudwatch.EventBus` | associated with the partner event source (its name is the source's name, as AWS requires) |
 * | `aws.cloudwatch.LogGroup` | `/aws/events/…` in the provider's Australian region, kept the shortest CloudWatch retention ≥ the audit retention, protected |
 * | `aws.cloudwatch.LogResourcePolicy` | EventBridge may write to that log group, from this rule only (`aws:SourceArn`) |
 * | `aws.cloudwatch.EventRule` + `EventTarget` | every event of the bus (source `aws.partner/auth0.com…`) into the log group |
 *
 * CloudWatch accepts only some retention periods (400, 545, 731, … days; infra/rules/audit-retention.ts): a config
 * value between two of them is rounded up, never down.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import type { ClauseId } from "../../clauses";
import { AUDIT_RETENTION_RULE, cloudWatchRetentionAtLeast, isAllowedAuditRetention } from "../../rules/audit-retention";
import { AU_AWS_REGIONS, isListed, REGION_RULE, type AuAwsRegion } from "../../residency";
import { checkArguments } from "../shared/argument-checks";

const CLAUSE: ClauseId = "10.staff-access-audit";

export interface Auth0LogArchiveArgs {
    /** The partner event source the Auth0 log stream created (`aws.partner/auth0.com/…`). */
    readonly partnerEventSource: pulumi.Input<string>;
    /** The account and region of the AWS provider: where the source was created and the logs are kept. */
    readonly accountId: string;
    readonly region: AuAwsRegion;
    /** Days the logs are kept at least (infra/rules/audit-retention.ts). */
    readonly retentionDays: number;
    /** Log group name, under `/aws/events/` (EventBridge writes only there). Default `/aws/events/auth0-audit`. */
    readonly logGroupName?: string;
    /**
     * The log stream itself: the bus waits for it (AWS has no partner source to associate until Auth0 creates it),
     * and the dependency names the stream even where the source's name is not yet known (at preview).
     */
    readonly stream: pulumi.Resource;
}

/** The rule's name on the partner bus. */
const RULE_NAME = "auth0-every-event";

export class Auth0LogArchive extends pulumi.ComponentResource {
    public readonly eventBus: aws.cloudwatch.EventBus;
    public readonly logGroup: aws.cloudwatch.LogGroup;
    public readonly logPolicy: aws.cloudwatch.LogResourcePolicy;
    public readonly rule: aws.cloudwatch.EventRule;
    public readonly target: aws.cloudwatch.EventTarget;

    constructor(name: string, args: Auth0LogArchiveArgs, opts?: pulumi.ComponentResourceOptions) {
        const logGroupName = args.logGroupName ?? "/aws/events/auth0-audit";
        checkArguments("Auth0LogArchive", name, opts, [
            { field: "region", value: args.region, ok: isListed(args.region, AU_AWS_REGIONS), allowed: REGION_RULE.aws },
            { field: "retentionDays", value: args.retentionDays, ok: isAllowedAuditRetention(args.retentionDays), allowed: AUDIT_RETENTION_RULE },
            {
                field: "logGroupName",
                value: logGroupName,
                ok: /^\/aws\/events\/[A-Za-z0-9_\-/.#]{1,480}$/.test(logGroupName),
                allowed: "a log group name under /aws/events/ (EventBridge delivers to CloudWatch Logs only there)",
            },
        ]);
        super("data-platform:audit:Auth0LogArchive", name, {}, opts);
        const tags = { "data-policy-clause": CLAUSE, purpose: "Auth0 tenant log stream, kept the audit retention" };

        this.eventBus = new aws.cloudwatch.EventBus(
            `${name}-bus`,
            { name: args.partnerEventSource, eventSourceName: args.partnerEventSource, description: "Auth0 tenant log events (partner event source)", tags },
            { parent: this, dependsOn: [args.stream] },
        );
        this.logGroup = new aws.cloudwatch.LogGroup(
            `${name}-log-group`,
            { name: logGroupName, retentionInDays: cloudWatchRetentionAtLeast(args.retentionDays), logGroupClass: "STANDARD", tags },
            { parent: this, protect: true },
        );
        this.rule = new aws.cloudwatch.EventRule(
            `${name}-rule`,
            {
                name: RULE_NAME,
                eventBusName: this.eventBus.name,
                description: "Every Auth0 tenant log event, to the audit log group",
                // Every event Auth0 delivers has the partner source as `source`: this pattern matches all of them.
                eventPattern: JSON.stringify({ source: [{ prefix: "aws.partner/auth0.com" }] }),
                state: "ENABLED",
                tags,
            },
            { parent: this },
        );
        const ruleArn = pulumi.interpolate`arn:aws:events:${args.region}:${args.accountId}:rule/${this.eventBus.name}/${RULE_NAME}`;
        this.logPolicy = new aws.cloudwatch.LogResourcePolicy(
            `${name}-log-policy`,
            {
                policyName: `${name}-eventbridge`,
                policyDocument: pulumi.jsonStringify({
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "EventBridgeWritesAuth0Logs",
                            Effect: "Allow",
                            Principal: { Service: ["events.amazonaws.com", "delivery.logs.amazonaws.com"] },
                            Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
                            Resource: `arn:aws:logs:${args.region}:${args.accountId}:log-group:${logGroupName}:*`,
                            Condition: { ArnEquals: { "aws:SourceArn": ruleArn } },
                        },
                    ],
                }),
            },
            { parent: this },
        );
        this.target = new aws.cloudwatch.EventTarget(
            `${name}-target`,
            {
                rule: this.rule.name,
                eventBusName: this.eventBus.name,
                arn: pulumi.interpolate`arn:aws:logs:${args.region}:${args.accountId}:log-group:${this.logGroup.name}`,
            },
            // EventBridge can write only once the log group grants it.
            { parent: this, dependsOn: [this.logPolicy] },
        );
        this.registerOutputs({});
    }
}
