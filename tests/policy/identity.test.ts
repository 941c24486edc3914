/**
 * Auth0 policies through the real pack: the prod provider and API (at preview) pass; each single mutation fails
 * with the exact message.
 */
import { mandatory, notApplicableReason, policySuite, violationsOf, withInputs } from "../harness/policy";
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
