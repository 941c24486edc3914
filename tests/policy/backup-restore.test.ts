/**
 * §06 backups and restore through the real pack: point-in-time restore on the Atlas cluster, soft delete on the
 * Cloud Storage buckets, noncurrent versions kept on the S3 data buckets; and the Backup Compliance Policy, which
 * stays behind its switch and is reported as a manual control.
 */
import { CONTROLS } from "../../infra/clauses";
import { MIN_NONCURRENT_VERSION_RETENTION_DAYS } from "../../infra/rules/backup-retention";
import { UNKNOWN, type Recording } from "../../infra/check/recorder";
import { TYPES } from "../../infra/policy/lib/tokens";
import { mandatory, mutateResource, policySuite, violationsOf, withInputs } from "../harness/policy";
import { prodConfig } from "../harness/stack";

const suite = policySuite();

describe("atlas-cluster-pit-enabled", () => {
    const policy = "atlas-cluster-pit-enabled";
    const finding = mandatory("Atlas cluster atlas-cluster does not have point-in-time restore enabled (pitEnabled must be true).");
    test("passes the prod cluster", async () => {
        expect(suite.resource("atlas-cluster").rawInputs["pitEnabled"]).toBe(true);
        expect(await suite.violations("atlas-cluster", policy)).toEqual([]);
    });
    test("fails pitEnabled false", async () => {
        expect(await suite.violations("atlas-cluster", policy, (p) => (p["pitEnabled"] = false))).toEqual([finding]);
    });
    test("fails pitEnabled left unset (Atlas's default is off)", async () => {
        expect(await suite.violations("atlas-cluster", policy, (p) => delete p["pitEnabled"])).toEqual([finding]);
    });
    test("judges a legacy mongodbatlas.Cluster too", async () => {
        const legacy = { ...suite.resource("atlas-cluster"), type: TYPES.atlasLegacyCluster };
        expect(violationsOf(await suite.pack.analyze(legacy, suite.rec), policy)).toEqual([]);
        const off = withInputs(legacy, (p) => (p["pitEnabled"] = false));
        expect(violationsOf(await suite.pack.analyze(off, suite.rec), policy)).toEqual([finding]);
    });
});

describe("gcp-storage-bucket-soft-delete-on", () => {
    const policy = "gcp-storage-bucket-soft-delete-on";
    test("passes the prod bucket (7 days of soft delete)", async () => {
        expect(suite.resource("gcs-media").rawInputs["softDeletePolicy"]).toEqual({ retentionDurationSeconds: 604800 });
        expect(await suite.violations("gcs-media", policy)).toEqual([]);
    });
    test("fails a retention of 0, which turns soft delete off", async () => {
        expect(await suite.violations("gcs-media", policy, (p) => (p["softDeletePolicy"].retentionDurationSeconds = 0))).toEqual([
            mandatory("Cloud Storage bucket gcs-media turns soft delete off (softDeletePolicy.retentionDurationSeconds is 0)."),
        ]);
    });
    test("passes a bucket without softDeletePolicy: Cloud Storage keeps its 7-day default", async () => {
        expect(await suite.violations("gcs-media", policy, (p) => delete p["softDeletePolicy"])).toEqual([]);
    });
});

