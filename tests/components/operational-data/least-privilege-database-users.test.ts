/**
 * `LeastPrivilegeDatabaseUsers` on its own, with fixture args (data policy "03.rbac",
 * "05.encryption-and-access-control"): one user per given IAM role, AWS IAM authentication (no password anywhere),
 * exactly the given read or readWrite grants (whole database or one collection), scoped to the given cluster, on the
 * given Atlas provider; and the refusal of any other role or a system database. How the prod stack wires it from
 * config is tests/areas/operational-data-least-privilege-database-users.test.ts.
 */
import { LeastPrivilegeDatabaseUsers, type DatabaseGrant, type LeastPrivilegeDatabaseUsersArgs } from "../../../infra/components/operational-data/least-privilege-database-users";
import { childrenOf, named } from "../../harness/stack";
import { onAtlas, ONLY_STACK_AND_PROVIDER, providersOf } from "./helpers";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { buildAlone, tryBuildAlone } from "../../harness/build-alone";
import { iamDatabaseUserInputs } from "../../harness/expected-inputs";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:operational-data:LeastPrivilegeDatabaseUsers";

/** Fixture args: not prod's, so that a prod config edit cannot change what this file asserts. */
const ARGS: LeastPrivilegeDatabaseUsersArgs = {
    projectId: "fixture-project",
    clusterName: "fixture-cluster",
    users: [
        { key: "writer", awsIamRoleArn: "arn:aws:iam::999988887777:role/fixture-writer", roles: [{ database: "fixturedb", role: "readWrite" }] },
        {
            key: "reader",
            awsIamRoleArn: "arn:aws:iam::999988887777:role/fixture-reader",
            roles: [
                { database: "fixturedb", collection: "things", role: "read" },
                { database: "otherdb", role: "read" },
            ],
        },
    ],
};

const rec = recordOnce(() => buildAlone(() => new LeastPrivilegeDatabaseUsers("u", ARGS, onAtlas())));

test("one user per given IAM role, with exactly its grants (a collection grant as collectionName), on the given Atlas provider, no password", () => {
    const children = childrenOf(rec, named(rec, "u", COMPONENT));
    const atlas = named(rec, "atlas", TYPES.atlasProvider).urn;
    expect(providersOf(children)).toEqual([
        { name: "u-writer", provider: atlas },
        { name: "u-reader", provider: atlas },
    ]);
    const role = (name: string) => `arn:aws:iam::999988887777:role/fixture-${name}`;
    expect(named(rec, "u-writer", TYPES.atlasDatabaseUser).inputs).toEqual(
        iamDatabaseUserInputs("fixture-project", "fixture-cluster", role("writer"), [{ roleName: "readWrite", databaseName: "fixturedb" }]),
    );
    expect(named(rec, "u-reader", TYPES.atlasDatabaseUser).inputs).toEqual(
        iamDatabaseUserInputs("fixture-project", "fixture-cluster", role("reader"), [
            { roleName: "read", databaseName: "fixturedb", collectionName: "things" },
            { roleName: "read", databaseName: "otherdb" },
        ]),
    );
    expect(children.map((c) => c.secretInputs)).toEqual([[], []]);
});

test("the component's outputs are the user names (IAM role ARNs: no credential exists to leak)", () => {
    expect(rec.states.get(named(rec, "u", COMPONENT).urn)).toEqual({
        usernames: { writer: "arn:aws:iam::999988887777:role/fixture-writer", reader: "arn:aws:iam::999988887777:role/fixture-reader" },
    });
});

describe("LeastPrivilegeDatabaseUsers on its own (no config validation in front of it)", () => {
    function withGrant(grant: DatabaseGrant) {
        return tryBuildAlone(
            () =>
                new LeastPrivilegeDatabaseUsers(
                    "u",
                    { projectId: "p", clusterName: "c", users: [{ key: "app", awsIamRoleArn: "arn:aws:iam::111122223333:role/app", roles: [grant] }] },
                    onAtlas(),
                ),
        );
    }

    test("refuses a role other than read/readWrite, or one on a system database, before anything is registered", async () => {
        // A caller that casts around the type, as the schema would otherwise have refused it.
        expect(await withGrant({ database: "allotrac", role: "dbAdmin" as DatabaseGrant["role"] })).toEqual({
            error:
                'LeastPrivilegeDatabaseUsers u: users[app].roles[0] = {"database":"allotrac","role":"dbAdmin"} is not allowed; ' +
                "expected read or readWrite on an application database, never on admin, local or config (data policy §03).",
            registered: ONLY_STACK_AND_PROVIDER,
        });
        expect(await withGrant({ database: "admin", role: "read" })).toEqual({
            error:
                'LeastPrivilegeDatabaseUsers u: users[app].roles[0] = {"database":"admin","role":"read"} is not allowed; ' +
                "expected read or readWrite on an application database, never on admin, local or config (data policy §03).",
            registered: ONLY_STACK_AND_PROVIDER,
        });
    });

    test("builds the user for readWrite on an application database", async () => {
        expect(await withGrant({ database: "allotrac", role: "readWrite" })).toEqual({
            error: undefined,
            registered: [...ONLY_STACK_AND_PROVIDER, "data-platform:operational-data:LeastPrivilegeDatabaseUsers", TYPES.atlasDatabaseUser],
        });
    });
});
