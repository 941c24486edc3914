/**
 * How the prod stack wires its Cloud Storage static-file bucket (infra/areas/static-files.ts), asserted exactly
 * (data policy §02 static files, §05 encryption at rest): key ring, key, service-agent grant and bucket of
 * `gcs-media` from the prod config, on the Australian GCP provider. The component on its own, with fixture args, is
 * tests/components/static-files/encrypted-gcs-bucket.test.ts.
 */
import { childrenOf, named, providerUrn, runStack } from "../harness/stack";
import { recordOnce } from "../harness/record-once";
import { gcsBucketChildTests } from "../components/static-files/helpers";
import { gcsBucketChildren, gcsBucketInputs } from "../harness/expected-inputs";

const BUCKET = "allotrac-prod-media-aus1";
const PROJECT = "allotrac-data-prod";
/** Rotated every 90 days; deleted objects kept 7 days. */
const EXPECTED = gcsBucketInputs({ bucketName: BUCKET, project: PROJECT, location: "australia-southeast1", rotationSeconds: 7776000, softDeleteSeconds: 604800 });

const rec = recordOnce(() => runStack());

describe("the media bucket (gcs-media)", () => {
    test("is a component of key ring, key, grant and bucket, all on the Australian GCP provider", () => {
        const component = named(rec, "gcs-media", "data-platform:static-files:EncryptedGcsBucket");
        const children = childrenOf(rec, component);
        expect(children.map((r) => `${r.type}::${r.name}`).sort()).toEqual(gcsBucketChildren("gcs-media"));
        const provider = named(rec, "gcp-au", "pulumi:providers:gcp");
        expect(new Set(children.map((c) => providerUrn(c.provider)))).toEqual(new Set([provider.urn]));
        expect(provider.inputs).toMatchObject({ project: PROJECT, region: "australia-southeast1" });
    });

    test("the service agent is looked up once, for the data project, through gcp-au", () => {
        expect(rec.invokes).toEqual([
            {
                token: "gcp:storage/getProjectServiceAccount:getProjectServiceAccount",
                inputs: { project: PROJECT },
                provider: expect.stringContaining("pulumi:providers:gcp::gcp-au::"),
            },
        ]);
    });

    gcsBucketChildTests(rec, "gcs-media", EXPECTED);
});

