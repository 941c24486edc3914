/**
 * Alert configurations on the operational-data project: automated monitoring of the data's integrity and of
 * the backups that protect it (data policy clauses "09.integrity-monitoring": "automated systems to monitor data
 * integrity", "09.integrity-response": "addressed promptly", and "06.operational-backup").
 *
 * Each alert goes to the one notification target from config. Event type names are the Atlas Admin API's
 * (`eventTypeName` enum of alert configurations); metric names are Atlas's host measurements.
 *
 * | child | event | fires when |
 * |---|---|---|
 * | `-backup-snapshot-failed` | `CPS_SNAPSHOT_FAILED` | a scheduled snapshot failed (§06 "backed up daily") |
 * | `-backup-copy-failed` | `CPS_COPY_SNAPSHOT_FAILED` | a snapshot copy to the second region failed (only with copies) |
 * | `-backup-restore-failed` | `CPS_RESTORE_FAILED` | a restore failed (§06 "can be restored") |
 * | `-no-primary` | `NO_PRIMARY` | the replica set has no primary: writes are failing |
 * | `-primary-elected` | `PRIMARY_ELECTED` | a failover happened |
 * | `-oplog-window` | `REPLICATION_OPLOG_WINDOW_RUNNING_OUT` (< 1 hour) | secondaries risk falling off the oplog (replication integrity) |
 * | `-cpu` | `OUTSIDE_METRIC_THRESHOLD` `NORMALIZED_SYSTEM_CPU_USER` > cpuPercent | CPU pressure |
 * | `-disk` | `OUTSIDE_METRIC_THRESHOLD` `DISK_PARTITION_SPACE_USED_DATA` > diskPercent | disk pressure (a full disk stops writes) |
 * | `-encryption-key-invalid` | `ENCRYPTION_AT_REST_CONFIG_NO_LONGER_VALID` | Atlas can no longer use the customer key (§05) |
 * | `-compliance-disable-requested` | `CPS_DATA_PROTECTION_DISABLE_REQUESTED` | someone asked to lift the Backup Compliance Policy (only with it) |
 * | `-resource-policy-violated` | `RESOURCE_POLICY_VIOLATED` | something breaks the residency guardrail (only with it) |
 *
 * Alerts match every cluster of the project: the project holds this one cluster, and a cluster added later is
 * then watched from its first minute.
 *
 * `RESOURCE_POLICY_VIOLATED` is an alertable project event: the Atlas Admin API's alert-configuration schema lists
 * it under `eventTypeName` ("Atlas Resource Policy Audit Types", schema `DefaultAlertConfigViewForNdsGroup` in the
 * Atlas Admin API v2 OpenAPI specification, as published in mongodb/atlas-sdk-go `openapi/atlas-api.yaml`; see
 * https://www.mongodb.com/docs/api/doc/atlas-admin-api-v2/operation/operation-creategroupalertconfig).
 */
import * as mongodbatlas from "@pulumi/mongodbatlas";
import * as pulumi from "@pulumi/pulumi";

/** The notification target, resolved from config and secrets (`alertNotification` in infra/areas/operational-data.ts). */
export type AlertNotificationTarget =
    | { readonly typeName: "EMAIL"; readonly emailAddress: string }
    | { readonly typeName: "PAGER_DUTY"; readonly serviceKey: pulumi.Output<string> }
    | { readonly typeName: "SLACK"; readonly channelName: string; readonly apiToken: pulumi.Output<string> };

export interface IntegrityAlertsArgs {
    /** The project whose clusters are watched. */
    readonly projectId: pulumi.Input<string>;
    readonly notification: AlertNotificationTarget;
    /** Normalized user-CPU percentage that fires the CPU alert. */
    readonly cpuPercent: number;
    /** Data-partition used-space percentage that fires the disk alert. */
    readonly diskPercent: number;
    /** Alert on failed snapshot copies (when copies are configured). */
    readonly snapshotCopies: boolean;
    /** Alert on requests to lift the Backup Compliance Policy (when it is on). */
    readonly compliancePolicy: boolean;
    /** Alert on Atlas Resource Policy violations (when the guardrail is on). */
    readonly resourcePolicy: boolean;
}

/** Minutes between repeated notifications of an unacknowledged alert (Atlas minimum: 5). */
const REPEAT_EVERY_MINUTES = 60;

type AlertSpec = Omit<mongodbatlas.AlertConfigurationArgs, "projectId" | "notifications" | "enabled">;

