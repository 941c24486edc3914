import { resourcePolicy } from "../lib/define";

/**
 * Resources that hold data, or keys without which data cannot be read, must carry Pulumi's `protect` option,
 * so that no `pulumi destroy`, rename or refactor deletes them by accident.
 */
export const STATEFUL_TYPES = [
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketV2:BucketV2",
    "aws:kms/key:Key",
    "gcp:storage/bucket:Bucket",
    "gcp:kms/keyRing:KeyRing",
    "gcp:kms/cryptoKey:CryptoKey",
    "mongodbatlas:index/project:Project",
    "mongodbatlas:index/advancedCluster:AdvancedCluster",
    "mongodbatlas:index/cluster:Cluster",
    "rediscloud:index/subscription:Subscription",
    "rediscloud:index/subscriptionDatabase:SubscriptionDatabase",
    // An Auth0 database connection holds the users (and their password hashes): deleting it deletes them.
    "auth0:index/connection:Connection",
] as const;

export const statefulResourcesProtected = resourcePolicy<{ statefulTypes: string[] }>({
    name: "stateful-resources-protected",
    description: "Resources that hold data or its encryption keys must be protected from deletion.",
    clauses: ["06.operational-backup", "09.integrity-response", "02.static-files"],
    severity: "high",
    remediation: "Pass `{ protect: true }` in the resource options (components: on the stateful child).",
    config: { statefulTypes: { type: "array", items: { type: "string" } } },
    defaults: { statefulTypes: [...STATEFUL_TYPES] },
    validate: (args, report, { statefulTypes }) => {
        if (!statefulTypes.includes(args.type)) {
            args.notApplicable("not a stateful resource type");
        }
        if (args.opts.protect !== true) {
            report(`${args.type} ${args.name} holds data or keys but is not protected (set protect: true).`);
        }
    },
});
