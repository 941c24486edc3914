/**
 * `Application` on its own, with fixture args (data policy "03.tenant-data-access", "01.tenant-managed-access";
 * Auth0 "Refresh Token Rotation", "Define Organization Behavior"): a first-party public PKCE client with rotating
 * refresh tokens of the given lifetimes, an Organization required at login only when customer-facing, no client
 * secret, and waiting for what it is told to. How the prod stack wires it from config is
 * tests/areas/identity-application.test.ts.
 */
import * as auth0 from "@pulumi/auth0";
import { Application, type ApplicationArgs } from "../../../infra/components/identity/application";
import { buildAlone, fixtureBuild } from "../../harness/build-alone";
import { childrenOf, named } from "../../harness/stack";
import { recordOnce } from "../../harness/record-once";
import { customerApplicationClientInputs, redirectsAndOrganizations } from "../../harness/expected-inputs";

const COMPONENT = "data-platform:identity:Application";
const CLIENT = "auth0:index/client:Client";
const CREDENTIALS = "auth0:index/clientCredentials:ClientCredentials";

/** Fixture args: not prod's, so that a prod config edit cannot change what this file asserts. */
const ARGS: ApplicationArgs = {
    displayName: "Fixture",
    description: "A fixture application",
    appType: "spa",
    customerFacing: true,
    callbackUrls: ["https://fixture.example.com/cb"],
    logoutUrls: ["https://fixture.example.com/"],
    webOrigins: ["https://fixture.example.com"],
    refreshTokenLifetimeSeconds: 7200,
    refreshTokenIdleLifetimeSeconds: 600,
};

const build = fixtureBuild(ARGS, (args) => new Application("app", args));

describe("customer-facing", () => {
    const rec = recordOnce(() => build({}));

    test("the component holds the client and its token-endpoint authentication, and outputs the client id", () => {
        const component = named(rec, "app", COMPONENT);
        expect(childrenOf(rec, component).map((r) => `${r.type}::${r.name}`).sort()).toEqual([`${CLIENT}::app`, `${CREDENTIALS}::app-credentials`]);
        expect(rec.states.get(component.urn)).toEqual({ clientId: "mock-client-id-app" });
    });

    test("requires an Organization, and is a first-party PKCE client with rotating refresh tokens of the given lifetimes; protected", () => {
        const client = named(rec, "app", CLIENT);
        expect(client.inputs).toEqual(customerApplicationClientInputs(ARGS));
        expect(client.options.protect).toBe(true);
    });

    test("it has no client secret: token-endpoint authentication is none, on the client by reference", () => {
        const creds = named(rec, "app-credentials", CREDENTIALS);
        expect(creds.inputs).toEqual({ clientId: "mock-client-id-app", authenticationMethod: "none" });
        expect(creds.propertyDependencies["clientId"]).toEqual([named(rec, "app", CLIENT).urn]);
    });

    test("the violating case: a client built without waitFor depends on nothing", () => {
        expect(named(rec, "app", CLIENT).dependencies).toEqual([]);
    });
});

test("not customer-facing, native, without web origins: denied Organizations, no web origins", async () => {
    const rec = await build({ appType: "native", customerFacing: false, callbackUrls: ["com.example.fixture://callback"], logoutUrls: [], webOrigins: undefined });
    const inputs = named(rec, "app", CLIENT).inputs;
    expect(redirectsAndOrganizations(inputs)).toEqual({
        appType: "native",
        callbacks: ["com.example.fixture://callback"],
        allowedLogoutUrls: [],
        webOrigins: [],
        organizationUsage: "deny",
        organizationRequireBehavior: undefined,
    });
});

test("the client waits for what waitFor names", async () => {
    const rec = await buildAlone(() => {
        const tenant = new auth0.Tenant("tenant", { friendlyName: "Fixture" });
        return new Application("app", { ...ARGS, waitFor: [tenant] });
    });
    expect(named(rec, "app", CLIENT).dependencies).toEqual([named(rec, "tenant", "auth0:index/tenant:Tenant").urn]);
});
