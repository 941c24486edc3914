/** What the S3 stack policies share: the buckets of the stack and their side resources, paired once. */
import type { PolicyResource } from "@pulumi/policy";
import { knownString, Pairing } from "./pairing";
import { peek } from "./props";
import { T, isOneOfTypes } from "./tokens";

export interface S3Stack {
    readonly buckets: readonly PolicyResource[];
    /** The bucket's name, when known. */
    nameOf(bucket: PolicyResource): string | undefined;
    encryptionOf(bucket: PolicyResource): PolicyResource[];
    publicAccessBlockOf(bucket: PolicyResource): PolicyResource[];
    policyOf(bucket: PolicyResource): PolicyResource[];
    versioningOf(bucket: PolicyResource): PolicyResource[];
    ownershipOf(bucket: PolicyResource): PolicyResource[];
    loggingOf(bucket: PolicyResource): PolicyResource[];
    /** `true` when some BucketLogging in the stack delivers access logs into this bucket. */
    isAccessLogTarget(bucket: PolicyResource): boolean;
    /**
     * The bucket of this stack a delivery writes to through `property` (a trail's `s3BucketName`, an Atlas
     * export's `bucketName`), paired as {@link Pairing} pairs side resources: a known value with the bucket it
     * names, whatever it was computed from; one unknown at preview with the one bucket it references.
     */
    deliveryBucketOf(r: PolicyResource, property: string): PolicyResource | undefined;
}

export function s3Stack(resources: readonly PolicyResource[]): S3Stack {
    const of = (types: readonly string[]) => resources.filter((r) => isOneOfTypes(r.type, types));
    const buckets = of(T.s3Bucket);
    const logging = of(T.s3Logging);
    const pairings = {
        encryption: new Pairing(of(T.s3Encryption), "bucket"),
        pab: new Pairing(of(T.s3PublicAccessBlock), "bucket"),
        policy: new Pairing(of(T.s3Policy), "bucket"),
        versioning: new Pairing(of(T.s3Versioning), "bucket"),
        ownership: new Pairing(of(T.s3Ownership), "bucket"),
        logging: new Pairing(logging, "bucket"),
        logTargets: new Pairing(logging, "targetBucket"),
    };
    const nameOf = (b: PolicyResource) => knownString(b, "bucket");
    return {
        buckets,
        nameOf,
        encryptionOf: (b) => pairings.encryption.of(b, nameOf(b)),
        publicAccessBlockOf: (b) => pairings.pab.of(b, nameOf(b)),
        policyOf: (b) => pairings.policy.of(b, nameOf(b)),
        versioningOf: (b) => pairings.versioning.of(b, nameOf(b)),
        ownershipOf: (b) => pairings.ownership.of(b, nameOf(b)),
        loggingOf: (b) => pairings.logging.of(b, nameOf(b)),
        isAccessLogTarget: (b) => pairings.logTargets.of(b, nameOf(b)).length > 0,
        deliveryBucketOf: (r, property) => {
            const value = peek(r.props, property);
            if (value.state === "known") return buckets.find((b) => nameOf(b) === value.value);
            if (value.state === "absent") return undefined;
            const refs = new Set((r.propertyDependencies[property] ?? []).map((d) => d.urn));
            const referenced = buckets.filter((b) => refs.has(b.urn));
            return referenced.length === 1 ? referenced[0] : undefined;
        },
    };
}

/** `s3-documents (allotrac-prod-documents-apse2)` */
export function describeBucket(s3: S3Stack, bucket: PolicyResource): string {
    const name = s3.nameOf(bucket);
    return name ? `S3 bucket ${bucket.name} (${name})` : `S3 bucket ${bucket.name}`;
}
