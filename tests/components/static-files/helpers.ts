/**
 * Shared by the static-file tests: the tests of an `EncryptedGcsBucket`'s key ring, key, grant and bucket, run on
 * the component built alone and on the prod wiring, which differ only in their values.
 */
import type { Recording } from "../../../infra/check/recorder";
import type { gcsBucketInputs } from "../../harness/expected-inputs";
import { named } from "../../harness/stack";

/** The tests of `EncryptedGcsBucket` `name`'s children, each exact (`expected`, from tests/harness/expected-inputs.ts). */
export function gcsBucketChildTests(rec: Recording, name: string, expected: ReturnType<typeof gcsBucketInputs>): void {
    test("the key ring is in the bucket's region and protected", () => {
        const ring = named(rec, `${name}-key-ring`, "gcp:kms/keyRing:KeyRing");
        expect(ring.inputs).toEqual(expected.ring);
        expect(ring.options.protect).toBe(true);
    });

    test("the key encrypts/decrypts, rotates as configured, cannot be deleted, carries the labels, and is protected", () => {
        const key = named(rec, `${name}-key`, "gcp:kms/cryptoKey:CryptoKey");
        expect(key.inputs).toEqual(expected.key);
        expect(key.options.protect).toBe(true);
        expect(key.propertyDependencies["keyRing"]).toEqual([named(rec, `${name}-key-ring`).urn]);
    });

    test("only the project's Cloud Storage service agent gets encrypter/decrypter on that key", () => {
        expect(named(rec, `${name}-key-storage-agent`, "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember").inputs).toEqual(expected.grant);
    });

    test("the bucket: in the region, CMEK by default, uniform access, public access prevented, versioned, soft delete, protected, after the grant", () => {
        const bucket = named(rec, name, "gcp:storage/bucket:Bucket");
        expect(bucket.inputs).toEqual(expected.bucket);
        expect(bucket.options.protect).toBe(true);
        expect(bucket.propertyDependencies["encryption"]).toEqual([named(rec, `${name}-key`).urn]);
        // Created only after the service agent may use the key.
        expect(bucket.dependencies).toContain(named(rec, `${name}-key-storage-agent`).urn);
    });
}
