/**
 * A private, versioned Cloud Storage bucket in Australia whose objects are encrypted by default with a
 * customer-managed Cloud KMS key (data policy §02 "Static Files: … Google Cloud Buckets", §05 "encryption at
 * rest").
 *
 * | child | setting |
 * |---|---|
 * | `gcp.kms.KeyRing` | in the bucket's region (a CMEK must live in the bucket's location) |
 * | `gcp.kms.CryptoKey` | `ENCRYPT_DECRYPT`, rotated every `keyRotationDays` (at most {@link MAX_KEY_ROTATION_DAYS}, CIS GCP 1.11) |
 * | `gcp.kms.CryptoKeyIAMMember` | the project's Cloud Storage service agent may encrypt/decrypt with the key |
 * | `gcp.storage.Bucket` | that key as default, uniform bucket-level access, public access prevention `enforced`, versioning, soft delete |
 *
 * Key ring, key and bucket are protected twice: Pulumi `protect`, and the provider's `deletionPolicy: "PREVENT"`,
 * which still holds if someone unprotects the resource in state. Key rings and keys cannot be deleted in Google
 * Cloud at all; losing a key from state would orphan it, and destroying its versions destroys the data.
 *
 * In transit, Cloud Storage serves its JSON and XML APIs over HTTPS; the org-policy constraint
 * `storage.secureHttpTransport` (guardrails) refuses plain HTTP.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";
import type { ClauseId } from "../../clauses";
import { AU_GCP_REGIONS, isListed, REGION_RULE } from "../../residency";
import { isAllowedKeyRotation, KEY_ROTATION_RULE, MAX_KEY_ROTATION_DAYS } from "../../rules/key-rotation";
import { checkArguments } from "../shared/argument-checks";

const CLAUSE: ClauseId = "02.static-files";
const SECONDS_PER_DAY = 86_400;

export interface EncryptedGcsBucketArgs {
    /** Globally unique bucket name; also the stem of the key ring and key names. */
    readonly bucketName: string;
    /** Project that holds the bucket and its key. */
    readonly project: string;
    /** Region of the bucket and its key ring: an Australian Google Cloud region. */
    readonly location: string;
    /** Rotation period of the CMEK, in days (1 to {@link MAX_KEY_ROTATION_DAYS}). */
    readonly keyRotationDays: number;
    /** Days a deleted object stays recoverable (7–90). */
    readonly softDeleteRetentionDays: number;
    /** Extra labels (Google label syntax: lower-case letters, digits, `_` and `-`). */
    readonly labels?: Record<string, string>;
    /**
     * Resources every child waits for (`dependsOn`): the project services (`GcpProjectServices`) whose APIs the
     * children call. Default none.
     */
    readonly waitFor?: readonly pulumi.Resource[];
}

export class EncryptedGcsBucket extends pulumi.ComponentResource {
    /** The bucket's name. */
    public readonly bucketName: pulumi.Output<string>;
    /** `gs://` URL of the bucket. */
    public readonly url: pulumi.Output<string>;
    /** Full resource id of the CMEK (`projects/…/cryptoKeys/…`). */
    public readonly kmsKeyId: pulumi.Output<string>;

    public readonly keyRing: gcp.kms.KeyRing;
    public readonly cryptoKey: gcp.kms.CryptoKey;
    public readonly serviceAgentGrant: gcp.kms.CryptoKeyIAMMember;
    public readonly bucket: gcp.storage.Bucket;

    constructor(name: string, args: EncryptedGcsBucketArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments("EncryptedGcsBucket", name, opts, [
            { field: "location", value: args.location, ok: isListed(args.location, AU_GCP_REGIONS), allowed: REGION_RULE.gcp },
            { field: "keyRotationDays", value: args.keyRotationDays, ok: isAllowedKeyRotation(args.keyRotationDays), allowed: KEY_ROTATION_RULE },
        ]);
        super("data-platform:static-files:EncryptedGcsBucket", name, {}, opts);
        const labels = { ...args.labels, "data-policy-clause": labelValue(CLAUSE) };
        // A fresh project refuses these calls with SERVICE_DISABLED until the APIs are on.
        const waitFor = [...(args.waitFor ?? [])];

        this.keyRing = new gcp.kms.KeyRing(
            `${name}-key-ring`,
            { name: `${args.bucketName}-ring`, project: args.project, location: args.location },
            { parent: this, protect: true, dependsOn: waitFor },
        );

        this.cryptoKey = new gcp.kms.CryptoKey(
            `${name}-key`,
            {
                name: `${args.bucketName}-cmek`,
                keyRing: this.keyRing.id,
                purpose: "ENCRYPT_DECRYPT",
                rotationPeriod: `${args.keyRotationDays * SECONDS_PER_DAY}s`,
                versionTemplate: { algorithm: "GOOGLE_SYMMETRIC_ENCRYPTION", protectionLevel: "SOFTWARE" },
                destroyScheduledDuration: `${30 * SECONDS_PER_DAY}s`,
                deletionPolicy: "PREVENT",
                labels,
            },
            { parent: this, protect: true, dependsOn: waitFor },
        );

        // The project's Cloud Storage service agent encrypts objects with the default key, so it needs the
        // encrypter/decrypter role on that key (and nothing broader). The function creates the agent if needed.
        // It calls the Cloud Storage API, so it waits for it too (until the API is on, it is unknown at preview).
        const serviceAgent = gcp.storage.getProjectServiceAccountOutput({ project: args.project }, { parent: this, dependsOn: waitFor });
        this.serviceAgentGrant = new gcp.kms.CryptoKeyIAMMember(
            `${name}-key-storage-agent`,
            {
                cryptoKeyId: this.cryptoKey.id,
                role: "roles/cloudkms.cryptoKeyEncrypterDecrypter",
                member: serviceAgent.member,
            },
            { parent: this, dependsOn: waitFor },
        );

        this.bucket = new gcp.storage.Bucket(
            name,
            {
                name: args.bucketName,
                project: args.project,
                location: args.location.toUpperCase(),
                storageClass: "STANDARD",
                uniformBucketLevelAccess: true,
                publicAccessPrevention: "enforced",
                versioning: { enabled: true },
                softDeletePolicy: { retentionDurationSeconds: args.softDeleteRetentionDays * SECONDS_PER_DAY },
                encryption: { defaultKmsKeyName: this.cryptoKey.id },
                forceDestroy: false,
                deletionPolicy: "PREVENT",
                labels,
            },
            // The grant must exist before the bucket is created with the key as its default.
            { parent: this, protect: true, dependsOn: [...waitFor, this.serviceAgentGrant] },
        );

        this.bucketName = this.bucket.name;
        this.url = this.bucket.url;
        this.kmsKeyId = this.cryptoKey.id;
        this.registerOutputs({ bucketName: this.bucketName, url: this.url, kmsKeyId: this.kmsKeyId });
    }
}

/** Google label values allow lower-case letters, digits, `_` and `-` only: `02.static-files` → `02-static-files`. */
export function labelValue(value: string): string {
    return value.toLowerCase().replace(/[^a-z0-9_-]/g, "-");
}
