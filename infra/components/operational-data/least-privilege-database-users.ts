/**
 * Application database users with least privilege (data policy clause "03.rbac": "All data access is restricted
 * by role-based access controls", and "05.encryption-and-access-control").
 *
 * | per user | setting |
 * |---|---|
 * | authentication | AWS IAM (`awsIamType: ROLE`, `authDatabaseName: $external`): the application signs in with its IAM role's temporary credentials, so there is no database password to store, rotate or leak |
 * | roles | only `read` or `readWrite`, each on one named application database (optionally one collection); never `atlasAdmin`, `dbAdmin*` or `*AnyDatabase` |
 * | scope | this cluster only (`scopes: [{type: CLUSTER}]`), not every cluster of the project |
 *
 * Staff do not get database users here: their access is through Atlas (SSO, project roles) and is audited
 * (docs/operational-data.md "Staff access").
 */
import * as mongodbatlas from "@pulumi/mongodbatlas";
import * as pulumi from "@pulumi/pulumi";
import type { ClauseId } from "../../clauses";
import { DATABASE_ACCESS_RULE, isApplicationRole, isSystemDatabase, type ApplicationRole } from "../../rules/database-access";
import { checkArguments } from "../shared/argument-checks";

const CLAUSE: ClauseId = "03.rbac";

export type { ApplicationRole };

export interface DatabaseGrant {
    /** An application database (never `admin`, `local` or `config`). */
    readonly database: string;
    /** Limit the grant to one collection. Default: the whole database. */
    readonly collection?: string;
    readonly role: ApplicationRole;
}

export interface ApplicationDatabaseUser {
    /** Logical key, part of the URN (`<component>-<key>`). */
    readonly key: string;
    /** ARN of the IAM role the application assumes; it is the database user name. */
    readonly awsIamRoleArn: string;
    readonly roles: readonly DatabaseGrant[];
}

export interface LeastPrivilegeDatabaseUsersArgs {
    /** The project (`OperationalCluster.projectId`). */
    readonly projectId: pulumi.Input<string>;
    /** The only cluster the users may reach (`OperationalCluster.clusterName`). */
    readonly clusterName: pulumi.Input<string>;
    readonly users: readonly ApplicationDatabaseUser[];
}

export class LeastPrivilegeDatabaseUsers extends pulumi.ComponentResource {
    /** Each user's database user name (the application's IAM role ARN), by key. */
    public readonly usernames: Readonly<Record<string, pulumi.Output<string>>>;

    /** Each user, by key. */
    public readonly users: Readonly<Record<string, mongodbatlas.DatabaseUser>>;

    constructor(name: string, args: LeastPrivilegeDatabaseUsersArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments(
            "LeastPrivilegeDatabaseUsers",
            name,
            opts,
            args.users.flatMap((user) =>
                user.roles.map((grant, i) => ({
                    field: `users[${user.key}].roles[${i}]`,
                    value: { database: grant.database, role: grant.role },
                    ok: isApplicationRole(grant.role) && !isSystemDatabase(grant.database),
                    allowed: DATABASE_ACCESS_RULE,
                })),
            ),
        );
        super("data-platform:operational-data:LeastPrivilegeDatabaseUsers", name, {}, opts);
        const users: Record<string, mongodbatlas.DatabaseUser> = {};
        const usernames: Record<string, pulumi.Output<string>> = {};
        for (const user of args.users) {
            users[user.key] = new mongodbatlas.DatabaseUser(
                `${name}-${user.key}`,
                {
                    projectId: args.projectId,
                    username: user.awsIamRoleArn,
                    authDatabaseName: "$external",
                    awsIamType: "ROLE",
                    roles: user.roles.map((g) => ({
                        roleName: g.role,
                        databaseName: g.database,
                        ...(g.collection !== undefined ? { collectionName: g.collection } : {}),
                    })),
                    scopes: [{ name: args.clusterName, type: "CLUSTER" }],
                    labels: [{ key: "data-policy-clause", value: CLAUSE }],
                },
                { parent: this },
            );
            usernames[user.key] = users[user.key]!.username;
        }
        this.users = users;
        this.usernames = usernames;
        // User names are IAM role ARNs, not credentials (IAM authentication: no password exists).
        this.registerOutputs({ usernames: this.usernames });
    }
}
