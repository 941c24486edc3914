/**
 * data-flows-to-declared-processors, through the real policy pack (data policy "08.no-third-party-sharing",
 * "08.secure-transfers", "07.third-party-services"; APP 8): a flow the stack configures to a destination outside
 * Australia passes only when a processor of infra/processors.ts allows it; a flow that stays in Australia passes.
 *
 * Fixtures are the prod stack's recorded registrations, one property changed per case. The prod stack has no S3
 * replication, Atlas snapshot export or log sink, so those cases record a small program of their own
 * (`flowsProgram`) with the same recorder, under preview semantics.
 */
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import * as mongodbatlas from "@pulumi/mongodbatlas";
import * as pulumi from "@pulumi/pulumi";
import { runProgram, UNKNOWN, type Recording } from "../../infra/check/recorder";
import { type PolicyHarness, mutateResource, policyHarness, violationsOf, withoutWhere } from "../harness/policy";
import { named, runStack } from "../harness/stack";

const POLICY = "data-flows-to-declared-processors";
const STREAM = "auth0-audit-log-stream";
const TAIL = ", or keep the data in Australia.";
const NO_PROCESSOR = "and no processor in infra/processors.ts allows it.";
const DECLARE = "Declare the recipient as a processor (with its contract and the countries where it processes data) and the flow";

let pack: PolicyHarness;
let preview: Recording;
beforeAll(async () => {
    [pack, preview] = await Promise.all([policyHarness(), runStack({ preview: true })]);
});
afterAll(() => pack.close());

const mandatory = (message: string) => ({ message, enforcementLevel: "mandatory" });

async function violations(rec: Recording) {
    return violationsOf(await pack.analyzeStack(rec), POLICY);
}


/** A copy of the recording without the resources of these types. */
function withoutTypes(rec: Recording, ...types: string[]): Recording {
    return withoutWhere(rec, (r) => types.includes(r.type));
}

/** The prod preview with the log stream's type and sink replaced. */
function logStreamTo(type: string, sink: Record<string, unknown>): Recording {
    return mutateResource(preview, STREAM, (p) => {
        p["type"] = type;
        p["sink"] = sink;
    });
}

describe("the prod stack", () => {
    test("passes at preview: the audit log stream stays in Australia, the Atlas alert e-mails go to a declared processor", async () => {
        const result = await pack.analyzeStack(preview);
        expect(violationsOf(result, POLICY)).toEqual([]);
        expect(result.notApplicable.filter((n) => n.policyName === POLICY)).toEqual([]);
        // Both flows are really there, so the pass is not vacuous.
        expect(named(preview, STREAM, "auth0:index/logStream:LogStream").inputs["sink"]).toEqual({ awsAccountId: "111122223333", awsRegion: "ap-southeast-2" });
        expect(named(preview, "atlas-alerts-no-primary", "mongodbatlas:index/alertConfiguration:AlertConfiguration").inputs["notifications"]).toEqual([
            { typeName: "EMAIL", emailAddress: "platform-alerts@allotrac.com.au", delayMin: 0, intervalMin: 60 },
        ]);
    });

    test("passes after deployment (computed values known)", async () => {
        expect(await violations(await runStack())).toEqual([]);
    });

    test("is not applicable to a stack that configures no flow", async () => {
        const result = await pack.analyzeStack(
            withoutTypes(preview, "auth0:index/logStream:LogStream", "mongodbatlas:index/alertConfiguration:AlertConfiguration", "gcp:logging/projectSink:ProjectSink"),
        );
        expect(violationsOf(result, POLICY)).toEqual([]);
        expect(result.notApplicable.filter((n) => n.policyName === POLICY)).toEqual([
            {
                policyName: POLICY,
                reason: "the stack configures no data flow to a destination (no Auth0 log stream, Atlas alert, Atlas snapshot export bucket, S3 replication or log sink)",
            },
        ]);
    });
});

