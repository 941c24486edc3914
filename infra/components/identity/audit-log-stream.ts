/**
 * Streams every Auth0 tenant log event to AWS EventBridge in Australia (data policy "10.staff-access-audit":
 * staff access is audited, with audit logs maintained for accountability; Auth0 "Stream Logs to Amazon EventBridge").
 *
 * `auth0.LogStream` of type `eventbridge`, active, with no filter: every category is delivered, including
 * `auth.login.*` and `auth.token_exchange.*` (who logged in to which Organization, including support staff) and
 * `management.*` (every Dashboard and Management API change, including this stack's own deployments). The
 * tenant keeps its own logs for 1–30 days depending on the plan; retention beyond that is the receiving AWS
 * account's job.
 *
 * Auth0 creates a partner event source (`partnerEventSource`) in the given account and region; it has to be
 * associated with an event bus there before events flow: infra/components/audit/auth0-log-archive.ts does that and
 * keeps the events the audit retention (docs/identity.md). The sink holds no credential.
 */
import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import type { AU_EVENTBRIDGE_REGIONS } from "../../schema/identity";

export interface AuditLogStreamArgs {
    /** The AWS account that receives the partner event source. */
    readonly awsAccountId: string;
    /** Where the event source is created: an Australian region Auth0 log streams support (the identity schema's list). */
    readonly awsRegion: (typeof AU_EVENTBRIDGE_REGIONS)[number];
    /** The stream's name in the Dashboard. Default `data-policy-audit`. */
    readonly streamName?: string;
}

export class AuditLogStream extends pulumi.ComponentResource {
    /** Name of the EventBridge partner event source Auth0 created (`aws.partner/auth0.com/…`). */
    public readonly partnerEventSource: pulumi.Output<string>;

    public readonly logStream: auth0.LogStream;

    constructor(name: string, args: AuditLogStreamArgs, opts?: pulumi.ComponentResourceOptions) {
        super("data-platform:identity:AuditLogStream", name, {}, opts);

        this.logStream = new auth0.LogStream(
            name,
            {
                name: args.streamName ?? "data-policy-audit",
                type: "eventbridge",
                status: "active",
                sink: { awsAccountId: args.awsAccountId, awsRegion: args.awsRegion },
            },
            { parent: this },
        );

        this.partnerEventSource = this.logStream.sink.awsPartnerEventSource;
        this.registerOutputs({ partnerEventSource: this.partnerEventSource });
    }
}
