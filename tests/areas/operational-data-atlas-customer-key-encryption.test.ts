/**
 * How the prod stack wires customer-key encryption at rest of the Atlas project (infra/areas/operational-data.ts),
 * asserted exactly (data policy
 * "05.industry-standard-encryption", "05.encryption-and-access-control"): the KMS key in Sydney, the IAM role
 * only Atlas can assume, its least-privilege key policy, the cloud-provider-access handshake and the
 * EncryptionAtRest configuration, wired to each other by reference. The component on its own, with fixture args,
 * is tests/components/operational-data/atlas-customer-key-encryption.test.ts.
 */
import { MOCK_ATLAS_AWS_ACCOUNT, MOCK_AWS_ACCOUNT, mockAtlasId } from "../../infra/check/mock-outputs";
import type { Registration } from "../../infra/check/recorder";
import { UNKNOWN } from "../../infra/check/recorder";
import { childrenOf, named, runStack } from "../harness/stack";
import { atlasEncryptionChainTests, atlasProviderUrn, PROJECT_ID, providersOf } from "../components/operational-data/helpers";
import { TYPES } from "../../infra/policy/lib/tokens";
import { recordOnce } from "../harness/record-once";
import { atlasEncryptionInputs } from "../harness/expected-inputs";

const C = "atlas-encryption";
/** The prod project's name is already AWS-safe, so the AWS names use it as it is. */
const EXPECTED = atlasEncryptionInputs(
    { name: C, projectId: PROJECT_ID, stem: "allotrac-prod-operational", awsStem: "allotrac-prod-operational", atlasRegion: "AP_SOUTHEAST_2", deletionWindowInDays: 30 },
    mockAtlasId,
    { awsAccount: MOCK_AWS_ACCOUNT, atlasAwsAccount: MOCK_ATLAS_AWS_ACCOUNT },
);
const KEY_ARN = `arn:aws:kms:ap-southeast-2:${MOCK_AWS_ACCOUNT}:key/${EXPECTED.keyId}`;

const rec = recordOnce(() => runStack());

function child(suffix: string, type: string): Registration {
    return named(rec, `${C}-${suffix}`, type);
}

test("the component's AWS children use the Australian AWS provider and its Atlas children the Atlas provider", () => {
    const component = named(rec, C, "data-platform:operational-data:AtlasCustomerKeyEncryption");
    const children = childrenOf(rec, component);
    expect(children.map((c) => c.type).sort()).toEqual(
        ["aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy", "aws:kms/alias:Alias", "aws:kms/key:Key", TYPES.atlasAccessAuthorization, TYPES.atlasAccessSetup, TYPES.atlasEncryptionAtRest].sort(),
    );
    const aws = named(rec, "aws-au", "pulumi:providers:aws").urn;
    const atlas = atlasProviderUrn(rec);
    expect(providersOf(children)).toEqual(children.map((c) => ({ name: c.name, provider: c.type.startsWith("aws:") ? aws : atlas })));
});

atlasEncryptionChainTests(rec, { name: C, project: "atlas-project", keyArn: KEY_ARN, expected: EXPECTED });

test("the cluster waits for encryption at rest: it takes its project id from it (Atlas refuses a cluster that uses the key before)", () => {
    const cluster = named(rec, "atlas-cluster", "mongodbatlas:index/advancedCluster:AdvancedCluster");
    expect(cluster.propertyDependencies["projectId"]).toEqual([child("encryption-at-rest", TYPES.atlasEncryptionAtRest).urn]);
    expect(cluster.inputs["encryptionAtRestProvider"]).toBe("AWS");
});

test("at preview the key's region and the switch are known; the key and role ids are not", async () => {
    const preview = await runStack({ preview: true });
    expect(named(preview, `${C}-encryption-at-rest`, TYPES.atlasEncryptionAtRest).inputs).toEqual({
        projectId: UNKNOWN,
        awsKmsConfig: { enabled: true, customerMasterKeyId: UNKNOWN, region: "AP_SOUTHEAST_2", roleId: UNKNOWN },
    });
    expect(named(preview, `${C}-key`, "aws:kms/key:Key").inputs["multiRegion"]).toBe(false);
});
