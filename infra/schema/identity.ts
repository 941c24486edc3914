/**
 * Stack config for the Auth0 tenant (data policy clause "02.identity-data": identity and authentication data
 * is managed through Auth0; "03.rbac", "03.tenant-data-access", "01.tenant-managed-access", "10.staff-access-audit").
 *
 * Every message is a noun phrase saying what is allowed; `infra/config.ts` puts the key and the bad value in
 * front of it. Anything that would weaken a control (a tenant outside Australia, no roles, a weak password
 * policy, SMS or email as the only second factor) is refused here, before any resource is registered.
 */
import { z } from "zod";
import { cite } from "../clauses";
import { MIN_PASSWORD_LENGTH, STRONG_PASSWORD_LEVELS } from "../rules/password";
import { AU_AUTH0_DOMAIN_SUFFIX, type AuAwsRegion } from "../residency";
import { intBetween, logicalKey, uniqueBy, uniqueKeys } from "./common";
import { awsSchema } from "./platform";

const IDENTITY = cite("02.identity-data");
const RBAC = cite("03.rbac");

/** Like `uniqueKeys`, for the `name` of each entry (Auth0 identifies permissions and roles by name). */
const uniqueNames = (message: string) => uniqueBy<{ name: string }>("name", message);

const DOMAIN_MSG =
    `the tenant's canonical domain in Auth0's Australian region, <tenant>${AU_AUTH0_DOMAIN_SUFFIX} ` +
    `(the region is fixed when the tenant is created and only this domain shows it; ${IDENTITY}). ` +
    `A custom domain goes in customDomain, next to this one, never instead of it`;

/** `<tenant>.au.auth0.com`: a tenant created in Auth0's Australian public-cloud region. */
const auTenantDomain = z.string({ error: DOMAIN_MSG }).refine(
    (d) => d.endsWith(AU_AUTH0_DOMAIN_SUFFIX) && /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/.test(d.slice(0, -AU_AUTH0_DOMAIN_SUFFIX.length)),
    { error: DOMAIN_MSG },
);

const CUSTOM_DOMAIN_MSG =
    "a custom login domain you own, e.g. login.example.com.au (lower-case host name, not an auth0.com name); " +
    "Auth0 serves it from the tenant declared in domain, which keeps the region visible";

const customDomain = z
    .string({ error: CUSTOM_DOMAIN_MSG })
    .regex(/^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, { error: CUSTOM_DOMAIN_MSG })
    .refine((d) => !d.endsWith(".auth0.com") && d !== "auth0.com", { error: CUSTOM_DOMAIN_MSG });

const CLIENT_ID_MSG =
    "the client id of the Auth0 machine-to-machine application Pulumi deploys with (32 letters and digits; not a secret: " +
    "its secret goes in `pulumi config set --secret auth0:clientSecret` or AUTH0_CLIENT_SECRET)";

const clientId = z.string({ error: CLIENT_ID_MSG }).regex(/^[A-Za-z0-9]{32}$/, { error: CLIENT_ID_MSG });

/** An `https://` URL with a DNS host name (no `http://`: data policy §05 "encryption … in transit"). */
function httpsUrl(what: string): z.ZodType<string> {
    const msg = `${what}: an https:// URL with a DNS host name (plain http is refused: ${cite("05.encryption-and-access-control")})`;
    return z.url({ protocol: /^https$/, hostname: z.regexes.domain, error: msg });
}

/** A short human-readable text of bounded length. */
function text(what: string, min: number, max: number): z.ZodType<string> {
    const msg = `${what} (${min}–${max} characters)`;
    return z.string({ error: msg }).trim().min(min, { error: msg }).max(max, { error: msg });
}

/**
 * Session lifetimes, in hours as the Management API takes them (the Dashboard shows minutes). Upper bounds: an
 * absolute session of at most 7 days and an idle timeout of at most 3 days (the Essentials/Professional plan cap,
 * Auth0 "Configure Session Lifetime Settings"); a longer session keeps tenant data open on an unattended device.
 */
const tenantSchema = z
    .strictObject({
        /** Name shown on the login page and in emails. */
        friendlyName: text("the name users see on the login page and in emails", 2, 60),
        /** Where users who cannot log in are sent. */
        supportEmail: z.email({ error: "a support email address users can write to when they cannot log in" }),
        supportUrl: httpsUrl("the support page users are sent to when they cannot log in"),
        /** Absolute session lifetime. */
        sessionLifetimeHours: intBetween(1, 168, "at most 7 days: a session must not outlive a working week"),
        /** Idle session lifetime; at most the absolute lifetime. */
        idleSessionLifetimeHours: intBetween(1, 72, "at most 3 days, Auth0's idle-session cap below Enterprise"),
    })
    .superRefine((t, ctx) => {
        if (t.idleSessionLifetimeHours > t.sessionLifetimeHours) {
            ctx.addIssue({
                code: "custom",
                path: ["idleSessionLifetimeHours"],
                input: t.idleSessionLifetimeHours,
                message: `an idle lifetime no longer than sessionLifetimeHours (${t.sessionLifetimeHours})`,
            });
        }
    });

