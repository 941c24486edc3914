/**
 * Who may reach the operational-data project over the network, and the database audit log (data policy clauses
 * "05.encryption-and-access-control": "access control mechanisms", and "10.staff-access-audit": "with audit logs
 * maintained for accountability").
 *
 * | child | setting |
 * |---|---|
 * | `mongodbatlas.ProjectIpAccessList`, one per entry | exactly the CIDR blocks in config (validated: never 0.0.0.0/0, nothing wider than /16, public ranges no wider than /24) |
 * | `mongodbatlas.Auditing` | on, with {@link AUDIT_FILTER}; successful authorization checks are not logged (Atlas warns of their performance cost), failed ones are |
 *
 * Each access-list entry is named after its CIDR block, not its position, so reordering the list in config
 * changes nothing in Atlas.
 *
 * What the Atlas audit log does not show: database-user changes (Atlas makes them directly in `admin`) and which
 * Atlas UI user acted (UI actions run as `mms-automation`). The Project Activity Feed records both; see
 * docs/operational-data.md "Audit trail".
 */
import * as mongodbatlas from "@pulumi/mongodbatlas";
import * as pulumi from "@pulumi/pulumi";
import { NETWORK_ACCESS_RULE, networkAccessProblem } from "../../network";
import { checkArguments } from "../shared/argument-checks";

export interface AccessListEntry {
    /** IPv4 CIDR block (validated by the config schema). */
    readonly cidr: string;
    /** Whose network this is. */
    readonly comment: string;
}

export interface ProjectNetworkAndAuditArgs {
    /** The project (pass `OperationalCluster.projectId`: Atlas audits M10+ clusters, so audit once one exists). */
    readonly projectId: pulumi.Input<string>;
    /** The project's IP access list. */
    readonly ipAccessList: readonly AccessListEntry[];
}

/**
 * Audit events recorded (MongoDB audit `atype` values): every authentication and logout (who connected, as which
 * user, from where), every authorization failure (`authCheck` successes are off), and changes to databases,
 * collections and indexes.
 */
export const AUDITED_EVENTS = [
    "authenticate",
    "logout",
    "authCheck",
    "createDatabase",
    "dropDatabase",
    "createCollection",
    "renameCollection",
    "dropCollection",
    "createIndex",
    "dropIndex",
] as const;

/** The audit filter document (MongoDB "Configure Audit Filters"). */
export const AUDIT_FILTER = { atype: { $in: [...AUDITED_EVENTS] } };

export class ProjectNetworkAndAudit extends pulumi.ComponentResource {
    /** The CIDR blocks on the project's IP access list, in config order. */
    public readonly accessListCidrs: readonly pulumi.Output<string>[];
    /** Whether database auditing is on, as Atlas reports it. */
    public readonly auditingEnabled: pulumi.Output<boolean>;

    public readonly accessList: readonly mongodbatlas.ProjectIpAccessList[];
    public readonly auditing: mongodbatlas.Auditing;

    constructor(name: string, args: ProjectNetworkAndAuditArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments(
            "ProjectNetworkAndAudit",
            name,
            opts,
            args.ipAccessList.map((entry, i) => {
                const problem = networkAccessProblem(entry.cidr);
                return { field: `ipAccessList[${i}].cidr`, value: entry.cidr, ok: problem === undefined, allowed: `${NETWORK_ACCESS_RULE}; this one is ${problem}` };
            }),
        );
        super("data-platform:operational-data:ProjectNetworkAndAudit", name, {}, opts);
        this.accessList = args.ipAccessList.map(
            (entry) =>
                new mongodbatlas.ProjectIpAccessList(
                    `${name}-ip-${entry.cidr.replace(/[./]/g, "-")}`,
                    { projectId: args.projectId, cidrBlock: entry.cidr, comment: entry.comment },
                    { parent: this },
                ),
        );
        this.auditing = new mongodbatlas.Auditing(
            `${name}-auditing`,
            {
                projectId: args.projectId,
                enabled: true,
                auditAuthorizationSuccess: false,
                auditFilter: JSON.stringify(AUDIT_FILTER),
            },
            { parent: this },
        );
        this.accessListCidrs = this.accessList.map((entry) => entry.cidrBlock);
        this.auditingEnabled = this.auditing.enabled;
        this.registerOutputs({ accessListCidrs: this.accessListCidrs, auditingEnabled: this.auditingEnabled });
    }
}
