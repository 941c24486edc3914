/**
 * `data-platform:auth0` (infra/schema/identity.ts): the prod section validates, and every weakening of the
 * tenant (a region outside Australia, no roles, a weak password policy, …) is refused with a message naming the
 * key, the bad value and what is allowed — before any resource is registered.
 */
import { identitySchema } from "../../infra/schema/identity";
import type { Registration } from "../../infra/check/recorder";
import { prodConfig, runStackExpectingError } from "../harness/stack";

const SECTION = "data-platform:auth0";
const HEADER_1 = "Invalid stack configuration (1 problem); nothing was deployed:\n";

/** The prod `data-platform:auth0` section, as a fresh copy. */
function prodSection(): Record<string, any> {
    return prodConfig()[SECTION];
}

/** Each zod issue as `path: message`, for schema-level cases. */
function issuesOf(section: unknown): string[] {
    const r = identitySchema.safeParse(section);
    if (r.success) return [];
    return r.error.issues.map((i) => `${i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}: ${i.message}`);
}

/** The types registered: a refusal must leave nothing but the root stack. */
function types(registrations: readonly Registration[]): string[] {
    return registrations.map((r) => r.type);
}

describe("the prod section", () => {
    test("validates, with nothing defaulted away", () => {
        const r = identitySchema.safeParse(prodSection());
        expect(r.success).toBe(true);
        expect(r.data?.domain).toBe("allotrac.au.auth0.com");
        expect(r.data?.customDomain).toBeUndefined();
        expect(r.data?.roles.map((role) => role.key)).toEqual(["tenant-owner", "tenant-admin", "member", "read-only", "support"]);
        expect(r.data?.database.passwordPolicy).toEqual({
            strength: "excellent",
            minLength: 14,
            historySize: 5,
            blockCommonPasswords: true,
            blockPersonalInfo: true,
            extraDictionaryWords: ["allotrac", "allie"],
        });
        expect(r.data?.logStream).toEqual({ awsAccountId: "111122223333", awsRegion: "ap-southeast-2" });
    });
});