const CONNECTION_NAME_MSG =
    "an Auth0 connection name: letters, digits and '-', 1–128 characters, starting and ending with a letter or digit " +
    "(it can never change: renaming replaces the connection and its users)";

const passwordPolicySchema = z.strictObject({
    /** Auth0 password strength level. `good`: 8+ characters, 3 of 4 classes; `excellent`: 10+, no runs of 3. */
    strength: z.enum(STRONG_PASSWORD_LEVELS, {
        error: 'a password strength of "good" or "excellent" (Auth0\'s none, low and fair levels are refused as too weak)',
    }),
    /** Minimum length, over and above the strength level. NIST SP 800-63B and OWASP favour length. */
    minLength: intBetween(MIN_PASSWORD_LENGTH, 72, `at least ${MIN_PASSWORD_LENGTH} characters (OWASP ASVS), at most 72 (Auth0 ignores what follows 72 bytes)`),
    /** Number of previous passwords a user may not reuse. */
    historySize: intBetween(1, 24, "password history must be on; Auth0 keeps at most 24 previous passwords"),
    /** Refuse the 10,000 most common passwords (Auth0's built-in dictionary). */
    blockCommonPasswords: z.literal(true, {
        error: "true: passwords from the common-password dictionary are refused",
    }),
    /** Refuse passwords that contain the user's name, username, nickname or email. */
    blockPersonalInfo: z.literal(true, {
        error: "true: passwords containing the user's name or email are refused",
    }),
    /** Extra words refused on top of the built-in dictionary, e.g. the company and product names. Default none. */
    extraDictionaryWords: z
        .array(text("a word to refuse as a password", 3, 50), { error: "a list of words to refuse as passwords" })
        .max(200, { error: "at most 200 extra words" })
        .default([]),
});

const databaseSchema = z.strictObject({
    /** Name of the Auth0 database connection that holds user credentials. Immutable once deployed. */
    name: z
        .string({ error: CONNECTION_NAME_MSG })
        .regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,126}[A-Za-z0-9])?$/, { error: CONNECTION_NAME_MSG }),
    passwordPolicy: passwordPolicySchema,
});

/** The second factors this stack offers. SMS, voice and email codes are left out: they can be intercepted. */
export const MFA_FACTORS = ["otp", "webauthn-roaming", "webauthn-platform", "recovery-code"] as const;
/** The factors that count as strong on their own (a recovery code only stands in for a lost one). */
export const STRONG_MFA_FACTORS = ["otp", "webauthn-roaming", "webauthn-platform"] as const;

const mfaSchema = z.strictObject({
    factors: z
        .array(
            z.enum(MFA_FACTORS, {
                error: `an MFA factor: ${MFA_FACTORS.join(" | ")} (SMS, voice and email codes can be intercepted and are not offered)`,
            }),
            { error: "a list of MFA factors" },
        )
        .refine((fs) => fs.some((f) => (STRONG_MFA_FACTORS as readonly string[]).includes(f)), {
            error: `at least one strong MFA factor (${STRONG_MFA_FACTORS.join(", ")}); a recovery code alone is not a second factor`,
        })
        .refine((fs) => new Set(fs).size === fs.length, { error: "a list of MFA factors, each named once" }),
});

const PERMISSION_MSG = "a permission name of the form <action>:<resource>, lower-case, e.g. read:operations";
const permissionName = z.string({ error: PERMISSION_MSG }).regex(/^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/, { error: PERMISSION_MSG });

const apiSchema = z.strictObject({
    /**
     * The API's identifier: the `audience` clients ask tokens for. Immutable in Auth0 ("Cannot be changed once
     * set"), so changing it replaces the API and invalidates every token.
     */
    identifier: httpsUrl("the API's identifier (its audience, never changed once deployed)"),
    /** Display name. */
    name: text("the API's display name, without '<' or '>'", 3, 100).refine((n) => !/[<>]/.test(n), {
        error: "the API's display name, without '<' or '>'",
    }),
    /** Access-token lifetime. Default 1 hour. */
    accessTokenLifetimeSeconds: intBetween(300, 86400, "5 minutes to 24 hours").default(3600),
    /** Every permission (scope) the API defines. Roles may only grant these. */
    permissions: z
        .array(
            z.strictObject({
                name: permissionName,
                description: text("a sentence saying what the permission allows", 8, 200),
            }),
            { error: "a list of permissions, each {name, description}" },
        )
        .min(1, { error: `at least one permission (${RBAC})` })
        .superRefine(uniqueNames("a permission name not used by another entry")),
});

const roleSchema = z.strictObject({
    /** Logical key, part of the URN: never change it for a deployed role. */
    key: logicalKey,
    /** Name shown to tenant administrators when they assign the role. */
    name: text("the role's name", 3, 50),
    description: text("a sentence saying who holds the role and what it may do", 8, 200),
    /** Permissions of the platform API the role grants. */
    permissions: z
        .array(permissionName, { error: "a list of the API's permission names" })
        .min(1, { error: "at least one permission: a role that grants nothing is a mistake" })
        .refine((ps) => new Set(ps).size === ps.length, { error: "a list of the API's permission names, each named once" }),
});

