/**
 * `DataAccessLogBucket` on its own, with fixture args (data policy "10.staff-access-audit"): the log bucket in
 * Australia with the audit retention, the sink routing the Data Access logs into it, and the refusals.
 */
import * as gcp from "@pulumi/gcp";
import { DataAccessLogBucket, type DataAccessLogBucketArgs } from "../../../infra/components/audit/data-access-log-bucket";
import type { Recording } from "../../../infra/check/recorder";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { buildAlone, tryBuildAlone } from "../../harness/build-alone";
import { childrenOf, named, providerUrn } from "../../harness/stack";

const ARGS: DataAccessLogBucketArgs = { project: "fixture-project", location: "australia-southeast2", retentionDays: 545 };

function build(args: Partial<DataAccessLogBucketArgs>) {
    return () => new DataAccessLogBucket("d", { ...ARGS, ...args }, { providers: [new gcp.Provider("gcp", {})] });
}

describe("the log bucket and its sink", () => {
    let rec: Recording;
    beforeAll(async () => {
        rec = await buildAlone(build({}));
    });

    test("two children on the given Google Cloud provider", () => {
        const children = childrenOf(rec, named(rec, "d", "data-platform:audit:DataAccessLogBucket"));
        const provider = named(rec, "gcp", TYPES.gcpProvider).urn;
        expect(children.map((c) => ({ type: c.type, name: c.name, provider: providerUrn(c.provider) }))).toEqual([
            { type: "gcp:logging/projectBucketConfig:ProjectBucketConfig", name: "d-bucket", provider },
            { type: TYPES.gcpProjectSink, name: "d-sink", provider },
        ]);
    });

    test("the log bucket: in the given Australian region, the audit retention, unlocked, deletion prevented, protected", () => {
        const bucket = named(rec, "d-bucket", "gcp:logging/projectBucketConfig:ProjectBucketConfig");
        expect(bucket.inputs).toEqual({
            project: "fixture-project",
            location: "australia-southeast2",
            bucketId: "data-access-audit",
            retentionDays: 545,
            description: "Cloud Audit Logs Data Access entries, kept the audit retention (data policy §10)",
            locked: false,
            deletionPolicy: "PREVENT",
        });
        expect(bucket.options.protect).toBe(true);
    });

    test("the sink: every Data Access log entry of the project, into that bucket", () => {
        const sink = named(rec, "d-sink", TYPES.gcpProjectSink);
        expect(sink.inputs).toEqual({
            project: "fixture-project",
            name: "data-access-audit-sink",
            description: "Routes the Data Access audit logs to their long-retention log bucket in Australia",
            destination: "logging.googleapis.com/projects/fixture-project/locations/australia-southeast2/buckets/data-access-audit",
            filter: 'logName="projects/fixture-project/logs/cloudaudit.googleapis.com%2Fdata_access"',
            uniqueWriterIdentity: true,
        });
        expect(sink.propertyDependencies["destination"]).toEqual([named(rec, "d-bucket", "gcp:logging/projectBucketConfig:ProjectBucketConfig").urn]);
    });
});

describe("refusals (nothing of the component is registered)", () => {
    test.each([
        [{ retentionDays: 30 }, "retentionDays = 30", "a whole number from 400 to 3650; the audit trails of data policy §10 are kept at least 400 days"],
        [{ location: "us-central1" as never }, 'location = "us-central1"', "an Australian Google Cloud region (australia-southeast1 | australia-southeast2); data policy §02 keeps data in Australia"],
    ])("%j", async (args, field, allowed) => {
        const outcome = await tryBuildAlone(build(args));
        expect(outcome.error).toBe(`DataAccessLogBucket d: ${field} is not allowed; expected ${allowed}.`);
        expect(outcome.registered).toEqual(["pulumi:pulumi:Stack", "pulumi:providers:gcp"]);
    });
});
