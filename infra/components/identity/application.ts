/**
 * An application users log in to: a public Auth0 client (SPA or native) using the authorization code flow with
 * PKCE, with rotating refresh tokens (Auth0 "Authorization Code Flow with Proof Key for Code Exchange (PKCE)",
 * "Refresh Token Rotation"). A customer-facing application requires an Auth0 Organization at login, so every
 * session belongs to exactly one customer tenant (data policy "03.tenant-data-access": tenant data is limited to
 * the tenant's users; "01.tenant-managed-access"; Auth0 "Define Organization Behavior").
 *
 * | child | setting |
 * |---|---|
 * | `auth0.Client` (`${name}`), protected | first-party, OIDC-conformant, code + refresh-token grants only, RS256 ID tokens, no cross-origin auth; refresh tokens rotate and expire with the tenant's session limits; customer-facing: `organizationUsage: "require"` with a post-login Organization prompt |
 * | `auth0.ClientCredentials` (`${name}-credentials`) | token endpoint authentication `none`: a public client has no secret to leak |
 *
 * `post_login_prompt`: a user who belongs to several customer tenants (data policy "01.tenant-ownership": "the
 * user's tenant or tenants") logs in once, then picks the tenant; it requires `oidcConformant`.
 *
 * The client is protected: replacing it changes its client id, which every deployed app has compiled in.
 */
import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import type { ClauseId } from "../../clauses";

const CLAUSE: ClauseId = "03.tenant-data-access";

export interface ApplicationArgs {
    /** Name shown on the login page. */
    readonly displayName: string;
    /** What the application is for (Auth0 allows 140 characters). */
    readonly description: string;
    /** `spa` (browser) or `native` (mobile/desktop): both public clients. */
    readonly appType: "spa" | "native";
    /** Customers log in to it: an Organization is required at login. */
    readonly customerFacing: boolean;
    readonly callbackUrls: readonly string[];
    readonly logoutUrls: readonly string[];
    /** Origins allowed for silent authentication (web message). Default none. */
    readonly webOrigins?: readonly string[];
    /** Absolute refresh-token lifetime, seconds: keep it to the tenant's session lifetime. */
    readonly refreshTokenLifetimeSeconds: number;
    /** Idle refresh-token lifetime, seconds: keep it to the tenant's idle-session lifetime. */
    readonly refreshTokenIdleLifetimeSeconds: number;
    /**
     * Resources the client waits for (`dependsOn`): the tenant settings (`TenantSettings.tenant`) that turn off
     * `enableClientConnections`. A client created before them is enabled on every existing connection. Default none.
     */
    readonly waitFor?: readonly pulumi.Resource[];
}

export class Application extends pulumi.ComponentResource {
    /** The client id (public: it is in every app bundle). */
    public readonly clientId: pulumi.Output<string>;

    public readonly client: auth0.Client;
    public readonly credentials: auth0.ClientCredentials;

    constructor(name: string, args: ApplicationArgs, opts?: pulumi.ComponentResourceOptions) {
        super("data-platform:identity:Application", name, {}, opts);

        this.client = new auth0.Client(
            name,
            {
                name: args.displayName,
                description: args.description,
                appType: args.appType,
                isFirstParty: true,
                oidcConformant: true,
                // No implicit, password or client-credentials grant: a public client only redeems codes (PKCE).
                grantTypes: ["authorization_code", "refresh_token"],
                callbacks: [...args.callbackUrls],
                allowedLogoutUrls: [...args.logoutUrls],
                webOrigins: [...(args.webOrigins ?? [])],
                crossOriginAuth: false,
                jwtConfiguration: { alg: "RS256" },
                refreshToken: {
                    rotationType: "rotating",
                    expirationType: "expiring",
                    // Reuse of a rotated token is treated as theft at once (Auth0 revokes the whole family).
                    leeway: 0,
                    tokenLifetime: args.refreshTokenLifetimeSeconds,
                    idleTokenLifetime: args.refreshTokenIdleLifetimeSeconds,
                    infiniteTokenLifetime: false,
                    infiniteIdleTokenLifetime: false,
                },
                ...(args.customerFacing
                    ? { organizationUsage: "require", organizationRequireBehavior: "post_login_prompt" }
                    : { organizationUsage: "deny" }),
                clientMetadata: { "data-policy-clause": CLAUSE },
            },
            { parent: this, protect: true, dependsOn: [...(args.waitFor ?? [])] },
        );

        this.credentials = new auth0.ClientCredentials(
            `${name}-credentials`,
            { clientId: this.client.clientId, authenticationMethod: "none" },
            { parent: this },
        );

        this.clientId = this.client.clientId;
        this.registerOutputs({ clientId: this.clientId });
    }
}
