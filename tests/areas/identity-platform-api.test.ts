/**
 * How the prod stack wires the platform API (infra/areas/identity.ts), asserted exactly: RBAC under the prod config (data policy "03.rbac": all data access restricted by RBAC; "01.tenant-managed-access";
 * "10.staff-access-audit" for the support role; Auth0 "Enable Role-Based Access Control for APIs"): the platform API enforces RBAC and puts
 * permissions in its tokens; the default multi-tenant SaaS role set, each role with exactly its permissions. The
 * component on its own, with fixture args, is tests/components/identity/platform-api.test.ts.
 */
import { childrenOf, named, ofType, runStack } from "../harness/stack";
import { platformApiInputs } from "../harness/expected-inputs";
import { recordOnce } from "../harness/record-once";

const API = "https://api.allotrac.com.au";

const rec = recordOnce(() => runStack());

test("the component holds the API, its permissions, and one role plus one permission set per role", () => {
    const component = named(rec, "auth0-platform-api", "data-platform:identity:PlatformApi");
    expect(childrenOf(rec, component).map((r) => `${r.type}::${r.name}`).sort()).toEqual(
        [
            "auth0:index/resourceServer:ResourceServer::auth0-platform-api",
            "auth0:index/resourceServerScopes:ResourceServerScopes::auth0-platform-api-permissions",
            ...["tenant-owner", "tenant-admin", "member", "read-only", "support"].flatMap((k) => [
                `auth0:index/role:Role::auth0-platform-api-role-${k}`,
                `auth0:index/rolePermissions:RolePermissions::auth0-platform-api-role-${k}-permissions`,
            ]),
        ].sort(),
    );
});

test("the API enforces RBAC and issues access tokens that carry the permissions (access_token_authz)", () => {
    const api = named(rec, "auth0-platform-api", "auth0:index/resourceServer:ResourceServer");
    expect(api.inputs).toEqual(platformApiInputs(API, "Allotrac Platform API", 3600));
    expect(api.options.protect).toBe(true);
});

test("the API declares exactly the configured permissions", () => {
    const scopes = named(rec, "auth0-platform-api-permissions", "auth0:index/resourceServerScopes:ResourceServerScopes");
    expect(scopes.inputs).toEqual({
        resourceServerIdentifier: API,
        scopes: [
            { name: "read:operations", description: "Read the tenant's operational data (jobs, bookings, fleet, schedules)" },
            { name: "write:operations", description: "Create and change the tenant's operational data" },
            { name: "delete:operations", description: "Delete the tenant's operational data" },
            { name: "read:files", description: "Download the tenant's documents and attachments" },
            { name: "write:files", description: "Upload and replace the tenant's documents and attachments" },
            { name: "read:members", description: "See the tenant's members and the roles they hold" },
            { name: "manage:members", description: "Invite and remove the tenant's members and assign their roles" },
            { name: "manage:settings", description: "Change the tenant's settings and integrations" },
            { name: "manage:billing", description: "Manage the tenant's licences and billing" },
        ],
    });
    expect(scopes.propertyDependencies["resourceServerIdentifier"]).toEqual([named(rec, "auth0-platform-api", "auth0:index/resourceServer:ResourceServer").urn]);
});

describe("the default multi-tenant SaaS roles", () => {
    const ALL = ["read:operations", "write:operations", "delete:operations", "read:files", "write:files", "read:members", "manage:members", "manage:settings"];
    const expected: Record<string, { name: string; description: string; permissions: string[] }> = {
        "tenant-owner": {
            name: "Tenant Owner",
            description: "Owns the customer tenant, including its billing, members and settings",
            permissions: [...ALL, "manage:billing"],
        },
        "tenant-admin": {
            name: "Tenant Admin",
            description: "Runs the customer tenant day to day, manages its members and settings; no billing",
            permissions: ALL,
        },
        member: {
            name: "Member",
            description: "Works with the tenant's operational data and files",
            permissions: ["read:operations", "write:operations", "read:files", "write:files", "read:members"],
        },
        "read-only": {
            name: "Read-only",
            description: "Views the tenant's operational data and files without changing them",
            permissions: ["read:operations", "read:files", "read:members"],
        },
        support: {
            name: "Allotrac Support",
            description: "Allotrac staff troubleshooting for the tenant, read-only; every login is in the audit log",
            permissions: ["read:operations", "read:files", "read:members"],
        },
    };

    test("exactly these five roles exist, each protected", () => {
        const roles = ofType(rec, "auth0:index/role:Role");
        expect(roles.map((r) => r.inputs["name"]).sort()).toEqual(Object.values(expected).map((e) => e.name).sort());
        for (const r of roles) {
            expect({ role: r.name, protect: r.options.protect }).toEqual({ role: r.name, protect: true });
        }
    });

    test.each(Object.keys(expected))("%s: its name, description and exactly its permissions on the platform API", (key) => {
        const e = expected[key]!;
        const role = named(rec, `auth0-platform-api-role-${key}`, "auth0:index/role:Role");
        expect(role.inputs).toEqual({ name: e.name, description: e.description });
        const grants = named(rec, `auth0-platform-api-role-${key}-permissions`, "auth0:index/rolePermissions:RolePermissions");
        expect(grants.inputs).toEqual({
            roleId: `rol_mock-auth0-platform-api-role-${key}`,
            permissions: e.permissions.map((name) => ({ name, resourceServerIdentifier: API })),
        });
        // Granted only after the API declares the permissions, and to this role by reference.
        expect(grants.dependencies).toEqual(
            expect.arrayContaining([named(rec, "auth0-platform-api-permissions", "auth0:index/resourceServerScopes:ResourceServerScopes").urn]),
        );
        expect(grants.propertyDependencies["roleId"]).toEqual([role.urn]);
    });

    test("the support role cannot change tenant data, members or settings (staff access, data policy §10)", () => {
        const grants = named(rec, "auth0-platform-api-role-support-permissions", "auth0:index/rolePermissions:RolePermissions");
        const names = (grants.inputs["permissions"] as { name: string }[]).map((p) => p.name);
        expect(names.filter((n) => !n.startsWith("read:"))).toEqual([]);
    });
});