export class IntegrityAlerts extends pulumi.ComponentResource {
    /** Atlas's id of each alert configuration, by its name suffix (`backup-snapshot-failed`, `no-primary`, …). */
    public readonly alertConfigurationIds: Readonly<Record<string, pulumi.Output<string>>>;

    /** Each alert configuration, by its name suffix. */
    public readonly alerts: Readonly<Record<string, mongodbatlas.AlertConfiguration>>;

    constructor(name: string, args: IntegrityAlertsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("data-platform:operational-data:IntegrityAlerts", name, {}, opts);
        const specs: Record<string, AlertSpec> = {
            "backup-snapshot-failed": { eventType: "CPS_SNAPSHOT_FAILED" },
            ...(args.snapshotCopies ? { "backup-copy-failed": { eventType: "CPS_COPY_SNAPSHOT_FAILED" } } : {}),
            "backup-restore-failed": { eventType: "CPS_RESTORE_FAILED" },
            "no-primary": { eventType: "NO_PRIMARY" },
            "primary-elected": { eventType: "PRIMARY_ELECTED" },
            "oplog-window": {
                eventType: "REPLICATION_OPLOG_WINDOW_RUNNING_OUT",
                thresholdConfig: { operator: "LESS_THAN", threshold: 1, units: "HOURS" },
            },
            cpu: {
                eventType: "OUTSIDE_METRIC_THRESHOLD",
                metricThresholdConfig: {
                    metricName: "NORMALIZED_SYSTEM_CPU_USER",
                    operator: "GREATER_THAN",
                    threshold: args.cpuPercent,
                    units: "RAW",
                    mode: "AVERAGE",
                },
            },
            disk: {
                eventType: "OUTSIDE_METRIC_THRESHOLD",
                metricThresholdConfig: {
                    metricName: "DISK_PARTITION_SPACE_USED_DATA",
                    operator: "GREATER_THAN",
                    threshold: args.diskPercent,
                    units: "RAW",
                    mode: "AVERAGE",
                },
            },
            "encryption-key-invalid": { eventType: "ENCRYPTION_AT_REST_CONFIG_NO_LONGER_VALID" },
            ...(args.compliancePolicy ? { "compliance-disable-requested": { eventType: "CPS_DATA_PROTECTION_DISABLE_REQUESTED" } } : {}),
            ...(args.resourcePolicy ? { "resource-policy-violated": { eventType: "RESOURCE_POLICY_VIOLATED" } } : {}),
        };
        const notifications = [notificationInput(args.notification)];
        this.alerts = Object.fromEntries(
            Object.entries(specs).map(([suffix, spec]) => [
                suffix,
                new mongodbatlas.AlertConfiguration(
                    `${name}-${suffix}`,
                    // `enabled` defaults to false in the provider: an alert that is declared but off would be worse
                    // than none, because it looks like monitoring.
                    { projectId: args.projectId, enabled: true, ...spec, notifications },
                    { parent: this },
                ),
            ]),
        );
        this.alertConfigurationIds = Object.fromEntries(Object.entries(this.alerts).map(([suffix, a]) => [suffix, a.alertConfigurationId]));
        // Ids only: the notification tokens stay in the alert configurations' own (secret) inputs.
        this.registerOutputs({ alertConfigurationIds: this.alertConfigurationIds });
    }
}

/**
 * The notification as Atlas takes it. Tokens stay secret Outputs: `@pulumi/mongodbatlas` 4.16.0 marks no field of
 * `AlertConfiguration` secret (its `alertConfiguration.js` sets no `additionalSecretOutputs`, although the Terraform
 * schema calls `service_key` and `api_token` sensitive), so they must arrive secret. PagerDuty keeps its own repeat
 * interval, so none is sent for it (the Atlas Admin API's notification schema: "PagerDuty, VictorOps, and OpsGenie
 * notifications don't return this element"; sending one would show as a perpetual diff).
 */
function notificationInput(target: AlertNotificationTarget): mongodbatlas.types.input.AlertConfigurationNotification {
    switch (target.typeName) {
        case "EMAIL":
            return { typeName: "EMAIL", emailAddress: target.emailAddress, delayMin: 0, intervalMin: REPEAT_EVERY_MINUTES };
        case "PAGER_DUTY":
            return { typeName: "PAGER_DUTY", serviceKey: pulumi.secret(target.serviceKey), delayMin: 0 };
        case "SLACK":
            return {
                typeName: "SLACK",
                channelName: target.channelName,
                apiToken: pulumi.secret(target.apiToken),
                delayMin: 0,
                intervalMin: REPEAT_EVERY_MINUTES,
            };
    }
}