describe("Auth0 log streams", () => {
    test("EventBridge outside Australia: AWS is declared only for ap-southeast-2", async () => {
        const rec = mutateResource(preview, STREAM, (p) => (p["sink"].awsRegion = "us-east-1"));
        const result = await pack.analyzeStack(rec);
        expect(violationsOf(result, POLICY)).toEqual([
            mandatory(
                `Auth0 log stream ${STREAM} sends data outside Australia to AWS EventBridge in us-east-1, ${NO_PROCESSOR} ` +
                    'Add the flow { kind: "auth0-log-stream", channels: ["eventbridge"], regions: ["us-east-1"] } to processor "aws" ' +
                    `(Amazon Web Services (AWS)) with the countries where it processes that data${TAIL}`,
            ),
        ]);
        // Reported against the log stream itself.
        expect(result.diagnostics.filter((d) => d.policyName === POLICY).map((d) => d.urn)).toEqual([named(rec, STREAM, "auth0:index/logStream:LogStream").urn]);
    });

    test("Datadog, which the register does not hold", async () => {
        expect(await violations(logStreamTo("datadog", { datadogRegion: "us", datadogApiKey: "not-a-real-key" }))).toEqual([
            mandatory(
                `Auth0 log stream ${STREAM} sends data outside Australia to Datadog in us, ${NO_PROCESSOR} ` +
                    `${DECLARE} { kind: "auth0-log-stream", channels: ["datadog"], regions: ["us"] }${TAIL}`,
            ),
        ]);
    });

    test("Twilio Segment: named by the data policy, but allowed no flow from this stack", async () => {
        expect(await violations(logStreamTo("segment", { segmentWriteKey: "not-a-real-key" }))).toEqual([
            mandatory(
                `Auth0 log stream ${STREAM} sends data outside Australia to Twilio Segment, ${NO_PROCESSOR} ` +
                    'Add the flow { kind: "auth0-log-stream", channels: ["segment"] } to processor "twilio-segment" (Twilio Segment) ' +
                    `with the countries where it processes that data${TAIL}`,
            ),
        ]);
    });

    test("an HTTP endpoint: its host cannot be shown to be in Australia", async () => {
        expect(await violations(logStreamTo("http", { httpEndpoint: "https://logs.example.com.au/auth0", httpContentFormat: "JSONLINES" }))).toEqual([
            mandatory(
                `Auth0 log stream ${STREAM} sends data outside Australia to the HTTP endpoint logs.example.com.au, ${NO_PROCESSOR} ` +
                    `${DECLARE} { kind: "auth0-log-stream", channels: ["http"], destinations: ["logs.example.com.au"] }${TAIL}`,
            ),
        ]);
    });

    test("Azure Event Grid in australiaeast stays in Australia and passes, declared or not", async () => {
        expect(await violations(logStreamTo("eventgrid", { azureRegion: "australiaeast", azureSubscriptionId: "sub", azureResourceGroup: "rg" }))).toEqual([]);
    });

    test("a sink region unknown at preview is reported, not skipped", async () => {
        expect(await violations(mutateResource(preview, STREAM, (p) => (p["sink"].awsRegion = UNKNOWN)))).toEqual([
            mandatory(
                `Auth0 log stream ${STREAM} sends data to a destination the preview cannot read (sink.awsRegion is not known until the ` +
                    "update runs), so it cannot be shown to stay in Australia or to reach a declared processor. Take it from config or a literal.",
            ),
        ]);
    });

    test("a sink without its region", async () => {
        expect(await violations(mutateResource(preview, STREAM, (p) => delete p["sink"].awsRegion))).toEqual([
            mandatory(`Auth0 log stream ${STREAM} sets no sink.awsRegion, so where it sends data cannot be shown.`),
        ]);
    });

    test("an exemption with its reason skips the stream", async () => {
        const rec = mutateResource(preview, STREAM, (p) => (p["sink"].awsRegion = "us-east-1"));
        const result = await pack.analyzeStack(rec, {
            [POLICY]: { exemptions: [{ resource: STREAM, reason: "Temporary US relay while the Sydney event bus is rebuilt, ticket OPS-1." }] },
        });
        expect(violationsOf(result, POLICY)).toEqual([]);
    });
});

