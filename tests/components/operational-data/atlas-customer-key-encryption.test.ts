/**
 * `AtlasCustomerKeyEncryption` on its own, with fixture args (data policy "05.industry-standard-encryption",
 * "05.encryption-and-access-control"): a customer-managed KMS key in the given Australian region, the IAM role only
 * Atlas can assume (with Atlas's external id for this project), its least-privilege grant on that key, the
 * cloud-provider-access handshake and the EncryptionAtRest configuration, wired to each other by reference, every
 * AWS child on the AWS provider and every Atlas child on the Atlas provider; and the refusal of a region outside
 * Australia or a deletion window outside 7–30 days. How the prod stack wires it from config is
 * tests/areas/operational-data-atlas-customer-key-encryption.test.ts.
 */
import * as awsSdk from "@pulumi/aws";
import * as mongodbatlas from "@pulumi/mongodbatlas";
import { AtlasCustomerKeyEncryption, type AtlasCustomerKeyEncryptionArgs } from "../../../infra/components/operational-data/atlas-customer-key-encryption";
import { MOCK_ATLAS_AWS_ACCOUNT, MOCK_AWS_ACCOUNT, mockAtlasId } from "../../../infra/check/mock-outputs";
import { buildAlone, tryBuildAlone } from "../../harness/build-alone";
import { atlasEncryptionInputs } from "../../harness/expected-inputs";
import { childrenOf, named } from "../../harness/stack";
import { atlasEncryptionChainTests, providersOf } from "./helpers";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:operational-data:AtlasCustomerKeyEncryption";

describe("with fixture args (Melbourne, a project name IAM would refuse as it is, extra tags)", () => {
    const EXPECTED = atlasEncryptionInputs(
        { name: "e", projectId: mockAtlasId("proj"), stem: "Fixture Ops", awsStem: "fixture-ops", atlasRegion: "AP_SOUTHEAST_4", deletionWindowInDays: 30, tags: { team: "fixture" } },
        mockAtlasId,
        { awsAccount: MOCK_AWS_ACCOUNT, atlasAwsAccount: MOCK_ATLAS_AWS_ACCOUNT },
    );
    // The mocks compute a key's ARN in ap-southeast-2 unless the key itself names a region (it takes the provider's).
    const KEY_ARN = `arn:aws:kms:ap-southeast-2:${MOCK_AWS_ACCOUNT}:key/${EXPECTED.keyId}`;
    const rec = recordOnce(() => buildAlone(() => {
        const atlas = new mongodbatlas.Provider("atlas", {});
        const aws = new awsSdk.Provider("aws", { region: "ap-southeast-4" });
        const project = new mongodbatlas.Project("proj", { orgId: "fixture-org", name: "Fixture Ops" }, { provider: atlas });
        const args: AtlasCustomerKeyEncryptionArgs = { projectId: project.id, keyRegion: "ap-southeast-4", accountId: "444455556666", stem: "Fixture Ops", tags: { team: "fixture" } };
        new AtlasCustomerKeyEncryption("e", args, { providers: [atlas, aws] });
    }));

    test("the AWS children are on the AWS provider, the Atlas children on the Atlas provider; the outputs are the project id, key ARN and role ARN", () => {
        const component = named(rec, "e", COMPONENT);
        const children = childrenOf(rec, component);
        expect(children.map((c) => c.type).sort()).toEqual(
            ["aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy", "aws:kms/alias:Alias", "aws:kms/key:Key", TYPES.atlasAccessAuthorization, TYPES.atlasAccessSetup, TYPES.atlasEncryptionAtRest].sort(),
        );
        const aws = named(rec, "aws", "pulumi:providers:aws").urn;
        const atlas = named(rec, "atlas", TYPES.atlasProvider).urn;
        expect(providersOf(children)).toEqual(children.map((c) => ({ name: c.name, provider: c.type.startsWith("aws:") ? aws : atlas })));
        expect(rec.states.get(component.urn)).toEqual({
            projectId: mockAtlasId("proj"),
            kmsKeyArn: KEY_ARN,
            roleArn: `arn:aws:iam::${MOCK_AWS_ACCOUNT}:role/${EXPECTED.roleName}`,
        });
    });

    atlasEncryptionChainTests(rec, { name: "e", project: "proj", keyArn: KEY_ARN, expected: EXPECTED });
});

describe("AtlasCustomerKeyEncryption on its own (no config validation in front of it)", () => {
    function build(args: Partial<AtlasCustomerKeyEncryptionArgs>) {
        return tryBuildAlone(() => {
            const atlas = new mongodbatlas.Provider("atlas", {});
            const aws = new awsSdk.Provider("aws", { region: "ap-southeast-2" });
            new AtlasCustomerKeyEncryption("e", { projectId: "p", keyRegion: "ap-southeast-2", accountId: "111122223333", stem: "test", ...args }, { providers: [atlas, aws] });
        });
    }
    const ONLY_STACK_AND_PROVIDERS = ["pulumi:pulumi:Stack", TYPES.atlasProvider, "pulumi:providers:aws"];

    test("refuses a key region outside Australia before anything is registered", async () => {
        expect(await build({ keyRegion: "us-east-1" as "ap-southeast-2" })).toEqual({
            error:
                'AtlasCustomerKeyEncryption e: keyRegion = "us-east-1" is not allowed; expected an Australian AWS region (ap-southeast-2 | ap-southeast-4); ' +
                "data policy §02 keeps data in Australia.",
            registered: ONLY_STACK_AND_PROVIDERS,
        });
    });

    test("refuses a key deletion window outside AWS KMS's 7–30 days before anything is registered", async () => {
        expect(await build({ keyDeletionWindowInDays: 45 })).toEqual({
            error: "AtlasCustomerKeyEncryption e: keyDeletionWindowInDays = 45 is not allowed; expected a whole number of days from 7 to 30 (the AWS KMS limits), or none for 30.",
            registered: ONLY_STACK_AND_PROVIDERS,
        });
    });

    test("builds the chain in Melbourne with a 7-day window", async () => {
        expect((await build({ keyRegion: "ap-southeast-4", keyDeletionWindowInDays: 7 })).error).toBeUndefined();
    });
});

test("a given deletion window is the key's", async () => {
    const rec = await buildAlone(() => {
        const atlas = new mongodbatlas.Provider("atlas", {});
        const aws = new awsSdk.Provider("aws", { region: "ap-southeast-2" });
        new AtlasCustomerKeyEncryption("e", { projectId: "p", keyRegion: "ap-southeast-2", accountId: "111122223333", stem: "test", keyDeletionWindowInDays: 7 }, { providers: [atlas, aws] });
    });
    expect(named(rec, "e-key", "aws:kms/key:Key").inputs["deletionWindowInDays"]).toBe(7);
});
