/**
 * `EncryptedGcsBucket` on its own, with fixture args (data policy §02 static files, §05 encryption at rest): a key
 * ring in the given Australian region, a CMEK rotated as given, the project's Cloud Storage service agent as the only
 * grantee, and a private, uniform-access, versioned bucket in that region encrypted with the key, with the given
 * soft-delete retention; everything protected and waiting for what it is told to; and the refusal of a rotation over
 * 90 days or a region outside Australia. How the prod stack wires it from config is
 * tests/areas/static-files-encrypted-gcs-bucket.test.ts.
 */
import * as gcp from "@pulumi/gcp";
import { EncryptedGcsBucket, type EncryptedGcsBucketArgs } from "../../../infra/components/static-files/encrypted-gcs-bucket";
import { buildAlone, tryBuildAlone } from "../../harness/build-alone";
import { gcsBucketChildren, gcsBucketInputs } from "../../harness/expected-inputs";
import { childrenOf, named, providerUrn } from "../../harness/stack";
import { recordOnce } from "../../harness/record-once";
import { gcsBucketChildTests } from "./helpers";

const PROJECT = "allotrac-data-prod";

describe("with fixture args", () => {
    /** Fixture args: not prod's, so that a prod config edit cannot change what this file asserts. */
    const ARGS = {
        bucketName: "fixture-media",
        project: "fixture-project",
        location: "australia-southeast2",
        keyRotationDays: 45,
        softDeleteRetentionDays: 14,
        labels: { team: "fixture" },
    } satisfies Partial<EncryptedGcsBucketArgs>;
    const EXPECTED = gcsBucketInputs({ ...ARGS, rotationSeconds: 45 * 86_400, softDeleteSeconds: 14 * 86_400 });
    const rec = recordOnce(() => buildAlone(() => {
        const provider = new gcp.Provider("gcp", { project: "fixture-project", region: "australia-southeast2" });
        const api = new gcp.projects.Service("api", { project: "fixture-project", service: "cloudkms.googleapis.com" }, { provider });
        new EncryptedGcsBucket("b", { ...ARGS, waitFor: [api] }, { providers: [provider] });
    }));

    test("the component holds key ring, key, grant and bucket, all on the given provider and all waiting for what it is told to", () => {
        const children = childrenOf(rec, named(rec, "b", "data-platform:static-files:EncryptedGcsBucket"));
        expect(children.map((r) => `${r.type}::${r.name}`).sort()).toEqual(gcsBucketChildren("b"));
        const provider = named(rec, "gcp", "pulumi:providers:gcp").urn;
        const api = named(rec, "api", "gcp:projects/service:Service").urn;
        expect(children.map((c) => ({ name: c.name, provider: providerUrn(c.provider), waits: c.dependencies.includes(api) }))).toEqual(
            children.map((c) => ({ name: c.name, provider, waits: true })),
        );
        // The service-agent lookup calls the Cloud Storage API too, so it waits as well.
        expect(rec.invokes.map((i) => ({ token: i.token, inputs: i.inputs }))).toEqual([
            { token: "gcp:storage/getProjectServiceAccount:getProjectServiceAccount", inputs: { project: "fixture-project" } },
        ]);
    });

    gcsBucketChildTests(rec, "b", EXPECTED);

    test("the clause label wins over a given label of the same key", async () => {
        const r = await buildAlone(() => new EncryptedGcsBucket("b", { ...ARGS, labels: { "data-policy-clause": "none" } }));
        expect(named(r, "b", "gcp:storage/bucket:Bucket").inputs["labels"]).toEqual({ "data-policy-clause": "02-static-files" });
    });
});

describe("EncryptedGcsBucket arguments", () => {
    function build(keyRotationDays: number, location = "australia-southeast1") {
        return () => {
            const provider = new gcp.Provider("gcp", { project: PROJECT, region: "australia-southeast1" });
            new EncryptedGcsBucket(
                "b",
                { bucketName: "b-bucket", project: PROJECT, location, keyRotationDays, softDeleteRetentionDays: 7 },
                { providers: [provider] },
            );
        };
    }
    const ONLY_STACK_AND_PROVIDER = ["pulumi:pulumi:Stack", "pulumi:providers:gcp"];

    test("a rotation period over 90 days, or not a whole number of days, is refused before anything is registered", async () => {
        for (const days of [91, 0, 30.5]) {
            expect(await tryBuildAlone(build(days))).toEqual({
                error: `EncryptedGcsBucket b: keyRotationDays = ${days} is not allowed; expected a whole number of days from 1 to 90 (CIS GCP 1.11).`,
                registered: ONLY_STACK_AND_PROVIDER,
            });
        }
    });

    test("a location outside Australia is refused before anything is registered", async () => {
        expect(await tryBuildAlone(build(30, "us-central1"))).toEqual({
            error:
                'EncryptedGcsBucket b: location = "us-central1" is not allowed; expected an Australian Google Cloud region ' +
                "(australia-southeast1 | australia-southeast2); data policy §02 keeps data in Australia.",
            registered: ONLY_STACK_AND_PROVIDER,
        });
    });

    test("30 days rotates every 2592000s", async () => {
        const r = await buildAlone(build(30));
        expect(named(r, "b-key").inputs["rotationPeriod"]).toBe("2592000s");
    });
});
