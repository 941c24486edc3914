/**
 * Shared by the operational-data tests: the names and computed values the prod stack's Atlas resources have
 * under the offline mocks.
 */
import * as mongodbatlas from "@pulumi/mongodbatlas";
import type * as pulumi from "@pulumi/pulumi";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { mockAtlasId } from "../../../infra/check/mock-outputs";
import type { Recording, Registration } from "../../../infra/check/recorder";
import { named, providerUrn } from "../../harness/stack";
import type { atlasEncryptionInputs } from "../../harness/expected-inputs";

/** The Atlas project id, as the mocks compute it. */
export const PROJECT_ID = mockAtlasId("atlas-project");
/** The cluster's name in prod config. */
export const CLUSTER = "allotrac-prod-ops";
/** The replica set's zone id, as the mocks compute it. */
export const ZONE_ID = mockAtlasId("atlas-cluster-zone-0");


/** The explicit Atlas provider's URN. */
export function atlasProviderUrn(rec: Recording): string {
    return named(rec, "atlas", TYPES.atlasProvider).urn;
}

/** `{name, provider}` of each registration, for comparing against the expected provider in one assertion. */
export function providersOf(regs: readonly Registration[]): { name: string; provider: string | undefined }[] {
    return regs.map((r) => ({ name: r.name, provider: providerUrn(r.provider) }));
}

/**
 * Options that put a component built alone (tests/harness/build-alone.ts) on an explicit Atlas provider, `atlas`,
 * as the stack does.
 */
export function onAtlas(): pulumi.ComponentResourceOptions {
    return { providers: [new mongodbatlas.Provider("atlas", {})] };
}

/** What a refused construction leaves registered: the root stack and the explicit provider, nothing else. */
export const ONLY_STACK_AND_PROVIDER = ["pulumi:pulumi:Stack", "pulumi:providers:mongodbatlas"] as const;

/**
 * The tests of the key-to-EncryptionAtRest chain of an `AtlasCustomerKeyEncryption` named `name`, each child's
 * inputs exact (`expected`, from tests/harness/expected-inputs.ts) and each reference between them: one set of
 * tests for the component built alone and for the prod wiring, which differ only in their values.
 */
export function atlasEncryptionChainTests(
    rec: Recording,
    c: { readonly name: string; readonly project: string; readonly keyArn: string; readonly expected: ReturnType<typeof atlasEncryptionInputs> },
): void {
    const child = (suffix: string, type: string): Registration => named(rec, `${c.name}-${suffix}`, type);
    const { expected } = c;

    test("the KMS key: customer-managed, single-Region, rotated, its deletion window, protected, created after the role its policy names", () => {
        const key = child("key", "aws:kms/key:Key");
        // Its statements are asserted exactly in tests/components/shared/key-policy.test.ts.
        expect(key.inputs).toEqual(expected.key);
        expect(key.options.protect).toBe(true);
        expect(key.dependencies).toContain(child("role", "aws:iam/role:Role").urn);
        expect(child("key-alias", "aws:kms/alias:Alias").inputs).toEqual(expected.alias);
    });

    test("Atlas's access setup is for AWS, in the project, and protected", () => {
        const setup = child("access-setup", TYPES.atlasAccessSetup);
        expect(setup.inputs).toEqual(expected.setup);
        expect(setup.propertyDependencies["projectId"]).toEqual([named(rec, c.project, TYPES.atlasProject).urn]);
        expect(setup.options.protect).toBe(true);
    });

    test("the IAM role trusts only Atlas's principal, only with Atlas's external id for this project; protected", () => {
        const role = child("role", "aws:iam/role:Role");
        expect({ ...role.inputs, assumeRolePolicy: JSON.parse(role.inputs["assumeRolePolicy"] as string) }).toEqual(expected.role);
        expect(role.propertyDependencies["assumeRolePolicy"]).toEqual([child("access-setup", TYPES.atlasAccessSetup).urn]);
        expect(role.options.protect).toBe(true);
    });

    test("the role may Encrypt, Decrypt and DescribeKey on this key and nothing else", () => {
        const policy = child("role-policy", "aws:iam/rolePolicy:RolePolicy");
        expect({ ...policy.inputs, policy: JSON.parse(policy.inputs["policy"] as string) }).toEqual(expected.rolePolicy(c.keyArn));
        expect(policy.propertyDependencies["policy"]).toEqual([child("key", "aws:kms/key:Key").urn]);
        expect(policy.propertyDependencies["role"]).toEqual([child("role", "aws:iam/role:Role").urn]);
    });

    test("Atlas is authorized to use that role once its policy exists; protected", () => {
        const auth = child("access-authorization", TYPES.atlasAccessAuthorization);
        expect(auth.inputs).toEqual(expected.authorization);
        expect(auth.propertyDependencies["roleId"]).toEqual([child("access-setup", TYPES.atlasAccessSetup).urn]);
        expect(auth.propertyDependencies["aws"]).toEqual([child("role", "aws:iam/role:Role").urn]);
        expect(auth.dependencies).toContain(child("role-policy", "aws:iam/rolePolicy:RolePolicy").urn);
        expect(auth.options.protect).toBe(true);
    });

    test("EncryptionAtRest uses this key, in Atlas's name of the key's region, through the authorized role; protected", () => {
        const ear = child("encryption-at-rest", TYPES.atlasEncryptionAtRest);
        expect(ear.inputs).toEqual(expected.encryptionAtRest);
        expect([...ear.propertyDependencies["awsKmsConfig"]!].sort()).toEqual(
            [child("key", "aws:kms/key:Key").urn, child("access-authorization", TYPES.atlasAccessAuthorization).urn].sort(),
        );
        expect(ear.options.protect).toBe(true);
    });
}