describe("refusals through the real program (nothing but the root stack is registered)", () => {
    test("a tenant outside Auth0's Australian region", async () => {
        const err = await runStackExpectingError({ mutate: (c) => (c[SECTION].domain = "allotrac.us.auth0.com") });
        expect(err.message).toBe(
            HEADER_1 +
                '  - data-platform:auth0.domain = "allotrac.us.auth0.com" is not allowed; expected the tenant\'s canonical domain in ' +
                "Auth0's Australian region, <tenant>.au.auth0.com (the region is fixed when the tenant is created and only this " +
                "domain shows it; §02 Data Storage — Identity and authentication data in Auth0). A custom domain goes in " +
                "customDomain, next to this one, never instead of it.",
        );
        expect(types(err.registrations)).toEqual(["pulumi:pulumi:Stack"]);
    });

    test("an empty role set", async () => {
        const err = await runStackExpectingError({ mutate: (c) => (c[SECTION].roles = []) });
        expect(err.message).toBe(
            HEADER_1 +
                "  - data-platform:auth0.roles = [] is not allowed; expected at least one role (§03 Data Access & Permissions — " +
                "All data access restricted by role-based access control): with no role, no member can be granted access.",
        );
        expect(types(err.registrations)).toEqual(["pulumi:pulumi:Stack"]);
    });

    test("a weak password policy: every weakness is named at once", async () => {
        const err = await runStackExpectingError({
            mutate: (c) =>
                (c[SECTION].database.passwordPolicy = {
                    strength: "fair",
                    minLength: 8,
                    historySize: 0,
                    blockCommonPasswords: false,
                    blockPersonalInfo: false,
                }),
        });
        const key = "data-platform:auth0.database.passwordPolicy";
        expect(err.message).toBe(
            "Invalid stack configuration (5 problems); nothing was deployed:\n" +
                `  - ${key}.strength = "fair" is not allowed; expected a password strength of "good" or "excellent" (Auth0's none, low and fair levels are refused as too weak).\n` +
                `  - ${key}.minLength = 8 is not allowed; expected a whole number from 12 to 72; at least 12 characters (OWASP ASVS), at most 72 (Auth0 ignores what follows 72 bytes).\n` +
                `  - ${key}.historySize = 0 is not allowed; expected a whole number from 1 to 24; password history must be on; Auth0 keeps at most 24 previous passwords.\n` +
                `  - ${key}.blockCommonPasswords = false is not allowed; expected true: passwords from the common-password dictionary are refused.\n` +
                `  - ${key}.blockPersonalInfo = false is not allowed; expected true: passwords containing the user's name or email are refused.`,
        );
        expect(types(err.registrations)).toEqual(["pulumi:pulumi:Stack"]);
    });

    test("a minimum length one below the floor is refused on its own", async () => {
        const err = await runStackExpectingError({ mutate: (c) => (c[SECTION].database.passwordPolicy.minLength = 11) });
        expect(err.message).toBe(
            HEADER_1 +
                "  - data-platform:auth0.database.passwordPolicy.minLength = 11 is not allowed; expected a whole number from 12 to 72; " +
                "at least 12 characters (OWASP ASVS), at most 72 (Auth0 ignores what follows 72 bytes).",
        );
        expect(types(err.registrations)).toEqual(["pulumi:pulumi:Stack"]);
    });

    test("a missing section", async () => {
        const err = await runStackExpectingError({ mutate: (c) => delete c[SECTION] });
        expect(err.message).toBe(HEADER_1 + "  - data-platform:auth0 is not set; expected an object.");
        expect(types(err.registrations)).toEqual(["pulumi:pulumi:Stack"]);
    });

    test("the deploy client's secret written in plain text in the stack file", async () => {
        const err = await runStackExpectingError({ mutate: (c) => (c["auth0:clientSecret"] = "not-a-real-secret") });
        expect(err.message).toBe(
            HEADER_1 +
                "  - auth0:clientSecret = (a plain-text value, not shown) is not allowed; expected a secret: remove it from the " +
                "stack file and run `pulumi config set --secret auth0:clientSecret`.",
        );
        expect(err.message).not.toContain("not-a-real-secret");
        expect(types(err.registrations)).toEqual(["pulumi:pulumi:Stack"]);
    });
});

describe("the tenant domain and the custom domain", () => {
    const AU = "§02 Data Storage — Identity and authentication data in Auth0";

    test.each([
        ["a US tenant", "allotrac.us.auth0.com"],
        ["an EU tenant", "allotrac.eu.auth0.com"],
        ["a legacy US tenant without a region label", "allotrac.auth0.com"],
        ["a URL instead of a domain", "https://allotrac.au.auth0.com"],
        ["a custom domain in place of the canonical one", "login.allotrac.com.au"],
        ["an Australian-looking suffix on another host", "allotrac.au.auth0.com.evil.example"],
    ])("refuses %s", (_, domain) => {
        expect(issuesOf({ ...prodSection(), domain })).toEqual([
            `.domain: the tenant's canonical domain in Auth0's Australian region, <tenant>.au.auth0.com (the region is fixed when the tenant is created and only this domain shows it; ${AU}). A custom domain goes in customDomain, next to this one, never instead of it`,
        ]);
    });

    test("a custom domain is accepted next to the canonical Australian domain", () => {
        expect(issuesOf({ ...prodSection(), customDomain: "login.allotrac.com.au" })).toEqual([]);
    });

    test("a custom domain without the canonical domain is refused: the domain is still required", () => {
        const section: Record<string, unknown> = { ...prodSection(), customDomain: "login.allotrac.com.au" };
        delete section["domain"];
        expect(issuesOf(section)).toEqual([
            `.domain: the tenant's canonical domain in Auth0's Australian region, <tenant>.au.auth0.com (the region is fixed when the tenant is created and only this domain shows it; ${AU}). A custom domain goes in customDomain, next to this one, never instead of it`,
        ]);
    });

    test("an auth0.com name is not a custom domain", () => {
        expect(issuesOf({ ...prodSection(), customDomain: "allotrac.us.auth0.com" })).toEqual([
            ".customDomain: a custom login domain you own, e.g. login.example.com.au (lower-case host name, not an auth0.com name); Auth0 serves it from the tenant declared in domain, which keeps the region visible",
        ]);
    });
});

