/**
 * `TenantSettings` on its own, with fixture args (data policy "02.identity-data", "05.encryption-and-access-control"):
 * the session caps and contacts as given, the same caps for ephemeral sessions, secure flags; a custom domain only
 * when given, TLS 1.2 only. How the prod stack wires it from config is tests/areas/identity-tenant-settings.test.ts.
 */
import { TenantSettings, type TenantSettingsArgs } from "../../../infra/components/identity/tenant-settings";
import { fixtureBuild } from "../../harness/build-alone";
import { childrenOf, named, ofType } from "../../harness/stack";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:identity:TenantSettings";
const TENANT = "auth0:index/tenant:Tenant";
const DOMAIN = "auth0:index/customDomain:CustomDomain";

/** Fixture args: not prod's, so that a prod config edit cannot change what this file asserts. */
const ARGS: TenantSettingsArgs = {
    friendlyName: "Fixture",
    supportEmail: "help@example.com",
    supportUrl: "https://example.com/help",
    sessionLifetimeHours: 24,
    idleSessionLifetimeHours: 2,
};

const build = fixtureBuild(ARGS, (args) => new TenantSettings("t", args));

describe("without a custom domain", () => {
    const rec = recordOnce(() => build({}));

    test("the component holds the tenant and nothing else", () => {
        const component = named(rec, "t", COMPONENT);
        expect(childrenOf(rec, component).map((r) => `${r.type}::${r.name}`)).toEqual([`${TENANT}::t`]);
        expect(ofType(rec, DOMAIN)).toEqual([]);
    });

    test("tenant: the given session and idle lifetimes for persistent and ephemeral sessions, contacts, secure flags, no automatic client-connection grants", () => {
        expect(named(rec, "t", TENANT).inputs).toEqual({
            friendlyName: "Fixture",
            supportEmail: "help@example.com",
            supportUrl: "https://example.com/help",
            sessionLifetime: 24,
            idleSessionLifetime: 2,
            ephemeralSessionLifetime: 24,
            idleEphemeralSessionLifetime: 2,
            flags: {
                disableClickjackProtectionHeaders: false,
                enablePublicSignupUserExistsError: false,
                noDiscloseEnterpriseConnections: true,
                enableClientConnections: false,
            },
        });
    });
});

test("with a custom domain: declared with an Auth0-managed certificate and TLS 1.2 only, beside the tenant; its verification is an output", async () => {
    const rec = await build({ customDomain: "login.example.com" });
    const component = named(rec, "t", COMPONENT);
    expect(childrenOf(rec, component).map((r) => `${r.type}::${r.name}`).sort()).toEqual([`${DOMAIN}::t-custom-domain`, `${TENANT}::t`]);
    expect(named(rec, "t-custom-domain", DOMAIN).inputs).toEqual({ domain: "login.example.com", type: "auth0_managed_certs", tlsPolicy: "recommended" });
    expect(rec.states.get(component.urn)).toEqual({
        customDomainVerification: [
            {
                methods: [{ name: "CNAME", record: "mock-t-custom-domain.edge.tenants.au.auth0.com", domain: "login.example.com" }],
                status: "pending",
                errorMsg: "",
                lastVerifiedAt: "",
            },
        ],
    });
});
