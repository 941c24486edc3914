/**
 * AWS and Google Cloud residency policies through the real pack: providers and per-resource overrides.
 */
import type { Recording } from "../../infra/check/recorder";
import { mandatory, notApplicableReason, policySuite, violationsOf, withInputs } from "../harness/policy";
import { named } from "../harness/stack";

const suite = policySuite();

const withProvider = (name: string, change: (p: Record<string, any>) => void): Recording => ({
    ...suite.rec,
    registrations: suite.rec.registrations.map((r) => (r.name === name && r.type.startsWith("pulumi:providers:") ? withInputs(r, change) : r)),
});

describe("aws-resources-in-australia", () => {
    const policy = "aws-resources-in-australia";
    test("passes every AWS resource and the provider", async () => {
        const aws = suite.rec.registrations.filter((r) => r.type.startsWith("aws:") || r.type === "pulumi:providers:aws");
        for (const r of aws) expect({ r: r.name, v: violationsOf(await suite.pack.analyze(r, suite.rec), policy) }).toEqual({ r: r.name, v: [] });
    });
    test("fails a provider in us-east-1, and each resource it would create", async () => {
        const moved = withProvider("aws-au", (p) => (p["region"] = "us-east-1"));
        expect(violationsOf(await suite.pack.analyze(named(moved, "aws-au"), moved), policy)).toEqual([
            mandatory("The AWS provider aws-au uses region us-east-1 (allowed: ap-southeast-2, ap-southeast-4)."),
        ]);
        expect(violationsOf(await suite.pack.analyze(named(moved, "s3-documents", "aws:s3/bucket:Bucket"), moved), policy)).toEqual([
            mandatory("aws:s3/bucket:Bucket s3-documents would be created in us-east-1 by provider aws-au (allowed: ap-southeast-2, ap-southeast-4)."),
        ]);
    });
    test("fails a provider without an explicit region", async () => {
        const unset = withProvider("aws-au", (p) => delete p["region"]);
        expect(violationsOf(await suite.pack.analyze(named(unset, "aws-au"), unset), policy)).toEqual([
            mandatory("The AWS provider aws-au has no explicit region, so it would use whatever AWS_REGION says (allowed: ap-southeast-2, ap-southeast-4)."),
        ]);
    });
    test("fails a per-resource region override (v7 Enhanced Region Support), even on an Australian provider", async () => {
        const bucket = named(suite.rec, "s3-documents", "aws:s3/bucket:Bucket");
        expect(violationsOf(await suite.pack.analyze(withInputs(bucket, (p) => (p["region"] = "eu-west-1")), suite.rec), policy)).toEqual([
            mandatory("aws:s3/bucket:Bucket s3-documents overrides its region to eu-west-1 (allowed: ap-southeast-2, ap-southeast-4)."),
        ]);
    });
    test("Melbourne is allowed; the allowed list is pack config", async () => {
        const bucket = named(suite.rec, "s3-documents", "aws:s3/bucket:Bucket");
        expect(violationsOf(await suite.pack.analyze(withInputs(bucket, (p) => (p["region"] = "ap-southeast-4")), suite.rec), policy)).toEqual([]);
        const sydneyOnly = await suite.pack.analyze(withInputs(bucket, (p) => (p["region"] = "ap-southeast-4")), suite.rec, { [policy]: { allowedRegions: ["ap-southeast-2"] } });
        expect(violationsOf(sydneyOnly, policy)).toEqual([mandatory("aws:s3/bucket:Bucket s3-documents overrides its region to ap-southeast-4 (allowed: ap-southeast-2).")]);
    });
    test("does not apply to other clouds", async () => {
        expect(notApplicableReason(await suite.pack.analyze(named(suite.rec, "gcs-media", "gcp:storage/bucket:Bucket"), suite.rec), policy)).toBe("not an AWS resource");
    });
});

describe("gcp-resources-in-australia", () => {
    const policy = "gcp-resources-in-australia";
    test("passes every Google Cloud resource and the provider (upper-case bucket locations included)", async () => {
        const gcp = suite.rec.registrations.filter((r) => r.type.startsWith("gcp:") || r.type === "pulumi:providers:gcp");
        for (const r of gcp) expect({ r: r.name, v: violationsOf(await suite.pack.analyze(r, suite.rec), policy) }).toEqual({ r: r.name, v: [] });
    });
    test("fails a bucket in the US multi-region", async () => {
        const bucket = named(suite.rec, "gcs-media", "gcp:storage/bucket:Bucket");
        expect(violationsOf(await suite.pack.analyze(withInputs(bucket, (p) => (p["location"] = "US")), suite.rec), policy)).toEqual([
            mandatory("gcp:storage/bucket:Bucket gcs-media has location US (allowed: australia-southeast1, australia-southeast2)."),
        ]);
    });
    test("fails a key ring outside Australia", async () => {
        const ring = named(suite.rec, "gcs-media-key-ring", "gcp:kms/keyRing:KeyRing");
        expect(violationsOf(await suite.pack.analyze(withInputs(ring, (p) => (p["location"] = "europe-west3")), suite.rec), policy)).toEqual([
            mandatory("gcp:kms/keyRing:KeyRing gcs-media-key-ring has location europe-west3 (allowed: australia-southeast1, australia-southeast2)."),
        ]);
    });
    test("fails a provider outside Australia", async () => {
        const moved = withProvider("gcp-au", (p) => (p["region"] = "us-central1"));
        expect(violationsOf(await suite.pack.analyze(named(moved, "gcp-au"), moved), policy)).toEqual([
            mandatory("The Google Cloud provider gcp-au uses region us-central1 (allowed: australia-southeast1, australia-southeast2)."),
        ]);
    });
});
