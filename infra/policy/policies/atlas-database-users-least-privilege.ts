import { APPLICATION_ROLES, DATABASE_ACCESS_RULE, isApplicationRole, isSystemDatabase } from "../facts/rules/database-access";
import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

/**
 * The `awsIamType` an application user signs in with: an IAM role's temporary credentials. Not `USER` (an IAM
 * user's long-lived access keys), nor `NONE`, the default (a password, or x509, LDAP or OIDC per the other types).
 */
const IAM_TYPES = ["ROLE"];

/** Atlas's other ways to sign in, each `NONE` (or unset) for an AWS IAM user. */
const OTHER_AUTH_TYPES = ["x509Type", "ldapAuthType", "oidcAuthType"];

/**
 * Data policy §03 "role-based access controls": an Atlas database user signs in with AWS IAM (no database password
 * to store, rotate or leak: `awsIamType` ROLE or USER, `authDatabaseName` `$external`), holds only the application
 * roles (`read` or `readWrite` on an application database, never on admin, local or config, never `atlasAdmin`,
 * `dbAdmin*`, `*AnyDatabase` or a custom role) and is scoped to named clusters, not every cluster of the project.
 * Which cluster a scope names is not paired with the stack's clusters: a scope naming another cluster of the project
 * passes (the component scopes to the operational cluster).
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
            report(`${who} authenticates with awsIamType ${p.awsIamType ?? "(unset)"}; it must be ${IAM_TYPES.join(", ")} (an AWS IAM role: no password, no long-lived key).`);
        }
        for (const other of OTHER_AUTH_TYPES) {
            if (p[other] !== undefined && p[other] !== "NONE") report(`${who} also signs in with ${other} ${p[other]}; an AWS IAM user has no other way in.`);
        }
        if (p.password !== undefined || p.passwordWo !== undefined) report(`${who} has a password; an AWS IAM user has none to leak.`);
        if (p.authDatabaseName !== "$external") {
            report(`${who} authenticates against database ${p.authDatabaseName ?? "(unset)"}; an AWS IAM user authenticates against $external.`);
        }
        const roles = (p.roles ?? []) as { roleName?: string; databaseName?: string }[];
        if (roles.length === 0) report(`${who} has no roles.`);
        for (const r of roles) {
            const database = typeof r.databaseName === "string" ? r.databaseName : "";
            if (!isApplicationRole(String(r.roleName)) || database === "" || database === "$external" || isSystemDatabase(database)) {
                report(`${who} holds ${r.roleName ?? "(unset)"} on ${r.databaseName || "(unset)"}; allowed: ${DATABASE_ACCESS_RULE}.`);
            }
        }
        const scopes = (p.scopes ?? []) as { type?: string; name?: unknown }[];
        if (scopes.length === 0 || scopes.some((s) => s.type !== "CLUSTER" || typeof s.name !== "string" || s.name === "")) {
            report(`${who} is not limited to named clusters (scopes of type CLUSTER, each naming one): without scopes it reaches every cluster of the project.`);
        }
    },
});
