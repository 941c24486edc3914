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

const CLAUSE: ClauseId = "03.rbac";

/** The built-in roles an application may hold. */
export type ApplicationRole = "read" | "readWrite";

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

const APPLICATION_ROLES: readonly string[] = ["read", "readWrite"] satisfies ApplicationRole[];
const SYSTEM_DATABASES: readonly string[] = ["admin", "local", "config"];

export class LeastPrivilegeDatabaseUsers extends pulumi.ComponentResource {
    /** Each user's database user name (the application's IAM role ARN), by key. */
    public readonly usernames: Readonly<Record<string, pulumi.Output<string>>>;

    /** Each user, by key. */
    public readonly users: Readonly<Record<string, mongodbatlas.DatabaseUser>>;

    constructor(name: string, args: LeastPrivilegeDatabaseUsersArgs, opts?: pulumi.ComponentResourceOptions) {
        // The type and the config schema already say so; a caller that casts around them is refused here, before
        // anything, this component included, is registered.
        for (const user of args.users) {
            for (const grant of user.roles) {
                if (!APPLICATION_ROLES.includes(grant.role) || SYSTEM_DATABASES.includes(grant.database)) {
                    throw new pulumi.RunError(
                        `LeastPrivilegeDatabaseUsers ${name}: users[${user.key}].roles role = ${grant.role} on database ${grant.database} is not allowed; ` +
                            `expected ${APPLICATION_ROLES.join(" or ")} on an application database, never on admin, local or config (data policy §03).`,
                    );
                }
            }
        }
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
