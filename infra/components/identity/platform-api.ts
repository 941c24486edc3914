/**
 * The platform API as an Auth0 resource server with role-based access control enforced (data policy "03.rbac":
 * all data access is restricted by RBAC; "01.tenant-managed-access": tenants assign these roles to their own
 * members, per Organization; Auth0 "Enable Role-Based Access Control for APIs").
 *
 * | child | setting |
 * |---|---|
 * | `auth0.ResourceServer` (`${name}`), protected | RBAC enforced (`enforcePolicies`), permissions in the access token (`access_token_authz`), RS256, short-lived tokens, refresh tokens allowed (rotating, see the applications) |
 * | `auth0.ResourceServerScopes` (`${name}-permissions`) | every permission the API defines, and nothing else |
 * | `auth0.Role` (`${name}-role-<key>`), protected | one per role |
 * | `auth0.RolePermissions` (`${name}-role-<key>-permissions`) | exactly the role's permissions on this API |
 *
 * With `enforcePolicies`, a token's scope is what the user's roles grant (intersected with what was asked for),
 * and `access_token_authz` puts those permissions in the token's `permissions` claim for the API to check.
 *
 * Roles are protected: deleting one silently removes it from every member who holds it. Roles are tenant-wide
 * definitions; who holds which role in which customer tenant is an Organization membership, managed at run time
 * by that tenant's owners and admins.
 */
import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";

export interface ApiPermission {
    /** `<action>:<resource>`, e.g. `read:operations`. */
    readonly name: string;
    readonly description: string;
}

export interface ApiRole {
    /** Logical key, part of the URN: never change it for a deployed role. */
    readonly key: string;
    readonly name: string;
    readonly description: string;
    /** Names of permissions of this API. */
    readonly permissions: readonly string[];
}

export interface PlatformApiArgs {
    /** The API's identifier (the `audience`). Immutable: changing it replaces the API. */
    readonly identifier: string;
    /** Display name. */
    readonly displayName: string;
    /** Lifetime of access tokens from the token endpoint, seconds. Default 3600. */
    readonly accessTokenLifetimeSeconds?: number;
    /** Every permission the API defines. */
    readonly permissions: readonly ApiPermission[];
    /** The roles, each granting some of `permissions`. */
    readonly roles: readonly ApiRole[];
}

export class PlatformApi extends pulumi.ComponentResource {
    /** The API's identifier (the audience clients request tokens for). */
    public readonly identifier: pulumi.Output<string>;
    /** Role ids (`rol_…`) by role key. */
    public readonly roleIds: Record<string, pulumi.Output<string>>;

    public readonly resourceServer: auth0.ResourceServer;
    public readonly scopes: auth0.ResourceServerScopes;
    public readonly roles: Record<string, auth0.Role>;
    public readonly rolePermissions: Record<string, auth0.RolePermissions>;

    constructor(name: string, args: PlatformApiArgs, opts?: pulumi.ComponentResourceOptions) {
        super("data-platform:identity:PlatformApi", name, {}, opts);
        const lifetime = args.accessTokenLifetimeSeconds ?? 3600;

        this.resourceServer = new auth0.ResourceServer(
            name,
            {
                identifier: args.identifier,
                name: args.displayName,
                enforcePolicies: true,
                tokenDialect: "access_token_authz",
                // Asymmetric: the API verifies with the tenant's public key and never holds a signing secret.
                signingAlg: "RS256",
                tokenLifetime: lifetime,
                // Implicit/hybrid flows are not used; if one were, its token must not outlive the normal one.
                tokenLifetimeForWeb: lifetime,
                // SPAs keep users signed in with rotating refresh tokens rather than long-lived access tokens.
                allowOfflineAccess: true,
                // Our own first-party apps do not ask users to consent to our own API.
                skipConsentForVerifiableFirstPartyClients: true,
            },
            { parent: this, protect: true },
        );
        this.identifier = this.resourceServer.identifier;

        this.scopes = new auth0.ResourceServerScopes(
            `${name}-permissions`,
            {
                resourceServerIdentifier: this.identifier,
                scopes: args.permissions.map((p) => ({ name: p.name, description: p.description })),
            },
            { parent: this },
        );

        this.roles = {};
        this.rolePermissions = {};
        this.roleIds = {};
        for (const role of args.roles) {
            const r = new auth0.Role(
                `${name}-role-${role.key}`,
                // `name` is optional in the SDK (auto-naming would append a random suffix): always set it.
                { name: role.name, description: role.description },
                { parent: this, protect: true },
            );
            this.roles[role.key] = r;
            this.roleIds[role.key] = r.id;
            this.rolePermissions[role.key] = new auth0.RolePermissions(
                `${name}-role-${role.key}-permissions`,
                {
                    roleId: r.id,
                    permissions: role.permissions.map((p) => ({ name: p, resourceServerIdentifier: this.identifier })),
                },
                // Auth0 refuses to grant a permission the API does not define yet.
                { parent: this, dependsOn: [this.scopes] },
            );
        }

        this.registerOutputs({ identifier: this.identifier, roleIds: this.roleIds });
    }
}
