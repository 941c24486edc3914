/**
 * How the prod stack wires the Auth0 tenant's settings (infra/areas/identity.ts), asserted exactly: under the prod config (data policy "02.identity-data",
 * "05.encryption-and-access-control"): explicit session caps, support contacts, secure flags; a custom domain
 * only when configured, TLS 1.2 only. The component on its own, with fixture args, is
 * tests/components/identity/tenant-settings.test.ts.
 */
import { childrenOf, named, ofType, runStack } from "../harness/stack";
import { recordOnce } from "../harness/record-once";

const rec = recordOnce(() => runStack());

test("the component holds the tenant and, without a custom domain, nothing else", () => {
    const component = named(rec, "auth0-tenant", "data-platform:identity:TenantSettings");
    expect(childrenOf(rec, component).map((r) => `${r.type}::${r.name}`)).toEqual(["auth0:index/tenant:Tenant::auth0-tenant"]);
    expect(ofType(rec, "auth0:index/customDomain:CustomDomain")).toEqual([]);
});

test("tenant: explicit session and idle lifetimes (hours) for persistent and ephemeral sessions, contacts, secure flags, no automatic client-connection grants", () => {
    expect(named(rec, "auth0-tenant", "auth0:index/tenant:Tenant").inputs).toEqual({
        friendlyName: "Allotrac",
        supportEmail: "support@allotrac.com.au",
        supportUrl: "https://www.allotrac.com.au/support",
        sessionLifetime: 72,
        idleSessionLifetime: 12,
        ephemeralSessionLifetime: 72,
        idleEphemeralSessionLifetime: 12,
        flags: {
            disableClickjackProtectionHeaders: false,
            enablePublicSignupUserExistsError: false,
            noDiscloseEnterpriseConnections: true,
            // New applications are not enabled on every connection: UserDatabase's ConnectionClients decides.
            enableClientConnections: false,
        },
    });
});

describe("with a custom domain", () => {
    const withDomain = recordOnce(() => runStack({ mutate: (c) => (c["data-platform:auth0"].customDomain = "login.allotrac.com.au") }));

    test("declares it with an Auth0-managed certificate and TLS 1.2 only, beside the tenant", () => {
        const component = named(withDomain, "auth0-tenant", "data-platform:identity:TenantSettings");
        const domain = named(withDomain, "auth0-tenant-custom-domain", "auth0:index/customDomain:CustomDomain");
        expect(domain.parent).toBe(component.urn);
        expect(domain.inputs).toEqual({ domain: "login.allotrac.com.au", type: "auth0_managed_certs", tlsPolicy: "recommended" });
    });

    test("the provider still talks to the canonical Australian domain", () => {
        expect(named(withDomain, "auth0-au", "pulumi:providers:auth0").inputs["domain"]).toBe("allotrac.au.auth0.com");
    });

    test("the DNS records to publish are a stack output", () => {
        expect((withDomain.outputs["identity"] as Record<string, unknown>)["customDomain"]).toEqual({
            domain: "login.allotrac.com.au",
            verification: [
                {
                    methods: [{ name: "CNAME", record: "mock-auth0-tenant-custom-domain.edge.tenants.au.auth0.com", domain: "login.allotrac.com.au" }],
                    status: "pending",
                    errorMsg: "",
                    lastVerifiedAt: "",
                },
            ],
        });
    });
});
