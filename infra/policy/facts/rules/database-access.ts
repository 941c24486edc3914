/**
 * What an application may be granted on the operational-data cluster (data policy §03 RBAC; Atlas "Guidance for
 * Atlas Authorization"): `read` or `readWrite` on one named application database, never a role on MongoDB's own
 * databases, and never `atlasAdmin`, `dbAdmin*`, `*AnyDatabase` or a custom role.
 *
 * Read by the config schema (`data-platform:atlas.databaseUsers`), by `LeastPrivilegeDatabaseUsers` and by the
 * `atlas-database-users-least-privilege` policy.
 */

/** The built-in roles an application may hold. */
export const APPLICATION_ROLES = ["read", "readWrite"] as const;
export type ApplicationRole = (typeof APPLICATION_ROLES)[number];

/** Databases that hold MongoDB's own data: no application role may be granted on them. */
export const SYSTEM_DATABASES = ["admin", "local", "config"] as const;

/** The rule in words, for messages. */
export const DATABASE_ACCESS_RULE =
    `${APPLICATION_ROLES.join(" or ")} on an application database, never on ${SYSTEM_DATABASES.slice(0, -1).join(", ")} or ` +
    `${SYSTEM_DATABASES[SYSTEM_DATABASES.length - 1]} (data policy §03)`;

/** `true` when `database` is one of MongoDB's own. */
export function isSystemDatabase(database: string): boolean {
    return (SYSTEM_DATABASES as readonly string[]).includes(database);
}

/** `true` when `role` is one an application may hold. */
export function isApplicationRole(role: string): role is ApplicationRole {
    return (APPLICATION_ROLES as readonly string[]).includes(role);
}
