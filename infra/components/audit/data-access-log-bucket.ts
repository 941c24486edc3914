/**
 * Where Google Cloud's Data Access audit logs are kept (data policy §10 "audit logs maintained for accountability"):
 * the project's `_Default` log bucket keeps them only 30 days, so a sink routes them to a log bucket of their own in
 * Australia that keeps them the audit retention.
 *
 * | child | setting |
 * |---|---|
 * | `gcp.logging.ProjectBucketConfig` | in the given Australian region, `retentionDays` = the audit retention, deletion prevented |
 * | `gcp.logging.ProjectSink` | every Data Access audit log entry of the project (`logName` … `cloudaudit.googleapis.com%2Fdata_access`) into that bucket, with its own writer identity |
 *
 * The `_Default` sink still copies the entries to `_Default` (30 days); this sink adds the long copy, it does not
 * move them. A log bucket in the sink's own project needs no IAM grant for the writer.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import { AUDIT_RETENTION_RULE, isAllowedAuditRetention } from "../../rules/audit-retention";
import { AU_GCP_REGIONS, isListed, REGION_RULE, type AuGcpRegion } from "../../residency";
import { checkArguments } from "../shared/argument-checks";

export interface DataAccessLogBucketArgs {
    /** The project whose Data Access logs are kept, and which holds the log bucket. */
    readonly project: string;
    /** Where the log bucket is: an Australian region. */
    readonly location: AuGcpRegion;
    /** Days the logs are kept (infra/rules/audit-retention.ts). */
    readonly retentionDays: number;
    /** Id of the log bucket. Default `data-access-audit`. */
    readonly bucketId?: string;
    /** Resources every child waits for: the Logging API (`GcpProjectServices`). Default none. */
    readonly waitFor?: readonly pulumi.Resource[];
}

/** Every Data Access audit log entry of the project (the log name URL-encodes the `/`). */
export function dataAccessFilter(project: string): string {
    return `logName="projects/${project}/logs/cloudaudit.googleapis.com%2Fdata_access"`;
}

export class DataAccessLogBucket extends pulumi.ComponentResource {
    public readonly logBucket: gcp.logging.ProjectBucketConfig;
    public readonly sink: gcp.logging.ProjectSink;

    constructor(name: string, args: DataAccessLogBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments("DataAccessLogBucket", name, opts, [
            { field: "location", value: args.location, ok: isListed(args.location, AU_GCP_REGIONS), allowed: REGION_RULE.gcp },
            { field: "retentionDays", value: args.retentionDays, ok: isAllowedAuditRetention(args.retentionDays), allowed: AUDIT_RETENTION_RULE },
        ]);
        super("data-platform:audit:DataAccessLogBucket", name, {}, opts);
        const bucketId = args.bucketId ?? "data-access-audit";
        const waitFor = [...(args.waitFor ?? [])];

        this.logBucket = new gcp.logging.ProjectBucketConfig(
            `${name}-bucket`,
            {
                project: args.project,
                location: args.location,
                bucketId,
                retentionDays: args.retentionDays,
                description: "Cloud Audit Logs Data Access entries, kept the audit retention (data policy §10)",
                // Not locked: a locked bucket's retention can never be changed again, and the retention is config.
                locked: false,
                // The trail outlives the program: a `pulumi destroy` must not delete it.
                deletionPolicy: "PREVENT",
            },
            { parent: this, protect: true, dependsOn: waitFor },
        );

        this.sink = new gcp.logging.ProjectSink(
            `${name}-sink`,
            {
                project: args.project,
                name: `${bucketId}-sink`,
                description: "Routes the Data Access audit logs to their long-retention log bucket in Australia",
                destination: pulumi.interpolate`logging.googleapis.com/projects/${args.project}/locations/${args.location}/buckets/${this.logBucket.bucketId}`,
                filter: dataAccessFilter(args.project),
                uniqueWriterIdentity: true,
            },
            { parent: this, dependsOn: waitFor },
        );
        this.registerOutputs({});
    }
}
