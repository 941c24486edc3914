/**
 * `PlatformApi` on its own, with fixture args (data policy "03.rbac"; "01.tenant-managed-access"; Auth0 "Enable
 * Role-Based Access Control for APIs"): the API enforces RBAC and puts permissions in its tokens, declares exactly
 * the given permissions, and each given role gets exactly its permissions, after the API declares them. How the prod
 * stack wires it from config (the default multi-tenant SaaS roles) is tests/areas/identity-platform-api.test.ts.
 */
import { PlatformApi, type PlatformApiArgs } from "../../../infra/components/identity/platform-api";
import { buildAlone } from "../../harness/build-alone";
import { childrenOf, named } from "../../harness/stack";
import { platformApiInputs } from "../../harness/expected-inputs";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:identity:PlatformApi";
const SERVER = "auth0:index/resourceServer:ResourceServer";
const SCOPES = "auth0:index/resourceServerScopes:ResourceServerScopes";
const ROLE = "auth0:index/role:Role";
const GRANTS = "auth0:index/rolePermissions:RolePermissions";
const API = "https://fixture.example.com/api";

/** Fixture args: not prod's, so that a prod config edit cannot change what this file asserts. */
const ARGS: PlatformApiArgs = {
    identifier: API,
    displayName: "Fixture API",
    accessTokenLifetimeSeconds: 900,
    permissions: [
        { name: "read:things", description: "Read things" },
        { name: "write:things", description: "Write things" },
    ],
    roles: [
        { key: "reader", name: "Reader", description: "Reads", permissions: ["read:things"] },
        { key: "writer", name: "Writer", description: "Reads and writes", permissions: ["read:things", "write:things"] },
    ],
};

const rec = recordOnce(() => buildAlone(() => new PlatformApi("api", ARGS)));

test("the component holds the API, its permissions, and one role plus one permission set per role; outputs the identifier and role ids", () => {
    const component = named(rec, "api", COMPONENT);
    expect(childrenOf(rec, component).map((r) => `${r.type}::${r.name}`).sort()).toEqual(
        [
            `${SERVER}::api`,
            `${SCOPES}::api-permissions`,
            `${ROLE}::api-role-reader`,
            `${GRANTS}::api-role-reader-permissions`,
            `${ROLE}::api-role-writer`,
            `${GRANTS}::api-role-writer-permissions`,
        ].sort(),
    );
    expect(rec.states.get(component.urn)).toEqual({ identifier: API, roleIds: { reader: "rol_mock-api-role-reader", writer: "rol_mock-api-role-writer" } });
});

test("the API enforces RBAC and issues access tokens that carry the permissions, of the given lifetime; protected", () => {
    const api = named(rec, "api", SERVER);
    expect(api.inputs).toEqual(platformApiInputs(API, "Fixture API", 900));
    expect(api.options.protect).toBe(true);
});

test("the API declares exactly the given permissions, on the API by reference", () => {
    const scopes = named(rec, "api-permissions", SCOPES);
    expect(scopes.inputs).toEqual({
        resourceServerIdentifier: API,
        scopes: [
            { name: "read:things", description: "Read things" },
            { name: "write:things", description: "Write things" },
        ],
    });
    expect(scopes.propertyDependencies["resourceServerIdentifier"]).toEqual([named(rec, "api", SERVER).urn]);
});

test.each(ARGS.roles.map((r) => [r.key, r] as const))("%s: its name, description, protected, and exactly its permissions on the API", (key, e) => {
    const role = named(rec, `api-role-${key}`, ROLE);
    expect(role.inputs).toEqual({ name: e.name, description: e.description });
    expect(role.options.protect).toBe(true);
    const grants = named(rec, `api-role-${key}-permissions`, GRANTS);
    expect(grants.inputs).toEqual({
        roleId: `rol_mock-api-role-${key}`,
        permissions: e.permissions.map((name) => ({ name, resourceServerIdentifier: API })),
    });
    expect(grants.dependencies).toEqual(expect.arrayContaining([named(rec, "api-permissions", SCOPES).urn]));
    expect(grants.propertyDependencies["roleId"]).toEqual([role.urn]);
});

test("the access-token lifetime defaults to an hour", async () => {
    const { accessTokenLifetimeSeconds: _, ...rest } = ARGS;
    const dflt = await buildAlone(() => new PlatformApi("api", rest));
    expect(named(dflt, "api", SERVER).inputs).toMatchObject({ tokenLifetime: 3600, tokenLifetimeForWeb: 3600 });
});
