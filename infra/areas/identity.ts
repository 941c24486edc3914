/**
 * Identity (data policy §01, §02 identity data, §03 RBAC and tenant data, §05, §10): the Auth0 tenant's settings,
 * attack protection, MFA, the platform API with its roles, the applications, the user database and the audit log
 * stream. docs/identity.md.
 */
import type * as auth0 from "@pulumi/auth0";
import type * as aws from "@pulumi/aws";
import { Auth0LogArchive } from "../components/audit/auth0-log-archive";
import { Application } from "../components/identity/application";
import { AttackProtection } from "../components/identity/attack-protection";
import { AuditLogStream } from "../components/identity/audit-log-stream";
import { MfaPolicy } from "../components/identity/mfa-policy";
import { PlatformApi } from "../components/identity/platform-api";
import { TenantSettings } from "../components/identity/tenant-settings";
import { UserDatabase } from "../components/identity/user-database";
import type { StackConfig } from "../config";

export interface IdentityProviders {
    readonly auth0: auth0.Provider;
    /** For the event bus and log group that keep the audit log stream (the Australian region of the stream). */
    readonly aws: aws.Provider;
}

/** Creates the area; returns its stack output: ids and names only (public clients: no client secret exists, none is exported). */
export function identity(config: StackConfig, providers: IdentityProviders) {
    const idp = config.auth0;
    const onAuth0 = { providers: [providers.auth0] };
    const auth0Tenant = new TenantSettings(
        "auth0-tenant",
        {
            friendlyName: idp.tenant.friendlyName,
            supportEmail: idp.tenant.supportEmail,
            supportUrl: idp.tenant.supportUrl,
            sessionLifetimeHours: idp.tenant.sessionLifetimeHours,
            idleSessionLifetimeHours: idp.tenant.idleSessionLifetimeHours,
            customDomain: idp.customDomain,
        },
        onAuth0,
    );
    new AttackProtection("auth0-attack-protection", {}, onAuth0);
    new MfaPolicy("auth0-mfa", { factors: idp.mfa.factors }, onAuth0);
    const platformApi = new PlatformApi(
        "auth0-platform-api",
        {
            identifier: idp.api.identifier,
            displayName: idp.api.name,
            accessTokenLifetimeSeconds: idp.api.accessTokenLifetimeSeconds,
            permissions: idp.api.permissions,
            roles: idp.roles,
        },
        onAuth0,
    );
    const auth0Apps = idp.applications.map(
        (a) =>
            new Application(
                `auth0-app-${a.key}`,
                {
                    displayName: a.name,
                    description: a.description,
                    appType: a.appType,
                    customerFacing: a.customerFacing,
                    callbackUrls: a.callbackUrls,
                    logoutUrls: a.logoutUrls,
                    webOrigins: a.webOrigins,
                    // A refresh token must not keep a user signed in longer than the tenant's session limits allow.
                    refreshTokenLifetimeSeconds: idp.tenant.sessionLifetimeHours * 3600,
                    refreshTokenIdleLifetimeSeconds: idp.tenant.idleSessionLifetimeHours * 3600,
                    waitFor: [auth0Tenant.tenant],
                },
                onAuth0,
            ),
    );
    const userDatabase = new UserDatabase(
        "auth0-users",
        { connectionName: idp.database.name, passwordPolicy: idp.database.passwordPolicy, enabledClientIds: auth0Apps.map((a) => a.clientId) },
        onAuth0,
    );
    const auditLogStream = new AuditLogStream(
        "auth0-audit-log-stream",
        { awsAccountId: idp.logStream.awsAccountId, awsRegion: idp.logStream.awsRegion },
        onAuth0,
    );
    // Data policy §10: the stream's events kept the audit retention in Australia (the tenant keeps them ≤ 30 days).
    new Auth0LogArchive(
        "auth0-audit-log-archive",
        {
            partnerEventSource: auditLogStream.partnerEventSource,
            stream: auditLogStream.logStream,
            accountId: config.aws.accountId,
            region: config.aws.region,
            retentionDays: config.audit.retentionDays,
        },
        { providers: [providers.aws] },
    );

    return {
        tenantDomain: idp.domain,
        ...(auth0Tenant.customDomainVerification
            ? { customDomain: { domain: idp.customDomain, verification: auth0Tenant.customDomainVerification } }
            : {}),
        apiIdentifier: platformApi.identifier,
        roleIds: platformApi.roleIds,
        applications: Object.fromEntries(idp.applications.map((a, i) => [a.key, { clientId: auth0Apps[i]!.clientId }])),
        userDatabase: { id: userDatabase.connectionId, name: userDatabase.connectionName },
        auditLogPartnerEventSource: auditLogStream.partnerEventSource,
    };
}