describe("aws-s3-noncurrent-version-retention (stack)", () => {
    const policy = "aws-s3-noncurrent-version-retention";
    const addRule = (noncurrentDays: number, status = "Enabled") => (p: Record<string, any>) =>
        p["rules"].push({ id: "expire-old-versions", status, filter: {}, noncurrentVersionExpiration: { noncurrentDays } });
    const stack = async (rec = suite.rec, config?: Record<string, unknown>) => violationsOf(await suite.pack.analyzeStack(rec, config ? { [policy]: config } : undefined), policy);

    test("the floor is the published 30-day backup retention", () => {
        expect(MIN_NONCURRENT_VERSION_RETENTION_DAYS).toBe(30);
    });
    test("passes prod: the data buckets expire no noncurrent version", async () => {
        expect(await stack()).toEqual([]);
    });
    test("fails a data bucket that expires noncurrent versions after 7 days", async () => {
        expect(await stack(mutateResource(suite.rec, "s3-documents-lifecycle", addRule(7)))).toEqual([
            mandatory(
                "S3 bucket s3-documents (allotrac-prod-documents-apse2): lifecycle s3-documents-lifecycle rule expire-old-versions " +
                    "expires noncurrent versions after 7 days; noncurrent versions must be kept at least 30 days.",
            ),
        ]);
    });
    test("passes 30 days, and a disabled rule", async () => {
        expect(await stack(mutateResource(suite.rec, "s3-documents-lifecycle", addRule(30)))).toEqual([]);
        expect(await stack(mutateResource(suite.rec, "s3-documents-lifecycle", addRule(1, "Disabled")))).toEqual([]);
    });
    test("the floor is pack config; the access-log bucket's 30-day noncurrent expiry is not judged", async () => {
        const rules = suite.resource("s3-access-logs-lifecycle").rawInputs["rules"] as { id: string; noncurrentVersionExpiration?: unknown }[];
        expect(rules.find((r) => r.id === "expire-access-logs")?.noncurrentVersionExpiration).toEqual({ noncurrentDays: 30 });
        expect(await stack(suite.rec, { minNoncurrentDays: 60 })).toEqual([]);
        expect(await stack(mutateResource(suite.rec, "s3-exports-lifecycle", addRule(45)), { minNoncurrentDays: 60 })).toEqual([
            mandatory(
                "S3 bucket s3-exports (allotrac-prod-exports-apse2): lifecycle s3-exports-lifecycle rule expire-old-versions " +
                    "expires noncurrent versions after 45 days; noncurrent versions must be kept at least 60 days.",
            ),
        ]);
    });
    const DOCS = "S3 bucket s3-documents (allotrac-prod-documents-apse2)";
    const KEEP = "noncurrent versions must be kept at least 30 days.";
    test("fails an inline lifecycleRules rule on the bucket (aws.s3.Bucket shape) that expires noncurrent versions after 7 days", async () => {
        const inline = mutateResource(suite.rec, "s3-documents", (p) => (p["lifecycleRules"] = [{ id: "inline-expiry", enabled: true, noncurrentVersionExpiration: { days: 7 } }]));
        expect(await stack(inline)).toEqual([mandatory(`${DOCS}: inline rule inline-expiry expires noncurrent versions after 7 days; ${KEEP}`)]);
    });
    test("fails the aws.s3.BucketV2 inline shape (noncurrentVersionExpirations[]); a disabled inline rule passes", async () => {
        const v2 = mutateResource(suite.rec, "s3-documents", (p) => (p["lifecycleRules"] = [{ enabled: true, noncurrentVersionExpirations: [{ days: 30 }, { days: 3 }] }]));
        expect(await stack(v2)).toEqual([mandatory(`${DOCS}: inline lifecycleRules[0] expires noncurrent versions after 3 days; ${KEEP}`)]);
        const off = mutateResource(suite.rec, "s3-documents", (p) => (p["lifecycleRules"] = [{ id: "off", enabled: false, noncurrentVersionExpiration: { days: 1 } }]));
        expect(await stack(off)).toEqual([]);
    });
    test("reads the deprecated BucketLifecycleConfigurationV2 too", async () => {
        const v2 = asType(mutateResource(suite.rec, "s3-documents-lifecycle", addRule(7)), "s3-documents-lifecycle", TYPES.s3LifecycleV2);
        expect(await stack(v2)).toEqual([
            mandatory(`${DOCS}: lifecycle s3-documents-lifecycle rule expire-old-versions expires noncurrent versions after 7 days; ${KEEP}`),
        ]);
    });
    test("rules or days unknown at preview are reported, not passed", async () => {
        const NOT_KNOWN = "is not known until the update runs (take it from config or a literal)";
        expect(await stack(mutateResource(suite.rec, "s3-documents-lifecycle", (p) => (p["rules"] = UNKNOWN)))).toEqual([
            mandatory(`${DOCS}: lifecycle s3-documents-lifecycle rules ${NOT_KNOWN}; ${KEEP}`),
        ]);
        const days = mutateResource(suite.rec, "s3-documents-lifecycle", (p) =>
            p["rules"].push({ id: "expire-old-versions", status: "Enabled", filter: {}, noncurrentVersionExpiration: { noncurrentDays: UNKNOWN } }),
        );
        expect(await stack(days)).toEqual([
            mandatory(`${DOCS}: lifecycle s3-documents-lifecycle rule expire-old-versions noncurrentVersionExpiration.noncurrentDays ${NOT_KNOWN}; ${KEEP}`),
        ]);
        expect(await stack(mutateResource(suite.rec, "s3-documents", (p) => (p["lifecycleRules"] = UNKNOWN)))).toEqual([
            mandatory(`${DOCS}: inline lifecycleRules ${NOT_KNOWN}; ${KEEP}`),
        ]);
    });
});

/** As if the program had declared the provider-managed resource `name` with the type token `type` (e.g. a deprecated …V2 class). */
function asType(rec: Recording, name: string, type: string): Recording {
    return { ...rec, registrations: rec.registrations.map((r) => (r.name === name && r.custom ? { ...r, type } : r)) };
}

describe("Backup Compliance Policy: behind its switch, a manual control", () => {
    test("prod leaves the switch off, so the stack declares no BackupCompliancePolicy", () => {
        expect(prodConfig()["data-platform:atlas"].backup.compliancePolicy.enabled).toBe(false);
        expect(suite.rec.registrations.filter((r) => r.type === TYPES.atlasBackupCompliancePolicy)).toEqual([]);
    });
    test("§06 lists it as a manual control, and nothing of §06 is left unchecked", () => {
        const controls = CONTROLS["06.operational-backup"];
        expect(controls.filter((c) => c.kind === "manual").map((c) => c.kind === "manual" && c.control)).toEqual([
            "The Backup Compliance Policy (snapshots nobody can delete or shorten) is turned on once an authorized person is named",
            "Restores are rehearsed",
        ]);
        expect(controls.filter((c) => c.kind === "unchecked")).toEqual([]);
    });
});