describe("tenant sessions", () => {
    test("an absolute session longer than 7 days is refused", () => {
        const section = prodSection();
        section["tenant"].sessionLifetimeHours = 720;
        expect(issuesOf(section)).toEqual([
            ".tenant.sessionLifetimeHours: a whole number from 1 to 168; at most 7 days: a session must not outlive a working week",
        ]);
    });

    test("an idle timeout longer than the absolute session is refused", () => {
        const section = prodSection();
        section["tenant"].sessionLifetimeHours = 8;
        section["tenant"].idleSessionLifetimeHours = 24;
        expect(issuesOf(section)).toEqual([".tenant.idleSessionLifetimeHours: an idle lifetime no longer than sessionLifetimeHours (8)"]);
    });

    test("a support page over plain http is refused", () => {
        const section = prodSection();
        section["tenant"].supportUrl = "http://www.allotrac.com.au/support";
        expect(issuesOf(section)).toEqual([
            ".tenant.supportUrl: the support page users are sent to when they cannot log in: an https:// URL with a DNS host name (plain http is refused: §05 Data Security — Encryption at rest and in transit, security audits, access control)",
        ]);
    });
});

describe("MFA factors", () => {
    const STRONG = "at least one strong MFA factor (otp, webauthn-roaming, webauthn-platform); a recovery code alone is not a second factor";

    test("recovery codes alone are refused", () => {
        const section = prodSection();
        section["mfa"].factors = ["recovery-code"];
        expect(issuesOf(section)).toEqual([`.mfa.factors: ${STRONG}`]);
    });

    test("no factor at all is refused", () => {
        const section = prodSection();
        section["mfa"].factors = [];
        expect(issuesOf(section)).toEqual([`.mfa.factors: ${STRONG}`]);
    });

    test("SMS is not offered", () => {
        const section = prodSection();
        section["mfa"].factors = ["otp", "sms"];
        expect(issuesOf(section)).toEqual([
            ".mfa.factors[1]: an MFA factor: otp | webauthn-roaming | webauthn-platform | recovery-code (SMS, voice and email codes can be intercepted and are not offered)",
        ]);
    });

    test("one strong factor is enough", () => {
        const section = prodSection();
        section["mfa"].factors = ["webauthn-roaming"];
        expect(issuesOf(section)).toEqual([]);
    });
});

