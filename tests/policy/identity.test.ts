/**
 * Auth0 policies through the real pack: the prod provider and API (at preview) pass; each single mutation fails
 * with the exact message.
 */
import { mandatory, mutateResource, notApplicableReason, policySuite, violationsOf, withInputs, withoutWhere } from "../harness/policy";
import { named } from "../harness/stack";

const suite = policySuite();

describe("auth0-tenant-in-australia", () => {
    const policy = "auth0-tenant-in-australia";
    test("passes the provider and every Auth0 resource on it", async () => {
        const auth0 = suite.rec.registrations.filter((r) => r.type.startsWith("auth0:") || r.type === "pulumi:providers:auth0");
        expect(auth0.length).toBeGreaterThan(10);
        for (const r of auth0) {
            expect({ r: r.name, v: violationsOf(await suite.pack.analyze(r, suite.rec), policy) }).toEqual({ r: r.name, v: [] });
        }
    });
    test("fails a provider on a US tenant", async () => {
        const provider = named(suite.rec, "auth0-au", "pulumi:providers:auth0");
        expect(violationsOf(await suite.pack.analyze(withInputs(provider, (p) => (p["domain"] = "allotrac.us.auth0.com")), suite.rec), policy)).toEqual([
            mandatory("The Auth0 provider auth0-au targets Auth0 domain allotrac.us.auth0.com, which is not an Australian-region tenant (*.au.auth0.com)."),
        ]);
    });
    test("fails a resource whose provider points at a custom domain (the region is then invisible)", async () => {
        const api = named(suite.rec, "auth0-platform-api", "auth0:index/resourceServer:ResourceServer");
        const provider = named(suite.rec, "auth0-au", "pulumi:providers:auth0");
        const moved = { ...suite.rec, registrations: suite.rec.registrations.map((r) => (r === provider ? withInputs(r, (p) => (p["domain"] = "login.allotrac.com")) : r)) };
        expect(violationsOf(await suite.pack.analyze(api, moved), policy)).toEqual([
            mandatory("auth0:index/resourceServer:ResourceServer auth0-platform-api targets Auth0 domain login.allotrac.com, which is not an Australian-region tenant (*.au.auth0.com)."),
        ]);
    });
    test("does not apply to other providers' resources", async () => {
        expect(notApplicableReason(await suite.pack.analyze(named(suite.rec, "s3-documents", "aws:s3/bucket:Bucket"), suite.rec), policy)).toBe("not an Auth0 resource");
    });
});

describe("auth0-api-rbac-enforced", () => {
    const policy = "auth0-api-rbac-enforced";
    const api = () => named(suite.rec, "auth0-platform-api", "auth0:index/resourceServer:ResourceServer");
    test("passes the platform API", async () => {
        expect(violationsOf(await suite.pack.analyze(api(), suite.rec), policy)).toEqual([]);
    });
    test("fails without enforced policies", async () => {
        expect(violationsOf(await suite.pack.analyze(withInputs(api(), (p) => (p["enforcePolicies"] = false)), suite.rec), policy)).toEqual([
            mandatory("Auth0 API auth0-platform-api does not enforce RBAC (enforcePolicies must be true)."),
        ]);
    });
    test("fails a token dialect without permissions", async () => {
        expect(violationsOf(await suite.pack.analyze(withInputs(api(), (p) => (p["tokenDialect"] = "access_token")), suite.rec), policy)).toEqual([
            mandatory("Auth0 API auth0-platform-api uses token dialect access_token; it must be one of access_token_authz, rfc9068_profile_authz."),
        ]);
    });
});