describe("Atlas alert notifications", () => {
    const ALERT = "atlas-alerts-no-primary";
    const notify = (n: Record<string, unknown>) => mutateResource(preview, ALERT, (p) => (p["notifications"] = [n]));

    test("a webhook to an undeclared host", async () => {
        expect(await violations(notify({ typeName: "WEBHOOK", webhookUrl: "https://hooks.example.com/atlas", webhookSecret: "x" }))).toEqual([
            mandatory(
                `Atlas alert ${ALERT} (notifications[0]) sends data outside Australia to the webhook hooks.example.com, ${NO_PROCESSOR} ` +
                    `${DECLARE} { kind: "atlas-alert-notification", channels: ["WEBHOOK"], destinations: ["hooks.example.com"] }${TAIL}`,
            ),
        ]);
    });

    test("Datadog without a region goes to Datadog's US site (the provider's default)", async () => {
        expect(await violations(notify({ typeName: "DATADOG", datadogApiKey: "x" }))).toEqual([
            mandatory(
                `Atlas alert ${ALERT} (notifications[0]) sends data outside Australia to Datadog in US, ${NO_PROCESSOR} ` +
                    `${DECLARE} { kind: "atlas-alert-notification", channels: ["DATADOG"], regions: ["US"] }${TAIL}`,
            ),
        ]);
    });

    test("SMS is sent by Atlas's notification service, which MongoDB Atlas is declared for by e-mail only", async () => {
        expect(await violations(notify({ typeName: "SMS", mobileNumber: "+61400000000" }))).toEqual([
            mandatory(
                `Atlas alert ${ALERT} (notifications[0]) sends data outside Australia to MongoDB Atlas's notification service (United States), ` +
                    `${NO_PROCESSOR} Add the flow { kind: "atlas-alert-notification", channels: ["SMS"] } to processor "mongodb-atlas" ` +
                    `(MongoDB Atlas) with the countries where it processes that data${TAIL}`,
            ),
        ]);
    });

    test("switching the prod alert target to PagerDuty (config) is reported on every alert", async () => {
        const rec = await runStack({
            preview: true,
            mutate: (c) => (c["data-platform:atlas"].alerts.notification = { type: "PAGER_DUTY" }),
            secrets: { "data-platform:atlasAlertToken": "offline-test-pagerduty-key" },
        });
        const alerts = rec.registrations.filter((r) => r.type === "mongodbatlas:index/alertConfiguration:AlertConfiguration");
        expect(alerts.length).toBeGreaterThan(5);
        expect(await violations(rec)).toEqual(
            alerts.map((a) =>
                mandatory(
                    `Atlas alert ${a.name} (notifications[0]) sends data outside Australia to PagerDuty, ${NO_PROCESSOR} ` +
                        `${DECLARE} { kind: "atlas-alert-notification", channels: ["PAGER_DUTY"] }${TAIL}`,
                ),
            ),
        );
    });
});

/**
 * A program with the flows the prod stack does not have: S3 replication to buckets in and outside Australia and
 * outside the stack, Atlas snapshot export buckets, and log sinks. Destination ARNs come from the buckets'
 * outputs, so at preview they are unknown and the policy must find the bucket by reference.
 */
function flowsProgram(): void {
    const awsAu = new aws.Provider("aws-au", { region: "ap-southeast-2" });
    const bucket = (name: string, region?: string) =>
        new aws.s3.Bucket(name, { bucket: name, ...(region ? { region } : {}) }, { provider: awsAu });
    const source = bucket("flows-source");
    const melbourne = bucket("flows-replica-melbourne", "ap-southeast-4");
    const virginia = bucket("flows-replica-virginia", "us-east-1");
    const rule = (id: string, destination: pulumi.Input<string>) => ({ id, status: "Enabled", destination: { bucket: destination } });
    new aws.s3.BucketReplicationConfig(
        "flows-replication",
        {
            bucket: source.bucket,
            role: "arn:aws:iam::111122223333:role/replication",
            rules: [rule("to-melbourne", melbourne.arn)],
        },
        { provider: awsAu },
    );
    new aws.s3.BucketReplicationConfig(
        "flows-replication-abroad",
        {
            bucket: source.bucket,
            role: "arn:aws:iam::111122223333:role/replication",
            rules: [rule("to-virginia", virginia.arn), rule("to-partner", "arn:aws:s3:::partner-archive-bucket")],
        },
        { provider: awsAu },
    );
    const atlas = new mongodbatlas.Provider("atlas", {});
    const exportTo = (name: string, bucketName: pulumi.Input<string>) =>
        new mongodbatlas.CloudBackupSnapshotExportBucket(name, { projectId: "p", bucketName, cloudProvider: "AWS", iamRoleId: "r" }, { provider: atlas });
    exportTo("flows-export-melbourne", melbourne.bucket);
    exportTo("flows-export-partner", "partner-archive-bucket");
    const gcpAu = new gcp.Provider("gcp-au", { project: "allotrac-data-prod", region: "australia-southeast1" });
    const logs = new gcp.storage.Bucket("flows-log-archive", { name: "flows-log-archive", location: "AUSTRALIA-SOUTHEAST1" }, { provider: gcpAu });
    new gcp.logging.ProjectSink("flows-sink-archive", { destination: pulumi.interpolate`storage.googleapis.com/${logs.id}` }, { provider: gcpAu });
    new gcp.logging.ProjectSink(
        "flows-sink-bigquery",
        { destination: "bigquery.googleapis.com/projects/allotrac-data-prod/datasets/audit" },
        { provider: gcpAu },
    );
    new gcp.logging.ProjectSink(
        "flows-sink-log-bucket",
        { destination: "logging.googleapis.com/projects/allotrac-data-prod/locations/australia-southeast1/buckets/audit" },
        { provider: gcpAu },
    );
}

