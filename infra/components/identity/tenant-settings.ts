/**
 * The Auth0 tenant's own settings (data policy "02.identity-data": identity and authentication data is managed
 * through Auth0; "05.encryption-and-access-control").
 *
 * | child | setting |
 * |---|---|
 * | `auth0.Tenant` | friendly name, support contacts; persistent *and* ephemeral sessions capped at the same absolute and idle lifetimes; clickjacking headers on; no account-existence or enterprise-IdP disclosure; new clients not enabled on every connection |
 * | `auth0.CustomDomain` (only with `customDomain`) | Auth0-managed certificate, TLS 1.2 only (`recommended`) |
 *
 * What this cannot do: choose the tenant's region. Auth0 fixes it when the tenant is created in the Dashboard;
 * `auth0.Tenant` "can only manage an existing tenant" (terraform-provider-auth0 `tenant.md`). The provider's
 * canonical `<tenant>.au.auth0.com` domain, validated in `infra/schema/identity.ts`, is the in-code proof.
 *
 * `auth0.Tenant` is a singleton: deleting it from the program only stops managing the settings.
 */
import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";

export interface TenantSettingsArgs {
    /** Name shown on the login page and in emails. */
    readonly friendlyName: string;
    /** Support address shown to users who cannot log in. */
    readonly supportEmail: string;
    /** Support page shown to users who cannot log in. */
    readonly supportUrl: string;
    /** Absolute session lifetime, hours (the Management API's unit; the Dashboard shows minutes). */
    readonly sessionLifetimeHours: number;
    /** Idle session lifetime, hours; at most `sessionLifetimeHours`. */
    readonly idleSessionLifetimeHours: number;
    /** A custom login domain served by this tenant. Default none. */
    readonly customDomain?: string;
}

export class TenantSettings extends pulumi.ComponentResource {
    public readonly tenant: auth0.Tenant;
    public readonly customDomain: auth0.CustomDomain | undefined;
    /** DNS records to publish so Auth0 can verify the custom domain; `undefined` without one. */
    public readonly customDomainVerification: pulumi.Output<auth0.types.output.CustomDomainVerification[]> | undefined;

    constructor(name: string, args: TenantSettingsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("data-platform:identity:TenantSettings", name, {}, opts);

        this.tenant = new auth0.Tenant(
            name,
            {
                friendlyName: args.friendlyName,
                supportEmail: args.supportEmail,
                supportUrl: args.supportUrl,
                sessionLifetime: args.sessionLifetimeHours,
                idleSessionLifetime: args.idleSessionLifetimeHours,
                // A non-persistent ("ephemeral") session must not outlive a persistent one: same caps for both.
                ephemeralSessionLifetime: args.sessionLifetimeHours,
                idleEphemeralSessionLifetime: args.idleSessionLifetimeHours,
                flags: {
                    // Keep the anti-clickjacking headers on classic Universal Login pages.
                    disableClickjackProtectionHeaders: false,
                    // Public sign-up must not reveal whether an email already has an account (account enumeration).
                    enablePublicSignupUserExistsError: false,
                    // Do not publish enterprise IdP domains in the login configuration file.
                    noDiscloseEnterpriseConnections: true,
                    // A new client is not switched on for every existing connection: `ConnectionClients`
                    // (UserDatabase) declares exactly which application may use which connection.
                    enableClientConnections: false,
                },
            },
            { parent: this },
        );

        if (args.customDomain !== undefined) {
            this.customDomain = new auth0.CustomDomain(
                `${name}-custom-domain`,
                {
                    domain: args.customDomain,
                    type: "auth0_managed_certs",
                    // `recommended` is TLS 1.2 only; `compatible` also allows TLS 1.0 and 1.1.
                    tlsPolicy: "recommended",
                },
                { parent: this },
            );
            this.customDomainVerification = this.customDomain.verifications;
        }

        this.registerOutputs({ customDomainVerification: this.customDomainVerification });
    }
}