/**
 * A native app may also use its own reverse-DNS custom scheme (RFC 8252 §7.1), e.g. `au.com.example.app://callback`;
 * plain `http://` is never accepted.
 */
const nativeCallback = z.string().regex(/^(?!https?:)[a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+:\/\/\S+$/);

const applicationSchema = z
    .strictObject({
        /** Logical key, part of the URN: never change it for a deployed application. */
        key: logicalKey,
        name: text("the application's name, shown on the login page", 3, 100),
        description: text("a sentence saying what the application is for", 8, 140),
        /**
         * Public clients only: a browser app (`spa`) or a mobile/desktop app (`native`), both using the authorization
         * code flow with PKCE. Neither holds a client secret, so none can leak.
         */
        appType: z.enum(["spa", "native"], {
            error: "spa or native: a public client using the authorization code flow with PKCE (confidential clients are not managed here)",
        }),
        /** Customer-facing apps require an Auth0 Organization (one per customer tenant) at login. */
        customerFacing: z.boolean({ error: "true or false: whether customers log in to this app (it then requires an Organization)" }),
        callbackUrls: z.array(z.string(), { error: "a list of callback URLs" }).min(1, { error: "at least one callback URL" }),
        logoutUrls: z.array(z.string(), { error: "a list of logout URLs" }).default([]),
        webOrigins: z.array(httpsUrl("an allowed web origin"), { error: "a list of web origins" }).default([]),
    })
    .superRefine((app, ctx) => {
        const https = httpsUrl("a URL");
        const allowed = (u: string) => https.safeParse(u).success || (app.appType === "native" && nativeCallback.safeParse(u).success);
        const message =
            app.appType === "spa"
                ? `an https:// URL (plain http is refused: ${cite("05.encryption-and-access-control")})`
                : "an https:// URL or the app's own reverse-DNS custom scheme, e.g. au.com.example.app://callback (plain http is refused)";
        for (const field of ["callbackUrls", "logoutUrls"] as const) {
            app[field].forEach((u, i) => {
                if (!allowed(u)) ctx.addIssue({ code: "custom", path: [field, i], input: u, message });
            });
        }
    });

/**
 * EventBridge regions that are both Australian and accepted by the Auth0 provider. The provider's list
 * (terraform-provider-auth0 `log_stream` `sink.aws_region`) has ap-southeast-2 but not ap-southeast-4
 * (Melbourne), so Sydney is the only choice today.
 */
export const AU_EVENTBRIDGE_REGIONS = ["ap-southeast-2"] as const satisfies readonly AuAwsRegion[];

const logStreamSchema = z.strictObject({
    /** The AWS account that receives Auth0's partner event source. */
    awsAccountId: awsSchema.shape.accountId,
    awsRegion: z.enum(AU_EVENTBRIDGE_REGIONS, {
        error:
            `an Australian AWS region that Auth0 log streams support (${AU_EVENTBRIDGE_REGIONS.join(" | ")}); ` +
            `the audit trail of ${cite("10.staff-access-audit")} stays in Australia`,
    }),
});

/** `data-platform:auth0` */
export const identitySchema = z
    .strictObject({
        /** The tenant's canonical domain; the provider always talks to it (the Management API lives there). */
        domain: auTenantDomain,
        /** Optional custom login domain, served by the tenant above (needs DNS verification; see docs/identity.md). */
        customDomain: customDomain.optional(),
        /** Client id of the deploying machine-to-machine application. */
        clientId,
        tenant: tenantSchema,
        database: databaseSchema,
        mfa: mfaSchema,
        api: apiSchema,
        /** The roles tenants assign to their members, as data. */
        roles: z
            .array(roleSchema, { error: "a list of roles, each {key, name, description, permissions}" })
            .min(1, { error: `at least one role (${RBAC}): with no role, no member can be granted access` })
            .superRefine(uniqueKeys)
            .superRefine(uniqueNames("a role name not used by another role")),
        applications: z
            .array(applicationSchema, { error: "a list of applications" })
            .min(1, { error: "at least one application" })
            .superRefine(uniqueKeys)
            .refine((apps) => apps.some((a) => a.customerFacing), {
                error: `at least one customer-facing application (customerFacing: true): customers log in through an Organization (${cite("03.tenant-data-access")})`,
            }),
        logStream: logStreamSchema,
    })
    .superRefine((cfg, ctx) => {
        // Roles may grant only what the API declares: a permission Auth0 does not know would fail at deploy time,
        // after part of the RBAC model had changed.
        const declared = new Set(cfg.api.permissions.map((p) => p.name));
        cfg.roles.forEach((role, i) =>
            role.permissions.forEach((p, j) => {
                if (!declared.has(p)) {
                    ctx.addIssue({
                        code: "custom",
                        path: ["roles", i, "permissions", j],
                        input: p,
                        message: `a permission declared in api.permissions (${[...declared].join(", ")})`,
                    });
                }
            }),
        );
    });
export type IdentityConfig = z.infer<typeof identitySchema>;
