/**
 * stateful-resources-protected through the real pack: every stateful resource of the prod stack carries
 * `protect`, and losing it on any one of them fails.
 */
import type { Recording } from "../../infra/check/recorder";
import { STATEFUL_TYPES } from "../../infra/policy/policies/stateful-resources-protected";
import { notApplicableReason, policyHarness, violationsOf, withOptions, type PolicyHarness } from "../harness/policy";
import { named, runStack } from "../harness/stack";

const policy = "stateful-resources-protected";
let pack: PolicyHarness;
let rec: Recording;
beforeAll(async () => {
    [pack, rec] = await Promise.all([policyHarness(), runStack({ preview: true })]);
});
afterAll(() => pack.close());

test("every stateful resource of the prod stack is protected and passes", async () => {
    const stateful = rec.registrations.filter((r) => (STATEFUL_TYPES as readonly string[]).includes(r.type));
    // Buckets (3 S3, 1 GCS), keys (2 S3, 1 Atlas, 1 GCS), key ring, Atlas project and cluster, Redis subscription
    // and database, the Auth0 user database.
    expect(new Set(stateful.map((r) => r.type))).toEqual(new Set(STATEFUL_TYPES.filter((t) => !t.endsWith("BucketV2") && !t.endsWith("/cluster:Cluster"))));
    for (const r of stateful) {
        expect({ r: r.name, protect: r.options.protect, v: violationsOf(await pack.analyze(r, rec), policy) }).toEqual({ r: r.name, protect: true, v: [] });
    }
});

test.each([
    ["s3-exports", "aws:s3/bucket:Bucket"],
    ["gcs-media-key", "gcp:kms/cryptoKey:CryptoKey"],
    ["atlas-cluster", "mongodbatlas:index/advancedCluster:AdvancedCluster"],
    ["redis-pubsub", "rediscloud:index/subscriptionDatabase:SubscriptionDatabase"],
    ["auth0-users", "auth0:index/connection:Connection"],
])("an unprotected %s fails", async (name, type) => {
    const unprotected = withOptions(rec, name, { protect: false });
    const reg = unprotected.registrations.find((r) => r.name === name && r.type === type)!;
    expect(violationsOf(await pack.analyze(reg, unprotected), policy)).toEqual([
        { message: `${type} ${name} holds data or keys but is not protected (set protect: true).`, enforcementLevel: "mandatory" },
    ]);
});

test("stateless resources are not its business", async () => {
    expect(notApplicableReason(await pack.analyze(named(rec, "s3-documents-policy"), rec), policy)).toBe("not a stateful resource type");
});
