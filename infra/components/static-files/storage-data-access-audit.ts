/**
 * Cloud Audit Logs "Data Access" logs for Cloud Storage in a project: who read, wrote or administered which
 * object, kept by Google in the project's `_Default` log bucket (data policy §10 "audit logs maintained for
 * accountability"; CIS GCP 2.1). Admin Activity logs are always on; Data Access logs are off until enabled.
 *
 * `gcp.projects.IAMAuditConfig` is authoritative for one service in one project, so declare this once per
 * project, never per bucket.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";

export interface StorageDataAccessAuditArgs {
    /** Project whose Cloud Storage access is logged. */
    readonly project: string;
    /**
     * Resources every child waits for (`dependsOn`): the project services (`GcpProjectServices`) whose APIs the
     * children call. Default none.
     */
    readonly waitFor?: readonly pulumi.Resource[];
}

/** The three Data Access log types; no exempted members. */
export const STORAGE_AUDIT_LOG_TYPES = ["ADMIN_READ", "DATA_READ", "DATA_WRITE"] as const;

export class StorageDataAccessAudit extends pulumi.ComponentResource {
    public readonly auditConfig: gcp.projects.IAMAuditConfig;

    constructor(name: string, args: StorageDataAccessAuditArgs, opts?: pulumi.ComponentResourceOptions) {
        super("data-platform:static-files:StorageDataAccessAudit", name, {}, opts);
        this.auditConfig = new gcp.projects.IAMAuditConfig(
            name,
            {
                project: args.project,
                service: "storage.googleapis.com",
                auditLogConfigs: STORAGE_AUDIT_LOG_TYPES.map((logType) => ({ logType })),
            },
            { parent: this, dependsOn: [...(args.waitFor ?? [])] },
        );
        this.registerOutputs({});
    }
}
