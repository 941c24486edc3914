/**
 * Application database users of the prod stack, asserted exactly (data policy "03.rbac",
 * "05.encryption-and-access-control"): AWS IAM authentication (no password anywhere), read or readWrite on the
 * application database only, scoped to the one cluster.
 */
import type { Recording } from "../../../infra/offline/recorder";
import { childrenOf, named, ofType, runStack } from "../../harness/stack";
import { atlasProviderUrn, CLUSTER, PROJECT_ID, providersOf, T } from "./helpers";

let rec: Recording;
beforeAll(async () => {
    rec = await runStack();
});

const common = {
    projectId: PROJECT_ID,
    authDatabaseName: "$external",
    awsIamType: "ROLE",
    scopes: [{ name: CLUSTER, type: "CLUSTER" }],
    labels: [{ key: "data-policy-clause", value: "03.rbac" }],
};

test("two users, one per application IAM role, exactly as configured, on the Atlas provider", () => {
    const component = named(rec, "atlas-db-users", "data-platform:operational-data:LeastPrivilegeDatabaseUsers");
    const children = childrenOf(rec, component);
    expect(providersOf(children)).toEqual([
        { name: "atlas-db-users-api", provider: atlasProviderUrn(rec) },
        { name: "atlas-db-users-reporting", provider: atlasProviderUrn(rec) },
    ]);
    expect(named(rec, "atlas-db-users-api", T.databaseUser).inputs).toEqual({
        ...common,
        username: "arn:aws:iam::111122223333:role/allotrac-prod-api",
        roles: [{ roleName: "readWrite", databaseName: "allotrac" }],
    });
    expect(named(rec, "atlas-db-users-reporting", T.databaseUser).inputs).toEqual({
        ...common,
        username: "arn:aws:iam::111122223333:role/allotrac-prod-reporting",
        roles: [{ roleName: "read", databaseName: "allotrac" }],
    });
});

test("no user has a password, an admin role or a role on a system database", () => {
    for (const user of ofType(rec, T.databaseUser)) {
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
    const cluster = named(rec, "atlas-cluster", T.cluster).urn;
    expect(ofType(rec, T.databaseUser).map((u) => u.propertyDependencies["scopes"])).toEqual([[cluster], [cluster]]);
});

test("a collection-level grant from config becomes collectionName", async () => {
    const narrowed = await runStack({
        mutate: (c) => (c["data-platform:atlas"].databaseUsers[1].roles = [{ database: "allotrac", collection: "jobs", role: "read" }]),
    });
    expect(named(narrowed, "atlas-db-users-reporting", T.databaseUser).inputs["roles"]).toEqual([
        { roleName: "read", databaseName: "allotrac", collectionName: "jobs" },
    ]);
});
