/**
 * `UserDatabase` on its own, with fixture args (data policy "02.identity-data", "03.tenant-data-access"; Auth0
 * "Password Strength in Auth0 Database Connections"): the password policy as given, brute-force protection, MFA,
 * invitation-only sign-up, protected, enabled for exactly the given applications. How the prod stack wires it from
 * config is tests/areas/identity-user-database.test.ts.
 */
import { UserDatabase, type UserDatabaseArgs } from "../../../infra/components/identity/user-database";
import { buildAlone } from "../../harness/build-alone";
import { childrenOf, named } from "../../harness/stack";
import { recordOnce } from "../../harness/record-once";
import { userConnectionInputs } from "../../harness/expected-inputs";

const COMPONENT = "data-platform:identity:UserDatabase";
const CONNECTION = "auth0:index/connection:Connection";
const CLIENTS = "auth0:index/connectionClients:ConnectionClients";

/** Fixture args: not prod's, so that a prod config edit cannot change what this file asserts. */
const ARGS: UserDatabaseArgs = {
    connectionName: "fixture-users",
    passwordPolicy: { strength: "good", minLength: 12, historySize: 3, extraDictionaryWords: ["fixture"] },
    enabledClientIds: ["client-a", "client-b"],
};

const rec = recordOnce(() => buildAlone(() => new UserDatabase("u", ARGS)));

test("the component holds the connection and its client list, and outputs the connection's id and name", () => {
    const component = named(rec, "u", COMPONENT);
    expect(childrenOf(rec, component).map((r) => `${r.type}::${r.name}`).sort()).toEqual([`${CONNECTION}::u`, `${CLIENTS}::u-clients`]);
    expect(rec.states.get(component.urn)).toEqual({ connectionId: "con_mock-u", connectionName: "fixture-users" });
});

test("the connection: the password policy as given, brute-force protection, MFA, no public sign-up", () => {
    expect(named(rec, "u", CONNECTION).inputs).toEqual(
        userConnectionInputs({ name: "fixture-users", policy: "good", minLength: 12, history: 3, dictionary: ["fixture"] }),
    );
});

test("the connection is protected: deleting it would delete every user", () => {
    expect(named(rec, "u", CONNECTION).options.protect).toBe(true);
});

test("it is enabled for exactly the given applications, on the connection by reference", () => {
    const clients = named(rec, "u-clients", CLIENTS);
    expect(clients.inputs).toEqual({ connectionId: "con_mock-u", enabledClients: ["client-a", "client-b"] });
    expect(clients.propertyDependencies["connectionId"]).toEqual([named(rec, "u", CONNECTION).urn]);
});

test("without extra dictionary words, Auth0's common-password dictionary alone", async () => {
    const alone = await buildAlone(
        () => new UserDatabase("u", { ...ARGS, passwordPolicy: { strength: "excellent", minLength: 10, historySize: 1 } }),
    );
    expect((named(alone, "u", CONNECTION).inputs as any).options.passwordDictionary).toEqual({ enable: true, dictionaries: [] });
});
