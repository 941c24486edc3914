/**
 * Auth0 policies through the real pack: the prod provider and API (at preview) pass; each single mutation fails
 * with the exact message.
 */
import { mandatory, mutateResource, notApplicableReason, policySuite, violationsOf, withInputs, withoutWhere } from "../harness/policy";
import { named } from "../harness/stack";

const suite = policySuite();
/** The engine's wire value for a value unknown at preview. */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

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
    const [guardian, protection, users] = ["auth0-mfa", "auth0-attack-protection", "auth0-users"];
    const guardianSays = (problem: string) => mandatory(`auth0.Guardian auth0-mfa: ${problem}`);
    const protectionSays = (problem: string) => mandatory(`auth0.AttackProtection auth0-attack-protection: ${problem}`);
    const databaseSays = (problem: string) => mandatory(`auth0.Connection auth0-users: ${problem}`);

    test("passes the prod stack: MFA for every login with OTP and WebAuthn, all three attack protections blocking, a strong user database", async () => {
        expect([named(suite.rec, guardian, GUARDIAN).type, named(suite.rec, protection, ATTACK_PROTECTION).type]).toEqual([GUARDIAN, ATTACK_PROTECTION]);
        const result = await suite.pack.analyzeStack(suite.rec);
        expect(notApplicableReason(result, policy)).toBeUndefined();
        expect(violationsOf(result, policy)).toEqual([]);
    });

    test("fails a tenant (provider) that manages Auth0 but has no Guardian (MFA would stay at Auth0's default: never)", async () => {
        expect(await stack(withoutWhere(suite.rec, (r) => r.type === GUARDIAN))).toEqual([
            mandatory("Auth0 provider auth0-au manages a tenant with no auth0.Guardian: MFA stays at Auth0's default, never required."),
        ]);
    });

    test("fails a second tenant whose resources are not covered by the first tenant's Guardian and attack protection", async () => {
        const provider = named(suite.rec, "auth0-au", "pulumi:providers:auth0");
        const second = { ...provider, name: "auth0-other", urn: provider.urn.replace(/auth0-au$/, "auth0-other") };
        const db = named(suite.rec, users, "auth0:index/connection:Connection");
        // A provider reference is the provider's URN and id (`<urn>::<id>`).
        expect(db.provider?.startsWith(`${provider.urn}::`)).toBe(true);
        const moved = { ...db, provider: db.provider!.replace(provider.urn, second.urn) };
        const rec = { ...suite.rec, registrations: [...suite.rec.registrations.map((r) => (r === db ? moved : r)), second] };
        expect(await stack(rec)).toEqual([
            mandatory("Auth0 provider auth0-other manages a tenant with no auth0.Guardian: MFA stays at Auth0's default, never required."),
            mandatory("Auth0 provider auth0-other manages a tenant with no auth0.AttackProtection: login attacks are not blocked."),
        ]);
    });

    test.each([
        ["never", "never", "MFA policy never; it must be all-applications (every login)."],
        ["confidence-score", "confidence-score", "MFA policy confidence-score; it must be all-applications (every login)."],
        ["unknown at preview", UNKNOWN, "MFA policy (unknown at preview); it must be all-applications (every login)."],
    ])("fails a Guardian whose policy is %s", async (_label, value, problem) => {
        expect(await stack(mutateResource(suite.rec, guardian, (p) => (p["policy"] = value)))).toEqual([guardianSays(problem)]);
    });

    test("fails a Guardian with no strong factor (recovery codes alone are not one, nor a WebAuthn block turned off)", async () => {
        const weak = mutateResource(suite.rec, guardian, (p) => {
            p["otp"] = false;
            delete p["webauthnRoaming"];
            p["webauthnPlatform"] = { enabled: false };
            p["recoveryCode"] = true;
        });
        expect(await stack(weak)).toEqual([guardianSays("no strong factor: enable OTP or WebAuthn (a security key or the device's biometrics).")]);
    });

    test("passes a Guardian whose only strong factor is a security key (WebAuthn roaming)", async () => {
        const keysOnly = mutateResource(suite.rec, guardian, (p) => {
            p["otp"] = false;
            delete p["webauthnPlatform"];
        });
        expect(await stack(keysOnly)).toEqual([]);
    });

    test("a strong factor unknown at preview is a finding of its own, and the other findings still show", async () => {
        const unknown = mutateResource(suite.rec, guardian, (p) => {
            p["otp"] = false;
            delete p["webauthnPlatform"];
            p["webauthnRoaming"] = { enabled: UNKNOWN };
        });
        const weakDb = mutateResource(unknown, users, (p) => (p["options"]["passwordPolicy"] = "fair"));
        expect(await stack(weakDb)).toEqual([
            guardianSays("whether a strong factor (OTP or WebAuthn) is enabled is unknown at preview."),
            databaseSays("password policy fair; it must be one of good, excellent."),
        ]);
    });

    test.each([
        ["phone", { enabled: true, messageTypes: ["sms"] }, "phone (SMS or voice codes) enabled; they can be intercepted."],
        ["email", true, "email codes enabled; they go to the password's own recovery channel."],
        ["push", { enabled: true }, "push notifications enabled; a user can approve an attacker's prompt (MFA fatigue)."],
        ["duo", { enabled: true, hostname: "api-x.duosecurity.com" }, "Duo enabled; it sends logins to Duo, a processor infra/processors.ts does not declare."],
    ])("fails a Guardian with %s as a factor beside a strong one", async (prop, value, problem) => {
        expect(await stack(mutateResource(suite.rec, guardian, (p) => (p[prop] = value)))).toEqual([guardianSays(problem)]);
    });

    test("passes a Guardian whose phone factor is declared but turned off", async () => {
        expect(await stack(mutateResource(suite.rec, guardian, (p) => (p["phone"] = { enabled: false, messageTypes: ["sms"] })))).toEqual([]);
    });

    test("fails a tenant that manages Auth0 but has no attack protection", async () => {
        expect(await stack(withoutWhere(suite.rec, (r) => r.type === ATTACK_PROTECTION))).toEqual([
            mandatory("Auth0 provider auth0-au manages a tenant with no auth0.AttackProtection: login attacks are not blocked."),
        ]);
    });

    test.each([
        ["bruteForceProtection", "brute-force protection"],
        ["breachedPasswordDetection", "breached password detection"],
        ["suspiciousIpThrottling", "suspicious IP throttling"],
    ])("fails attack protection with %s off, on without blocking, or missing", async (prop, label) => {
        expect(await stack(mutateResource(suite.rec, protection, (p) => (p[prop]["enabled"] = false)))).toEqual([protectionSays(`${label} is not enabled.`)]);
        expect(await stack(mutateResource(suite.rec, protection, (p) => (p[prop]["shields"] = ["admin_notification"])))).toEqual([
            protectionSays(`${label} does not block (no "block" shield).`),
        ]);
        expect(await stack(mutateResource(suite.rec, protection, (p) => delete p[prop]))).toEqual([protectionSays(`${label} is not enabled.`)]);
    });

    test.each([
        ["bruteForceProtection", "brute-force protection"],
        ["suspiciousIpThrottling", "suspicious IP throttling"],
    ])("fails %s that exempts an IP range (0.0.0.0/0 would exempt everyone)", async (prop, label) => {
        expect(await stack(mutateResource(suite.rec, protection, (p) => (p[prop]["allowlists"] = ["0.0.0.0/0"])))).toEqual([
            protectionSays(`${label} exempts 0.0.0.0/0; no IP may be exempt.`),
        ]);
    });

    test("fails breached password detection that does not block at sign-up or at password change", async () => {
        const rec = mutateResource(suite.rec, protection, (p) => {
            p["breachedPasswordDetection"]["preUserRegistration"] = { shields: [] };
            delete p["breachedPasswordDetection"]["preChangePassword"];
        });
        expect(await stack(rec)).toEqual([
            protectionSays('breached passwords are not blocked at sign-up (no "block" shield on preUserRegistration).'),
            protectionSays('breached passwords are not blocked at password change (no "block" shield on preChangePassword).'),
        ]);
    });

    test.each(["fair", "low", "none"])("fails a user database whose password policy is %s", async (level) => {
        const weak = mutateResource(suite.rec, users, (p) => (p["options"]["passwordPolicy"] = level));
        expect(await stack(weak)).toEqual([databaseSays(`password policy ${level}; it must be one of good, excellent.`)]);
    });

    test("fails a user database whose password rules beyond the strength level are weak, or whose own MFA or brute-force protection is off", async () => {
        const weak = mutateResource(suite.rec, users, (p) => {
            const o = p["options"];
            o["passwordComplexityOptions"]["minLength"] = 8;
            o["passwordHistories"] = [{ enable: false, size: 5 }];
            o["passwordDictionary"]["enable"] = false;
            o["passwordNoPersonalInfo"]["enable"] = false;
            o["mfa"]["active"] = false;
            o["bruteForceProtection"] = false;
        });
        expect(await stack(weak)).toEqual([
            databaseSays("minimum password length 8; it must be at least 12."),
            databaseSays("password history is off (passwordHistories: enable, size at least 1)."),
            databaseSays("the common-password dictionary is off (options.passwordDictionary.enable must be true)."),
            databaseSays("the personal-data check on passwords is off (options.passwordNoPersonalInfo.enable must be true)."),
            databaseSays("MFA for this database is off (options.mfa.active must be true)."),
            databaseSays("brute-force protection for this database is off (options.bruteForceProtection must be true)."),
        ]);
    });

    test("fails a user database whose custom database scripts or import mode would bypass the password rules", async () => {
        const bypass = mutateResource(suite.rec, users, (p) => {
            p["options"]["enabledDatabaseCustomization"] = true;
            p["options"]["importMode"] = true;
        });
        expect(await stack(bypass)).toEqual([
            databaseSays("custom database scripts (a login script decides what a valid password is) is on; the password rules are then bypassed."),
            databaseSays("import mode (users' passwords checked by a legacy database) is on; the password rules are then bypassed."),
        ]);
    });

    test("a factor that must be off and is unknown at preview (provider-computed when unset) is not a finding; known on, it is", async () => {
        expect(await stack(mutateResource(suite.rec, guardian, (p) => (p["push"] = { enabled: UNKNOWN })))).toEqual([]);
        expect(await stack(mutateResource(suite.rec, guardian, (p) => (p["duo"] = { enabled: true })))).toEqual([
            guardianSays("Duo enabled; it sends logins to Duo, a processor infra/processors.ts does not declare."),
        ]);
    });

    test("judges only user databases (strategy auth0), and says so when the strategy is unknown at preview", async () => {
        const social = mutateResource(suite.rec, users, (p) => {
            p["strategy"] = "google-oauth2";
            p["options"] = {};
        });
        expect(await stack(social)).toEqual([]);
        expect(await stack(mutateResource(suite.rec, users, (p) => (p["strategy"] = UNKNOWN)))).toEqual([
            databaseSays("its strategy is unknown at preview, so whether it is a user database cannot be shown."),
        ]);
    });

    test("an exempt user database is not judged (the pack config names it, with a reason)", async () => {
        const weak = mutateResource(suite.rec, users, (p) => (p["options"]["passwordPolicy"] = "low"));
        const exempt = { [policy]: { exemptions: [{ resource: users, reason: "Legacy tenant moving off this database, ticket OPS-7." }] } };
        expect(violationsOf(await suite.pack.analyzeStack(weak, exempt), policy)).toEqual([]);
    });

    test("is not applicable to a stack without Auth0 resources", async () => {
        const noAuth0 = withoutWhere(suite.rec, (r) => r.type.startsWith("auth0:") || r.type === "pulumi:providers:auth0");
        expect(notApplicableReason(await suite.pack.analyzeStack(noAuth0), policy)).toBe("the stack has no Auth0 resources");
    });
});

