/**
 * How the prod stack wires the Auth0 database connection (infra/areas/identity.ts), asserted exactly: the connection under the prod config (data policy "02.identity-data", "03.tenant-data-access";
 * Auth0 "Password Strength in Auth0 Database Connections"): strong password policy, brute-force protection, MFA, invitation-only sign-up, protected,
 * enabled for exactly the configured applications. The component on its own, with fixture args, is
 * tests/components/identity/user-database.test.ts.
 */
import { childrenOf, named, runStack } from "../harness/stack";
import { recordOnce } from "../harness/record-once";
import { userConnectionInputs } from "../harness/expected-inputs";

const rec = recordOnce(() => runStack());

test("the component holds the connection and its client list", () => {
    const component = named(rec, "auth0-users", "data-platform:identity:UserDatabase");
    expect(childrenOf(rec, component).map((r) => `${r.type}::${r.name}`).sort()).toEqual([
        "auth0:index/connection:Connection::auth0-users",
        "auth0:index/connectionClients:ConnectionClients::auth0-users-clients",
    ]);
});

test("the connection: strong password policy, brute-force protection, MFA, no public sign-up", () => {
    expect(named(rec, "auth0-users", "auth0:index/connection:Connection").inputs).toEqual(
        userConnectionInputs({ name: "allotrac-users", policy: "excellent", minLength: 14, history: 5, dictionary: ["allotrac", "allie"] }),
    );
});

test("the connection is protected: deleting it would delete every user", () => {
    expect(named(rec, "auth0-users", "auth0:index/connection:Connection").options.protect).toBe(true);
});

test("it is enabled for exactly the configured application, by reference", () => {
    const clients = named(rec, "auth0-users-clients", "auth0:index/connectionClients:ConnectionClients");
    expect(clients.inputs).toEqual({ connectionId: "con_mock-auth0-users", enabledClients: ["mock-client-id-auth0-app-web"] });
    expect(clients.propertyDependencies["connectionId"]).toEqual([named(rec, "auth0-users", "auth0:index/connection:Connection").urn]);
    expect(clients.propertyDependencies["enabledClients"]).toEqual([named(rec, "auth0-app-web", "auth0:index/client:Client").urn]);
});
