/**
 * The Auth0 provider and how the identity components are wired to it (data policy "02.identity-data"): one
 * explicit provider on the canonical Australian tenant domain, every Auth0 resource on it, the deploy client's
 * secret kept secret, and stack outputs that carry ids and names only.
 */
import { UNKNOWN } from "../../infra/check/recorder";
import { named, providerUrn, runStack } from "../harness/stack";
import { recordOnce } from "../harness/record-once";

const SECRET = "offline-test-value-of-the-auth0-client-secret";

const rec = recordOnce(() => runStack({ secrets: { "auth0:clientSecret": SECRET } }));

/** Every registration whose type is an Auth0 resource (not the provider itself). */
function auth0Resources() {
    return rec.registrations.filter((r) => r.type.startsWith("auth0:"));
}

test("one Auth0 provider, on the canonical Australian tenant domain, with the deploy client's credentials", () => {
    const providers = rec.registrations.filter((r) => r.type === "pulumi:providers:auth0");
    expect(providers.map((p) => p.name)).toEqual(["auth0-au"]);
    expect(providers[0]!.inputs).toEqual({
        domain: "allotrac.au.auth0.com",
        clientId: "PLACEHOLDERdeployClientId0000001",
        clientSecret: SECRET,
    });
});

test("the client secret reaches the provider as a secret, and nowhere else", () => {
    const provider = named(rec, "auth0-au", "pulumi:providers:auth0");
    expect(provider.secretInputs).toEqual(["clientSecret"]);
    const elsewhere = rec.registrations.filter((r) => r !== provider && JSON.stringify(r.inputs).includes(SECRET));
    expect(elsewhere.map((r) => r.name)).toEqual([]);
    expect(JSON.stringify(rec.outputs)).not.toContain(SECRET);
});

test("without secret config the provider gets no secret input (the plugin then reads AUTH0_CLIENT_SECRET)", async () => {
    const plain = await runStack();
    expect(named(plain, "auth0-au", "pulumi:providers:auth0").inputs).toEqual({
        domain: "allotrac.au.auth0.com",
        clientId: "PLACEHOLDERdeployClientId0000001",
    });
});

test("every Auth0 resource uses that provider (default providers are disabled) and sits in an identity component", () => {
    const provider = named(rec, "auth0-au", "pulumi:providers:auth0");
    const resources = auth0Resources();
    expect(resources.map((r) => r.type).sort()).toEqual(
        [
            "auth0:index/attackProtection:AttackProtection",
            "auth0:index/client:Client",
            "auth0:index/clientCredentials:ClientCredentials",
            "auth0:index/connection:Connection",
            "auth0:index/connectionClients:ConnectionClients",
            "auth0:index/guardian:Guardian",
            "auth0:index/logStream:LogStream",
            "auth0:index/resourceServer:ResourceServer",
            "auth0:index/resourceServerScopes:ResourceServerScopes",
            ...Array<string>(5).fill("auth0:index/role:Role"),
            ...Array<string>(5).fill("auth0:index/rolePermissions:RolePermissions"),
            "auth0:index/tenant:Tenant",
        ].sort(),
    );
    for (const r of resources) {
        const parent = rec.registrations.find((p) => p.urn === r.parent);
        expect({ name: r.name, provider: providerUrn(r.provider), parentType: parent?.type.split(":").slice(0, 2).join(":") }).toEqual({
            name: r.name,
            provider: provider.urn,
            parentType: "data-platform:identity",
        });
    }
});

test("at preview, the tenant domain and every security setting are known (only ids Auth0 assigns are not)", async () => {
    const preview = await runStack({ preview: true });
    expect(named(preview, "auth0-au", "pulumi:providers:auth0").inputs["domain"]).toBe("allotrac.au.auth0.com");
    const settled = preview.registrations.filter((r) =>
        [
            "auth0:index/tenant:Tenant",
            "auth0:index/attackProtection:AttackProtection",
            "auth0:index/guardian:Guardian",
            "auth0:index/connection:Connection",
            "auth0:index/resourceServer:ResourceServer",
            "auth0:index/role:Role",
            "auth0:index/client:Client",
            "auth0:index/logStream:LogStream",
        ].includes(r.type),
    );
    expect(settled).toHaveLength(12);
    for (const r of settled) {
        expect({ name: r.name, hasUnknown: JSON.stringify(r.inputs).includes(UNKNOWN) }).toEqual({ name: r.name, hasUnknown: false });
    }
    // What refers to an Auth0-assigned id waits for it, as `pulumi preview` shows.
    expect(named(preview, "auth0-platform-api-role-support-permissions", "auth0:index/rolePermissions:RolePermissions").inputs["roleId"]).toBe(UNKNOWN);
});

test("stack outputs: ids and names only, none of them secret", () => {
    expect(rec.outputs["identity"]).toEqual({
        tenantDomain: "allotrac.au.auth0.com",
        apiIdentifier: "https://api.allotrac.com.au",
        roleIds: {
            "tenant-owner": "rol_mock-auth0-platform-api-role-tenant-owner",
            "tenant-admin": "rol_mock-auth0-platform-api-role-tenant-admin",
            member: "rol_mock-auth0-platform-api-role-member",
            "read-only": "rol_mock-auth0-platform-api-role-read-only",
            support: "rol_mock-auth0-platform-api-role-support",
        },
        applications: { web: { clientId: "mock-client-id-auth0-app-web" } },
        userDatabase: { id: "con_mock-auth0-users", name: "allotrac-users" },
        auditLogPartnerEventSource: "aws.partner/auth0.com/mock-auth0-audit-log-stream/auth0.logs",
    });
    // The whole stack's secret outputs: identity is not among them (the Atlas connection string and the Redis
    // connection details are).
    expect(rec.secretOutputs).toEqual(["atlasConnectionString", "redisConnection"]);
});
