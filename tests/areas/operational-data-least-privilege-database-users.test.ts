/**
 * How the prod stack wires the application database users (infra/areas/operational-data.ts), asserted exactly (data policy "03.rbac",
 * "05.encryption-and-access-control"): AWS IAM authentication (no password anywhere), read or readWrite on the
 * application database only, scoped to the one cluster. The component on its own, with fixture args, is
 * tests/components/operational-data/least-privilege-database-users.test.ts.
 */
import { childrenOf, named, ofType, runStack } from "../harness/stack";
import { atlasProviderUrn, CLUSTER, PROJECT_ID, providersOf } from "../components/operational-data/helpers";
import { TYPES } from "../../infra/policy/lib/tokens";
import { iamDatabaseUserInputs } from "../harness/expected-inputs";
import { recordOnce } from "../harness/record-once";

const rec = recordOnce(() => runStack());

test("two users, one per application IAM role, exactly as configured, on the Atlas provider", () => {
    const component = named(rec, "atlas-db-users", "data-platform:operational-data:LeastPrivilegeDatabaseUsers");
    const children = childrenOf(rec, component);
    expect(providersOf(children)).toEqual([
        { name: "atlas-db-users-api", provider: atlasProviderUrn(rec) },
        { name: "atlas-db-users-reporting", provider: atlasProviderUrn(rec) },
    ]);
    const user = (roleName: string, readWrite: string) =>
        iamDatabaseUserInputs(PROJECT_ID, CLUSTER, `arn:aws:iam::111122223333:role/allotrac-prod-${roleName}`, [{ roleName: readWrite, databaseName: "allotrac" }]);
    expect(named(rec, "atlas-db-users-api", TYPES.atlasDatabaseUser).inputs).toEqual(user("api", "readWrite"));
    expect(named(rec, "atlas-db-users-reporting", TYPES.atlasDatabaseUser).inputs).toEqual(user("reporting", "read"));
});

test("no user has a password, an admin role or a role on a system database", () => {
    const users = ofType(rec, TYPES.atlasDatabaseUser);
    expect(users).toHaveLength(2);
    for (const user of users) {
        const roles = (user.inputs["roles"] as { roleName: string; databaseName: string }[]).map((r) => `${r.roleName}@${r.databaseName}`);
        expect({ name: user.name, password: user.inputs["password"], passwordWo: user.inputs["passwordWo"], secrets: user.secretInputs }).toEqual({
            name: user.name,
            password: undefined,
            passwordWo: undefined,
            secrets: [],
        });
        expect(roles.filter((r) => !/^(read|readWrite)@/.test(r) || /@(admin|local|config)$/.test(r))).toEqual([]);
    }
});

test("each user is scoped to the cluster by reference", () => {
    const cluster = named(rec, "atlas-cluster", TYPES.atlasAdvancedCluster).urn;
    expect(ofType(rec, TYPES.atlasDatabaseUser).map((u) => u.propertyDependencies["scopes"])).toEqual([[cluster], [cluster]]);
});

test("a collection-level grant from config becomes collectionName", async () => {
    const narrowed = await runStack({
        mutate: (c) => (c["data-platform:atlas"].databaseUsers[1].roles = [{ database: "allotrac", collection: "jobs", role: "read" }]),
    });
    expect(named(narrowed, "atlas-db-users-reporting", TYPES.atlasDatabaseUser).inputs["roles"]).toEqual([
        { roleName: "read", databaseName: "allotrac", collectionName: "jobs" },
    ]);
});

test("the component's outputs are the user names (IAM role ARNs: no credential exists to leak)", () => {
    const component = named(rec, "atlas-db-users", "data-platform:operational-data:LeastPrivilegeDatabaseUsers");
    expect(rec.states.get(component.urn)).toEqual({
        usernames: {
            api: "arn:aws:iam::111122223333:role/allotrac-prod-api",
            reporting: "arn:aws:iam::111122223333:role/allotrac-prod-reporting",
        },
    });
});