describe("auth0-login-protections", () => {
    const policy = "auth0-login-protections";
    const GUARDIAN = "auth0:index/guardian:Guardian";
    const ATTACK_PROTECTION = "auth0:index/attackProtection:AttackProtection";
    const stack = async (rec = suite.rec) => violationsOf(await suite.pack.analyzeStack(rec), policy);
    // The components and their Auth0 resources share these names; mutateResource changes the resource.
    const [guardian, protection] = ["auth0-mfa", "auth0-attack-protection"];

    test("passes the prod stack: MFA for every login with OTP and WebAuthn, all three attack protections blocking, an excellent password policy", async () => {
        expect([named(suite.rec, guardian, GUARDIAN).type, named(suite.rec, protection, ATTACK_PROTECTION).type]).toEqual([GUARDIAN, ATTACK_PROTECTION]);
        expect(await stack()).toEqual([]);
    });

    test("fails a stack that manages Auth0 but declares no Guardian (MFA would stay at Auth0's default: never)", async () => {
        expect(await stack(withoutWhere(suite.rec, (r) => r.type === GUARDIAN))).toEqual([
            mandatory("The stack manages Auth0 but declares no auth0.Guardian: MFA stays at Auth0's default, never required."),
        ]);
    });

    test.each([
        ["never", "MFA policy never; it must be all-applications (every login)."],
        ["confidence-score", "MFA policy confidence-score; it must be all-applications (every login)."],
    ])("fails a Guardian whose policy is %s", async (value, problem) => {
        expect(await stack(mutateResource(suite.rec, guardian, (p) => (p["policy"] = value)))).toEqual([mandatory(`auth0.Guardian auth0-mfa: ${problem}`)]);
    });

    test("fails a Guardian with no strong factor (recovery codes alone are not one)", async () => {
        const weak = mutateResource(suite.rec, guardian, (p) => {
            p["otp"] = false;
            delete p["webauthnRoaming"];
            delete p["webauthnPlatform"];
            p["recoveryCode"] = true;
        });
        expect(await stack(weak)).toEqual([
            mandatory("auth0.Guardian auth0-mfa: no strong factor: enable OTP or WebAuthn (a security key or the device's biometrics)."),
        ]);
    });

    test("fails a Guardian with SMS or voice codes, or email codes, beside a strong factor", async () => {
        const phone = mutateResource(suite.rec, guardian, (p) => (p["phone"] = { provider: "auth0", messageTypes: ["sms"] }));
        expect(await stack(phone)).toEqual([mandatory("auth0.Guardian auth0-mfa: SMS or voice codes are enabled (phone); they can be intercepted.")]);
        const email = mutateResource(suite.rec, guardian, (p) => (p["email"] = true));
        expect(await stack(email)).toEqual([mandatory("auth0.Guardian auth0-mfa: email codes are enabled; they go to the password's own recovery channel.")]);
    });

    test("fails a stack that manages Auth0 but declares no attack protection", async () => {
        expect(await stack(withoutWhere(suite.rec, (r) => r.type === ATTACK_PROTECTION))).toEqual([
            mandatory("The stack manages Auth0 but declares no auth0.AttackProtection: login attacks are not blocked."),
        ]);
    });

    test.each([
        ["bruteForceProtection", "brute-force protection"],
        ["breachedPasswordDetection", "breached password detection"],
        ["suspiciousIpThrottling", "suspicious IP throttling"],
    ])("fails attack protection with %s off, or on without blocking", async (prop, label) => {
        const off = mutateResource(suite.rec, protection, (p) => (p[prop]["enabled"] = false));
        expect(await stack(off)).toEqual([mandatory(`auth0.AttackProtection auth0-attack-protection: ${label} is not enabled.`)]);
        const notifyOnly = mutateResource(suite.rec, protection, (p) => (p[prop]["shields"] = ["admin_notification"]));
        expect(await stack(notifyOnly)).toEqual([mandatory(`auth0.AttackProtection auth0-attack-protection: ${label} does not block (no "block" shield).`)]);
    });

    test.each(["fair", "low", "none"])("fails a user database whose password policy is %s", async (level) => {
        const weak = mutateResource(suite.rec, "auth0-users", (p) => (p["options"]["passwordPolicy"] = level));
        expect(await stack(weak)).toEqual([mandatory(`auth0.Connection auth0-users: password policy ${level}; it must be one of good, excellent.`)]);
    });

    test("is not applicable to a stack without Auth0 resources", async () => {
        const noAuth0 = withoutWhere(suite.rec, (r) => r.type.startsWith("auth0:") || r.type === "pulumi:providers:auth0");
        expect(notApplicableReason(await suite.pack.analyzeStack(noAuth0), policy)).toBe("the stack has no Auth0 resources");
    });
});

describe("auth0-logins-require-organization", () => {
    const policy = "auth0-logins-require-organization";
    /** The engine's wire value for a value unknown at preview. */
    const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    const stack = async (rec = suite.rec) => violationsOf(await suite.pack.analyzeStack(rec), policy);
    const [app, enabling, userDatabase] = ["auth0-app-web", "auth0-users-clients", "auth0-users"];

    test("passes the prod stack: the web application, enabled on the user database by reference, requires an Organization", async () => {
        expect(named(suite.rec, enabling, "auth0:index/connectionClients:ConnectionClients").propertyDependencies["enabledClients"]).toContain(
            named(suite.rec, app, "auth0:index/client:Client").urn,
        );
        expect(await stack()).toEqual([]);
    });

    test.each([
        ["deny", "deny"],
        ["allow", "allow"],
        [undefined, "(unset: deny)"],
    ])("fails the web application with organizationUsage %s", async (value, shown) => {
        const rec = mutateResource(suite.rec, app, (p) => (value === undefined ? delete p["organizationUsage"] : (p["organizationUsage"] = value)));
        expect(await stack(rec)).toEqual([
            mandatory(`auth0.Client ${app} logs in users of a user database with organizationUsage ${shown}; it must be require (one customer tenant per session).`),
        ]);
    });

    test("fails a client enabled on the user database by a literal id (not a client of this stack by reference)", async () => {
        const rec = mutateResource(suite.rec, enabling, (p) => p["enabledClients"].push("abc123externalclient"));
        expect(await stack(rec)).toEqual([
            mandatory(
                `ConnectionClients ${enabling} enables 1 client(s) (abc123externalclient) on a user database that are not clients of this stack by reference: whether they require an Organization cannot be checked.`,
            ),
        ]);
    });

    test("fails an enabled-clients list that is unknown at preview as a whole", async () => {
        const rec = mutateResource(suite.rec, enabling, (p) => (p["enabledClients"] = UNKNOWN));
        expect(await stack(rec)).toEqual([
            mandatory(
                `ConnectionClients ${enabling}: its enabledClients is unknown at preview as a whole, so the clients it enables cannot be told apart; list each client's id (\`client.clientId\`) directly.`,
            ),
        ]);
    });

    test("is not applicable when no application is enabled on a user database (strategy auth0) of the stack", async () => {
        const social = mutateResource(suite.rec, userDatabase, (p) => (p["strategy"] = "google-oauth2"));
        expect(notApplicableReason(await suite.pack.analyzeStack(social), policy)).toBe("no application is enabled on a user database of the stack");
    });
});
