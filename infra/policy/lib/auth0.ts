/**
 * The Auth0 tenants of a stack, for the stack policies that judge tenant-wide settings (auth0-login-protections,
 * auth0-logins-require-organization): one provider, one tenant, so a second tenant's resources are never covered by
 * the first tenant's Guardian, attack protection or tenant settings.
 */
import type { PolicyResource } from "@pulumi/policy";

export interface Auth0Tenant {
    /** `Auth0 provider <name>`, or `the default Auth0 provider`, for messages. */
    readonly label: string;
    /** The provider's URN, where it has one: the finding about the tenant is reported there. */
    readonly urn?: string;
    /** The tenant's Auth0 resources (`auth0:` types). */
    readonly resources: readonly PolicyResource[];
}

/** The stack's Auth0 resources grouped by their provider (@pulumi/policy names the default provider too). */
export function auth0Tenants(resources: readonly PolicyResource[]): Auth0Tenant[] {
    const tenants = new Map<string, { label: string; urn?: string; resources: PolicyResource[] }>();
    for (const r of resources.filter((x) => x.type.startsWith("auth0:"))) {
        const key = r.provider?.urn ?? "(default provider)";
        const tenant = tenants.get(key) ?? { label: r.provider ? `Auth0 provider ${r.provider.name}` : "the default Auth0 provider", ...(r.provider ? { urn: r.provider.urn } : {}), resources: [] };
        tenant.resources.push(r);
        tenants.set(key, tenant);
    }
    return [...tenants.values()];
}