describe("auth0-logins-require-organization", () => {
    const policy = "auth0-logins-require-organization";
    const stack = async (rec = suite.rec) => violationsOf(await suite.pack.analyzeStack(rec), policy);
    const [app, enabling, userDatabase, tenant] = ["auth0-app-web", "auth0-users-clients", "auth0-users", "auth0-tenant"];
    const CLIENT = "auth0:index/client:Client";

    test("passes the prod stack: the web application requires an Organization, is enabled on the user database by reference, and the tenant enables no client by itself", async () => {
        expect(named(suite.rec, enabling, "auth0:index/connectionClients:ConnectionClients").propertyDependencies["enabledClients"]).toContain(named(suite.rec, app, CLIENT).urn);
        const result = await suite.pack.analyzeStack(suite.rec);
        expect(notApplicableReason(result, policy)).toBeUndefined();
        expect(violationsOf(result, policy)).toEqual([]);
    });

    test.each([
        ["deny", "deny", "deny"],
        ["allow", "allow", "allow"],
        ["unset", undefined, "(unset: deny)"],
        ["unknown at preview", UNKNOWN, "(unknown at preview)"],
    ])("fails the web application with organizationUsage %s", async (_label, value, shown) => {
        const rec = mutateResource(suite.rec, app, (p) => (value === undefined ? delete p["organizationUsage"] : (p["organizationUsage"] = value)));
        expect(await stack(rec)).toEqual([
            mandatory(`auth0.Client ${app} logs people in with organizationUsage ${shown}; it must be require (one customer tenant per session).`),
        ]);
    });

    test("judges an interactive client even when nothing enables it on a connection, and leaves a machine-to-machine client alone", async () => {
        const loose = withoutWhere(mutateResource(suite.rec, app, (p) => (p["organizationUsage"] = "deny")), (r) => r.name === enabling);
        expect(await stack(loose)).toEqual([
            mandatory(`auth0.Client ${app} logs people in with organizationUsage deny; it must be require (one customer tenant per session).`),
        ]);
        const m2m = mutateResource(suite.rec, app, (p) => {
            p["organizationUsage"] = "deny";
            p["grantTypes"] = ["client_credentials"];
        });
        expect(await stack(withoutWhere(m2m, (r) => r.name === enabling))).toEqual([]);
        // Enabled on the user database, it is judged whatever its grant types.
        expect(await stack(m2m)).toEqual([
            mandatory(`auth0.Client ${app} logs people in with organizationUsage deny; it must be require (one customer tenant per session).`),
        ]);
    });

    test("an exempt client (a staff application, named in the pack config with its reason) is not judged", async () => {
        const staff = mutateResource(suite.rec, app, (p) => (p["organizationUsage"] = "deny"));
        const exempt = { [policy]: { exemptions: [{ resource: app, reason: "Staff console, no customer data, ticket SEC-12." }] } };
        expect(violationsOf(await suite.pack.analyzeStack(staff, exempt), policy)).toEqual([]);
    });

    test("fails a client enabled by a literal id (not a client of this stack)", async () => {
        const rec = mutateResource(suite.rec, enabling, (p) => p["enabledClients"].push("abc123externalclient"));
        expect(await stack(rec)).toEqual([
            mandatory(
                `auth0.ConnectionClients ${enabling} enables 1 client(s) (abc123externalclient) that are not clients of this stack by reference: whether they require an Organization cannot be checked.`,
            ),
        ]);
    });

    test("an enabled-clients list unknown at preview as a whole is judged by the clients it references", async () => {
        const unknownList = mutateResource(suite.rec, enabling, (p) => (p["enabledClients"] = UNKNOWN));
        expect(await stack(unknownList)).toEqual([]);
        const m2mDeny = mutateResource(unknownList, app, (p) => {
            p["organizationUsage"] = "deny";
            p["grantTypes"] = ["client_credentials"];
        });
        expect(await stack(m2mDeny)).toEqual([
            mandatory(`auth0.Client ${app} logs people in with organizationUsage deny; it must be require (one customer tenant per session).`),
        ]);
        const unreferenced = {
            ...unknownList,
            registrations: unknownList.registrations.map((r) => (r.name === enabling ? { ...r, propertyDependencies: { ...r.propertyDependencies, enabledClients: [] } } : r)),
        };
        expect(await stack(unreferenced)).toEqual([
            mandatory(`auth0.ConnectionClients ${enabling}: its enabledClients is unknown at preview and references no client of this stack, so the clients it enables cannot be checked.`),
        ]);
    });

    test("fails clients enabled on a connection the stack does not declare: a known id names it, even beside a reference to the user database", async () => {
        const db = named(suite.rec, userDatabase, "auth0:index/connection:Connection");
        // After deployment the connection's id is known (the provider outputs it), and the known connectionId is compared with it.
        const deployed = mutateResource(suite.rec, userDatabase, (p) => (p["id"] = "con_real"));
        expect(await stack(mutateResource(deployed, enabling, (p) => (p["connectionId"] = "con_real")))).toEqual([]);
        const rec = mutateResource(deployed, enabling, (p) => (p["connectionId"] = "con_0000000000000000"));
        expect(rec.registrations.find((r) => r.name === enabling)!.propertyDependencies["connectionId"]).toContain(db.urn);
        expect(await stack(rec)).toEqual([
            mandatory(`auth0.ConnectionClients ${enabling} enables clients on a connection this stack does not declare: whether it holds the tenants' users cannot be checked.`),
        ]);
    });

    test("judges a client whose grants are not only client_credentials (a device-code login), enabled on a connection or not", async () => {
        const device = mutateResource(suite.rec, app, (p) => {
            p["organizationUsage"] = "deny";
            p["grantTypes"] = ["urn:ietf:params:oauth:grant-type:device_code"];
        });
        expect(await stack(withoutWhere(device, (r) => r.name === enabling))).toEqual([
            mandatory(`auth0.Client ${app} logs people in with organizationUsage deny; it must be require (one customer tenant per session).`),
        ]);
    });

    test("fails an Organization's connection that makes whoever logs in through it a member (assignMembershipOnLogin)", async () => {
        const base = named(suite.rec, enabling, "auth0:index/connectionClients:ConnectionClients");
        const org = (type: string, name: string, rawInputs: Record<string, unknown>) => ({
            ...base,
            type,
            name,
            urn: base.urn.replace(/auth0:index\/connectionClients:ConnectionClients::.*$/, `${type}::${name}`),
            rawInputs,
            inputs: rawInputs,
        });
        const single = org("auth0:index/organizationConnection:OrganizationConnection", "org-a-users", { organizationId: "org_a", connectionId: "con_x", assignMembershipOnLogin: true });
        const several = org("auth0:index/organizationConnections:OrganizationConnections", "org-b-users", {
            organizationId: "org_b",
            enabledConnections: [{ connectionId: "con_x", assignMembershipOnLogin: false }, { connectionId: "con_y", assignMembershipOnLogin: true }],
        });
        const off = org("auth0:index/organizationConnection:OrganizationConnection", "org-c-users", { organizationId: "org_c", connectionId: "con_x", assignMembershipOnLogin: false });
        const rec = { ...suite.rec, registrations: [...suite.rec.registrations, single, several, off] };
        expect(await stack(rec)).toEqual([
            mandatory("auth0.OrganizationConnection org-a-users: assignMembershipOnLogin is true: anyone of that connection who logs in through the Organization becomes its member."),
            mandatory("auth0.OrganizationConnections org-b-users: enabledConnections.1.assignMembershipOnLogin is true: anyone of that connection who logs in through the Organization becomes its member."),
        ]);
    });

    test("fails a user database that is a domain connection (any client of the tenant may log its users in)", async () => {
        expect(await stack(mutateResource(suite.rec, userDatabase, (p) => (p["isDomainConnection"] = true)))).toEqual([
            mandatory(`auth0.Connection ${userDatabase} is a domain connection (isDomainConnection true): any client of the tenant could log its users in without being enabled.`),
        ]);
    });

    test("fails tenant settings that enable each new client on every connection, or allow dynamic client registration, and a stack without tenant settings", async () => {
        expect(await stack(mutateResource(suite.rec, tenant, (p) => (p["flags"]["enableClientConnections"] = true)))).toEqual([
            mandatory(`auth0.Tenant ${tenant}: flags.enableClientConnections true; it must be false, or Auth0 enables each new client on every connection.`),
        ]);
        expect(await stack(mutateResource(suite.rec, tenant, (p) => delete p["flags"]["enableClientConnections"]))).toEqual([
            mandatory(`auth0.Tenant ${tenant}: flags.enableClientConnections (unset: true); it must be false, or Auth0 enables each new client on every connection.`),
        ]);
        expect(await stack(mutateResource(suite.rec, tenant, (p) => (p["flags"]["enableDynamicClientRegistration"] = true)))).toEqual([
            mandatory(`auth0.Tenant ${tenant}: flags.enableDynamicClientRegistration true; anyone could register a client.`),
        ]);
        expect(await stack(withoutWhere(suite.rec, (r) => r.type === "auth0:index/tenant:Tenant"))).toEqual([
            mandatory("The clients of Auth0 provider auth0-au have no auth0.Tenant settings in the stack: Auth0 enables each new client on every connection (enableClientConnections)."),
        ]);
    });

    test("fails a domain connection of any strategy", async () => {
        const social = mutateResource(suite.rec, userDatabase, (p) => {
            p["strategy"] = "google-oauth2";
            p["isDomainConnection"] = true;
        });
        expect(await stack(social)).toEqual([
            mandatory(`auth0.Connection ${userDatabase} is a domain connection (isDomainConnection true): any client of the tenant could log its users in without being enabled.`),
        ]);
    });

    test("is not applicable to a stack without Auth0 clients or connections", async () => {
        const none = withoutWhere(suite.rec, (r) => [CLIENT, "auth0:index/connectionClients:ConnectionClients", "auth0:index/clientCredentials:ClientCredentials", "auth0:index/connection:Connection"].includes(r.type));
        expect(notApplicableReason(await suite.pack.analyzeStack(none), policy)).toBe("the stack has no Auth0 clients or connections");
    });
});
