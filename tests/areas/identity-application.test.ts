/**
 * How the prod stack wires the applications (infra/areas/identity.ts), asserted exactly: the customer-facing application under the prod config (data policy "03.tenant-data-access",
 * "01.tenant-managed-access"; Auth0 "Refresh Token Rotation", "Define Organization Behavior"): a public client that requires an Auth0 Organization
 * (one per customer tenant) at login, with rotating refresh tokens bounded by the tenant's session limits. The
 * component on its own, with fixture args (and the violating case of a client built without waitFor), is
 * tests/components/identity/application.test.ts.
 */
import { childrenOf, named, runStack } from "../harness/stack";
import { recordOnce } from "../harness/record-once";
import { customerApplicationClientInputs, redirectsAndOrganizations } from "../harness/expected-inputs";

const rec = recordOnce(() => runStack());

test("the component holds the client and its token-endpoint authentication", () => {
    const component = named(rec, "auth0-app-web", "data-platform:identity:Application");
    expect(childrenOf(rec, component).map((r) => `${r.type}::${r.name}`).sort()).toEqual([
        "auth0:index/client:Client::auth0-app-web",
        "auth0:index/clientCredentials:ClientCredentials::auth0-app-web-credentials",
    ]);
});

test("every client waits for the tenant settings that turn off enableClientConnections (else it lands on every connection)", () => {
    const tenant = named(rec, "auth0-tenant", "auth0:index/tenant:Tenant");
    expect(tenant.inputs["flags"]).toMatchObject({ enableClientConnections: false });
    const clients = rec.registrations.filter((r) => r.type === "auth0:index/client:Client");
    expect(clients.length).toBeGreaterThan(0);
    expect(clients.filter((c) => !c.dependencies.includes(tenant.urn)).map((c) => c.name)).toEqual([]);
});

test("the customer web app requires an Organization, and is a first-party PKCE client with rotating refresh tokens", () => {
    const client = named(rec, "auth0-app-web", "auth0:index/client:Client");
    expect(client.inputs).toEqual(
        customerApplicationClientInputs({
            displayName: "Allotrac",
            description: "The Allotrac web application customers use to run their operations",
            appType: "spa",
            callbackUrls: ["https://app.allotrac.com.au/callback"],
            logoutUrls: ["https://app.allotrac.com.au/"],
            webOrigins: ["https://app.allotrac.com.au"],
            // 72 h and 12 h: the tenant's session and idle-session lifetimes.
            refreshTokenLifetimeSeconds: 259200,
            refreshTokenIdleLifetimeSeconds: 43200,
        }),
    );
    expect(client.options.protect).toBe(true);
});

test("it has no client secret: token-endpoint authentication is none", () => {
    const creds = named(rec, "auth0-app-web-credentials", "auth0:index/clientCredentials:ClientCredentials");
    expect(creds.inputs).toEqual({ clientId: "mock-client-id-auth0-app-web", authenticationMethod: "none" });
    expect(creds.propertyDependencies["clientId"]).toEqual([named(rec, "auth0-app-web", "auth0:index/client:Client").urn]);
});

test("an internal (not customer-facing) native app is denied Organizations and may use its own scheme", async () => {
    const withDriver = await runStack({
        mutate: (c) =>
            c["data-platform:auth0"].applications.push({
                key: "yard",
                name: "Allotrac Yard",
                description: "Allotrac's own yard-operations app for staff",
                appType: "native",
                customerFacing: false,
                callbackUrls: ["au.com.allotrac.yard://callback"],
            }),
    });
    const client = named(withDriver, "auth0-app-yard", "auth0:index/client:Client");
    expect(redirectsAndOrganizations(client.inputs)).toEqual({
        appType: "native",
        callbacks: ["au.com.allotrac.yard://callback"],
        allowedLogoutUrls: [],
        webOrigins: [],
        organizationUsage: "deny",
        organizationRequireBehavior: undefined,
    });
    expect(named(withDriver, "auth0-users-clients", "auth0:index/connectionClients:ConnectionClients").inputs["enabledClients"]).toEqual([
        "mock-client-id-auth0-app-web",
        "mock-client-id-auth0-app-yard",
    ]);
});