describe("replicas, exports and log sinks (a program of their own, at preview)", () => {
    let flows: Recording;
    beforeAll(async () => {
        flows = await runProgram(flowsProgram, { project: "data-platform", stack: "flows", config: {}, preview: true });
    });

    test("reports exactly the flows that leave Australia undeclared; Australian ones pass", async () => {
        const result = await pack.analyzeStack(flows);
        const urnOf = (name: string) => flows.registrations.find((r) => r.name === name && r.custom)!.urn;
        const byMessage = (a: { message: string }, b: { message: string }) => a.message.localeCompare(b.message);
        const reported = result.diagnostics
            .filter((d) => d.policyName === POLICY)
            .map((d) => ({ urn: d.urn, message: d.message.slice(d.message.indexOf("\n") + 1) }));
        // Resources register as their inputs resolve, so the report's order is not the program's: compare as sets.
        expect(reported.sort(byMessage)).toEqual([
            {
                urn: urnOf("flows-replication-abroad"),
                message:
                    `S3 replication flows-replication-abroad (rules[0]) sends data outside Australia to S3 bucket flows-replica-virginia in us-east-1, ` +
                    `${NO_PROCESSOR} Add the flow { kind: "s3-replication", channels: ["replica"], regions: ["us-east-1"] } to processor "aws" ` +
                    `(Amazon Web Services (AWS)) with the countries where it processes that data${TAIL}`,
            },
            {
                urn: urnOf("flows-replication-abroad"),
                message:
                    "S3 replication flows-replication-abroad (rules[1]) sends data outside Australia to S3 bucket partner-archive-bucket, which this " +
                    `stack does not declare (so its region cannot be shown), ${NO_PROCESSOR} Add the flow { kind: "s3-replication", ` +
                    'channels: ["replica"], destinations: ["partner-archive-bucket"] } to processor "aws" (Amazon Web Services (AWS)) with the ' +
                    `countries where it processes that data${TAIL}`,
            },
            {
                urn: urnOf("flows-export-partner"),
                message:
                    "Atlas snapshot export bucket flows-export-partner sends data outside Australia to S3 bucket partner-archive-bucket, which this " +
                    `stack does not declare (so its region cannot be shown), ${NO_PROCESSOR} Add the flow { kind: "atlas-snapshot-export", ` +
                    'channels: ["AWS"], destinations: ["partner-archive-bucket"] } to processor "aws" (Amazon Web Services (AWS)) with the ' +
                    `countries where it processes that data${TAIL}`,
            },
            {
                urn: urnOf("flows-sink-bigquery"),
                message:
                    "Log sink flows-sink-bigquery sends data outside Australia to bigquery.googleapis.com/projects/allotrac-data-prod/datasets/audit, " +
                    `${NO_PROCESSOR} Add the flow { kind: "gcp-log-sink", channels: ["bigquery"], destinations: ` +
                    '["bigquery.googleapis.com/projects/allotrac-data-prod/datasets/audit"] } to processor "google-cloud" (Google Cloud) with the ' +
                    `countries where it processes that data${TAIL}`,
            },
        ].sort(byMessage));
        // The Melbourne replica's ARN is unknown at preview: the policy found the bucket by reference.
        expect(named(flows, "flows-replication", "aws:s3/bucketReplicationConfig:BucketReplicationConfig").inputs["rules"]).toEqual([
            { id: "to-melbourne", status: "Enabled", destination: { bucket: UNKNOWN } },
        ]);
    });
});