describe("roles and permissions", () => {
    test("a role may only grant a permission the API declares", () => {
        const section = prodSection();
        section["roles"][4].permissions.push("impersonate:users");
        expect(issuesOf(section)).toEqual([
            ".roles[4].permissions[3]: a permission declared in api.permissions (read:operations, write:operations, delete:operations, read:files, write:files, read:members, manage:members, manage:settings, manage:billing)",
        ]);
    });

    test("a role that grants nothing is refused", () => {
        const section = prodSection();
        section["roles"][3].permissions = [];
        expect(issuesOf(section)).toEqual([".roles[3].permissions: at least one permission: a role that grants nothing is a mistake"]);
    });

    test("two roles with one key or one name are refused", () => {
        const section = prodSection();
        section["roles"].push({ ...section["roles"][2] });
        expect(issuesOf(section)).toEqual([
            ".roles[5].key: a key not used by another entry of this list",
            ".roles[5].name: a role name not used by another role",
        ]);
    });

    test("a role that names one permission twice is refused", () => {
        const section = prodSection();
        section["roles"][3].permissions.push("read:files");
        expect(issuesOf(section)).toEqual([".roles[3].permissions: a list of the API's permission names, each named once"]);
    });

    test("a permission declared twice is refused", () => {
        const section = prodSection();
        section["api"].permissions.push({ name: "read:files", description: "Download the tenant's files again" });
        expect(issuesOf(section)).toEqual([".api.permissions[9].name: a permission name not used by another entry"]);
    });

    test("a permission name not of the form action:resource is refused", () => {
        const section = prodSection();
        section["api"].permissions[0].name = "ReadEverything";
        section["roles"] = section["roles"].map((r: { permissions: string[] }) => ({
            ...r,
            permissions: r.permissions.map((p) => (p === "read:operations" ? "ReadEverything" : p)),
        }));
        expect(issuesOf(section)).toEqual([
            ".api.permissions[0].name: a permission name of the form <action>:<resource>, lower-case, e.g. read:operations",
            ...[0, 1, 2, 3, 4].map((i) => `.roles[${i}].permissions[0]: a permission name of the form <action>:<resource>, lower-case, e.g. read:operations`),
        ]);
    });
});

describe("applications", () => {
    test("at least one must be customer-facing (it uses Organizations)", () => {
        const section = prodSection();
        section["applications"][0].customerFacing = false;
        expect(issuesOf(section)).toEqual([
            ".applications: at least one customer-facing application (customerFacing: true): customers log in through an Organization (§03 Data Access & Permissions — Tenant data limited to the tenant's users, under tenant-managed permissions)",
        ]);
    });

    test("a browser app's callback over plain http is refused", () => {
        const section = prodSection();
        section["applications"][0].callbackUrls = ["http://app.allotrac.com.au/callback"];
        expect(issuesOf(section)).toEqual([
            ".applications[0].callbackUrls[0]: an https:// URL (plain http is refused: §05 Data Security — Encryption at rest and in transit, security audits, access control)",
        ]);
    });

    test("a native app may use its reverse-DNS scheme, but never plain http", () => {
        const section = prodSection();
        section["applications"].push({
            key: "driver",
            name: "Allotrac Driver",
            description: "The mobile app drivers use on the road",
            appType: "native",
            customerFacing: true,
            callbackUrls: ["au.com.allotrac.driver://callback", "http://localhost:3000/callback"],
        });
        expect(issuesOf(section)).toEqual([
            ".applications[1].callbackUrls[1]: an https:// URL or the app's own reverse-DNS custom scheme, e.g. au.com.example.app://callback (plain http is refused)",
        ]);
    });

    test("a confidential (regular web) client is not managed here", () => {
        const section = prodSection();
        section["applications"][0].appType = "regular_web";
        expect(issuesOf(section)).toEqual([
            ".applications[0].appType: spa or native: a public client using the authorization code flow with PKCE (confidential clients are not managed here)",
        ]);
    });
});

describe("the audit log stream", () => {
    test("Melbourne is Australian but not a region Auth0 log streams support", () => {
        const section = prodSection();
        section["logStream"].awsRegion = "ap-southeast-4";
        expect(issuesOf(section)).toEqual([
            ".logStream.awsRegion: an Australian AWS region that Auth0 log streams support (ap-southeast-2); the audit trail of §10 Data Access by — Staff and contractor access strictly controlled, with audit logs stays in Australia",
        ]);
    });

    test("a region outside Australia is refused", () => {
        const section = prodSection();
        section["logStream"].awsRegion = "us-east-1";
        expect(issuesOf(section)).toEqual([
            ".logStream.awsRegion: an Australian AWS region that Auth0 log streams support (ap-southeast-2); the audit trail of §10 Data Access by — Staff and contractor access strictly controlled, with audit logs stays in Australia",
        ]);
    });
});
