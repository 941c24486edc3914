import { APPLICATION_ROLES, DATABASE_ACCESS_RULE, isApplicationRole, isSystemDatabase } from "../facts/rules/database-access";
import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

/** Atlas's values of `awsIamType` that make a user sign in with AWS IAM (`NONE`, the default, means a password). */
const IAM_TYPES = ["ROLE", "USER"];

/**
 * Data policy §03 "role-based access controls": an Atlas database user signs in with AWS IAM (no database password
 * to store, rotate or leak: `awsIamType` ROLE or USER, `authDatabaseName` `$external`), holds only the application
 * roles (`read` or `readWrite` on an application database, never on admin, local or config, never `atlasAdmin`,
 * `dbAdmin*`, `*AnyDatabase` or a custom role) and is scoped to named clusters, not every cluster of the project.
 */
export const atlasDatabaseUsersLeastPrivilege = resourcePolicy({
    name: "atlas-database-users-least-privilege",
    description: "Atlas database users must authenticate with AWS IAM, hold only read or readWrite on application databases, and be scoped to named clusters.",
    clauses: ["03.rbac", "05.encryption-and-access-control"],
    severity: "critical",
    remediation: `Declare database users through LeastPrivilegeDatabaseUsers: awsIamType ROLE, authDatabaseName $external, roles ${APPLICATION_ROLES.join(" or ")} on an application database, scopes naming the cluster.`,
    types: T.atlasDatabaseUser,
    validate: (args, report) => {
        const p = args.props;
        const who = `Atlas database user ${args.name}`;
        if (!IAM_TYPES.includes(p.awsIamType)) {
            report(`${who} authenticates with awsIamType ${p.awsIamType ?? "(unset: a password)"}; it must be one of ${IAM_TYPES.join(", ")} (AWS IAM, no password).`);
        }
        if (p.authDatabaseName !== "$external") {
            report(`${who} authenticates against database ${p.authDatabaseName ?? "(unset)"}; an AWS IAM user authenticates against $external.`);
        }
        const roles = (p.roles ?? []) as { roleName?: string; databaseName?: string }[];
        if (roles.length === 0) report(`${who} has no roles.`);
        for (const r of roles) {
            if (!isApplicationRole(String(r.roleName)) || isSystemDatabase(String(r.databaseName))) {
                report(`${who} holds ${r.roleName ?? "(unset)"} on ${r.databaseName ?? "(unset)"}; allowed: ${DATABASE_ACCESS_RULE}.`);
            }
        }
        const scopes = (p.scopes ?? []) as { type?: string }[];
        if (scopes.length === 0 || scopes.some((s) => s.type !== "CLUSTER")) {
            report(`${who} is not limited to named clusters (scopes of type CLUSTER): without scopes it reaches every cluster of the project.`);
        }
    },
});
