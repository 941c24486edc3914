import type { PolicyResource } from "@pulumi/policy";
import {
    PROCESSORS,
    processorsAllowing,
    type DataFlow,
    type FlowKind,
    type Processor,
} from "../facts/processors";
import { AU_AWS_REGIONS, AU_AZURE_REGIONS, AU_GCP_REGIONS, isOneOf } from "../facts/residency";
import { stackPolicy } from "../lib/define";
import { peek, type Peeked } from "../lib/props";
import { T, isOneOfTypes } from "../lib/tokens";


/** One flow as read from a resource, or why it could not be read. */
type Found =
    | {
          readonly what: string;
          readonly flow: DataFlow;
          /** Who receives it, as a person reads it ("Datadog", "S3 bucket x in us-east-1"). */
          readonly recipient: string;
          /** The register's id for the recipient's vendor, when the recipient is a vendor the register may hold. */
          readonly vendor?: string;
          readonly inAustralia: boolean;
      }
    | { readonly what: string; readonly unreadable: string; readonly missing: boolean };

interface Reader {
    readonly types: readonly string[];
    read(r: PolicyResource, stack: StackIndex): Found[];
}

/** Atlas notification types that Atlas's own notification service delivers (e-mail, SMS, Atlas users and teams). */
const ATLAS_DELIVERED = new Set(["EMAIL", "SMS", "USER", "GROUP", "ORG", "TEAM"]);

const READERS: readonly Reader[] = [
    {
        types: T.auth0LogStream,
        read: (r) => {
            const what = `Auth0 log stream ${r.name}`;
            const type = peek(r.props, "type");
            if (type.state !== "known") return [unreadable(what, "type", type)];
            const channel = String(type.value);
            const flow = (recipient: string, extra: Partial<DataFlow> & { vendor?: string; inAustralia?: boolean } = {}): Found => {
                const { vendor, inAustralia, ...address } = extra;
                return {
                    what,
                    flow: { kind: "auth0-log-stream", channel, ...address },
                    recipient,
                    ...(vendor ? { vendor } : {}),
                    inAustralia: inAustralia ?? false,
                };
            };
            const required = (path: string, use: (value: string) => Found): Found => {
                const v = peek(r.props, path);
                return v.state === "known" ? use(String(v.value)) : unreadable(what, path, v);
            };
            switch (channel) {
                case "eventbridge":
                    return [
                        required("sink.awsRegion", (region) =>
                            flow(`AWS EventBridge in ${region}`, { region, vendor: "aws", inAustralia: isOneOf(region, AU_AWS_REGIONS) }),
                        ),
                    ];
                case "eventgrid":
                    return [
                        required("sink.azureRegion", (region) =>
                            flow(`Azure Event Grid in ${region}`, { region, inAustralia: isOneOf(region, AU_AZURE_REGIONS) }),
                        ),
                    ];
                case "http":
                    return [required("sink.httpEndpoint", (url) => flow(`the HTTP endpoint ${hostOf(url)}`, { destination: hostOf(url) }))];
                case "splunk":
                    return [required("sink.splunkDomain", (host) => flow(`Splunk at ${hostOf(host)}`, { destination: hostOf(host) }))];
                case "sumo":
                    return [required("sink.sumoSourceAddress", (url) => flow(`Sumo Logic at ${hostOf(url)}`, { destination: hostOf(url) }))];
                case "datadog":
                    return [required("sink.datadogRegion", (region) => flow(`Datadog in ${region}`, { region }))];
                case "mixpanel":
                    return [required("sink.mixpanelRegion", (region) => flow(`Mixpanel in ${region}`, { region }))];
                case "segment":
                    return [flow("Twilio Segment", { vendor: "twilio-segment" })];
                default:
                    return [flow(`an Auth0 log stream destination of type ${channel}`)];
            }
        },
    },
    {
        types: T.atlasAlertConfiguration,
        read: (r) => {
            const list = peek(r.props, "notifications");
            if (list.state === "unknown") return [unreadable(`Atlas alert ${r.name}`, "notifications", list)];
            if (list.state === "absent" || !Array.isArray(list.value)) return [];
            return list.value.map((_, i) => atlasNotification(r, i));
        },
    },
    {
        types: T.atlasSnapshotExportBucket,
        read: (r, stack) => {
            const what = `Atlas snapshot export bucket ${r.name}`;
            const provider = peek(r.props, "cloudProvider");
            if (provider.state !== "known") return [unreadable(what, "cloudProvider", provider)];
            const channel = String(provider.value);
            if (channel === "AZURE") {
                const url = peek(r.props, "serviceUrl");
                if (url.state !== "known") return [unreadable(what, "serviceUrl", url)];
                const host = hostOf(String(url.value));
                return [{ what, flow: { kind: "atlas-snapshot-export", channel, destination: host }, recipient: `Azure Blob Storage ${host}`, inAustralia: false }];
            }
            return [bucketFlow(what, "atlas-snapshot-export", channel, stack.s3Bucket(r, "bucketName", peek(r.props, "bucketName")))];
        },
    },
    {
        types: T.s3Replication,
        read: (r, stack) => {
            const rules = peek(r.props, "rules");
            if (rules.state === "unknown") return [unreadable(`S3 replication ${r.name}`, "rules", rules)];
            if (rules.state === "absent" || !Array.isArray(rules.value)) return [];
            return rules.value.map((_, i) => {
                const arn = peek(r.props, `rules.${i}.destination.bucket`);
                const name = arn.state === "known" ? { state: "known" as const, value: String(arn.value).replace(/^arn:[^:]+:s3:::/, "") } : arn;
                return bucketFlow(`S3 replication ${r.name} (rules[${i}])`, "s3-replication", "replica", stack.s3Bucket(r, "rules", name));
            });
        },
    },
    {
        types: T.gcpProjectSink,
        read: (r, stack) => {
            const what = `Log sink ${r.name}`;
            const dest = peek(r.props, "destination");
            const fromRef = stack.gcsBucketByReference(r, "destination");
            if (dest.state !== "known") {
                // `storage.googleapis.com/${bucket.name}` is unknown at preview; the reference still names the bucket.
                if (fromRef) return [gcsFlow(what, fromRef.name, fromRef.location)];
                return [unreadable(what, "destination", dest)];
            }
            const d = String(dest.value);
            const [service, ...rest] = d.split("/");
            const path = rest.join("/");
            if (service === "storage.googleapis.com") {
                const bucket = fromRef ?? stack.gcsBucketNamed(path);
                return [gcsFlow(what, path, bucket?.location)];
            }
            if (service === "logging.googleapis.com") {
                const location = /(?:^|\/)locations\/([^/]+)/.exec(path)?.[1];
                return [
                    {
                        what,
                        flow: { kind: "gcp-log-sink", channel: "logging", ...(location ? { region: location } : { destination: d }) },
                        recipient: location ? `the log bucket ${d} in ${location}` : `the log bucket ${d}`,
                        vendor: "google-cloud",
                        inAustralia: location !== undefined && isOneOf(location, AU_GCP_REGIONS),
                    },
                ];
            }
            // BigQuery datasets and Pub/Sub topics carry no location in the destination: not shown to be in Australia.
            const channel = service === "bigquery.googleapis.com" ? "bigquery" : service === "pubsub.googleapis.com" ? "pubsub" : service ?? d;
            return [{ what, flow: { kind: "gcp-log-sink", channel, destination: d }, recipient: d, vendor: "google-cloud", inAustralia: false }];
        },
    },
];

function atlasNotification(r: PolicyResource, i: number): Found {
    const what = `Atlas alert ${r.name} (notifications[${i}])`;
    const type = peek(r.props, `notifications.${i}.typeName`);
    if (type.state !== "known") return unreadable(what, `notifications[${i}].typeName`, type);
    const channel = String(type.value);
    const base = { what, inAustralia: false } as const;
    const flow = (extra: Partial<DataFlow> = {}): DataFlow => ({ kind: "atlas-alert-notification", channel, ...extra });
    // Datadog and Opsgenie default to their US sites when no region is given (mongodbatlas 4.16 notification docs).
    const regionOr = (path: string, dflt: string) => {
        const v = peek(r.props, `notifications.${i}.${path}`);
        return v.state === "known" ? { region: String(v.value) } : v.state === "absent" ? { region: dflt } : { unknown: v, path };
    };
    if (ATLAS_DELIVERED.has(channel)) {
        return { ...base, flow: flow(), recipient: "MongoDB Atlas's notification service (United States)", vendor: "mongodb-atlas" };
    }
    switch (channel) {
        case "DATADOG":
        case "OPS_GENIE": {
            const name = channel === "DATADOG" ? "Datadog" : "Opsgenie";
            const got = regionOr(channel === "DATADOG" ? "datadogRegion" : "opsGenieRegion", "US");
            if ("unknown" in got) return unreadable(what, `notifications[${i}].${got.path}`, got.unknown!);
            return { ...base, flow: flow({ region: got.region }), recipient: `${name} in ${got.region}` };
        }
        case "WEBHOOK":
        case "MICROSOFT_TEAMS": {
            const path = channel === "WEBHOOK" ? "webhookUrl" : "microsoftTeamsWebhookUrl";
            const url = peek(r.props, `notifications.${i}.${path}`);
            if (url.state !== "known") return unreadable(what, `notifications[${i}].${path}`, url);
            const host = hostOf(String(url.value));
            return { ...base, flow: flow({ destination: host }), recipient: channel === "WEBHOOK" ? `the webhook ${host}` : `Microsoft Teams (${host})` };
        }
        case "SLACK":
            return { ...base, flow: flow(), recipient: "Slack" };
        case "PAGER_DUTY":
            return { ...base, flow: flow(), recipient: "PagerDuty" };
        case "VICTOR_OPS":
            return { ...base, flow: flow(), recipient: "Splunk On-Call (VictorOps)" };
        default:
            return { ...base, flow: flow(), recipient: `an Atlas notification target of type ${channel}` };
    }
}

/** A flow to an S3 bucket: Australian when the stack declares the bucket in an Australian region. */
function bucketFlow(what: string, kind: FlowKind, channel: string, bucket: BucketLookup): Found {
    if (bucket.kind === "unreadable") return unreadable(what, bucket.path, bucket.peeked);
    if (bucket.kind === "outside-stack") {
        return {
            what,
            flow: { kind, channel, destination: bucket.name },
            recipient: `S3 bucket ${bucket.name}, which this stack does not declare (so its region cannot be shown)`,
            vendor: "aws",
            inAustralia: false,
        };
    }
    if (bucket.region === undefined) {
        return { what, unreadable: `the region of S3 bucket ${bucket.name}`, missing: false };
    }
    return {
        what,
        flow: { kind, channel, region: bucket.region },
        recipient: `S3 bucket ${bucket.name} in ${bucket.region}`,
        vendor: "aws",
        inAustralia: isOneOf(bucket.region, AU_AWS_REGIONS),
    };
}

/** A flow to a Cloud Storage bucket: Australian when the stack declares the bucket in an Australian location. */
function gcsFlow(what: string, name: string, location: string | undefined): Found {
    if (location === undefined) {
        return {
            what,
            flow: { kind: "gcp-log-sink", channel: "storage", destination: name },
            recipient: `Cloud Storage bucket ${name}, which this stack does not declare with a known location`,
            vendor: "google-cloud",
            inAustralia: false,
        };
    }
    return {
        what,
        flow: { kind: "gcp-log-sink", channel: "storage", region: location },
        recipient: `Cloud Storage bucket ${name} in ${location}`,
        vendor: "google-cloud",
        inAustralia: isOneOf(location, AU_GCP_REGIONS),
    };
}

function unreadable(what: string, path: string, peeked: Peeked): Found {
    return { what, unreadable: path, missing: peeked.state === "absent" };
}

/** The host of a URL, or the value itself when it is a bare host name (Splunk domains). */
function hostOf(value: string): string {
    try {
        return new URL(value).hostname;
    } catch {
        return value;
    }
}

type BucketLookup =
    | { readonly kind: "in-stack"; readonly name: string; readonly region: string | undefined }
    | { readonly kind: "outside-stack"; readonly name: string }
    | { readonly kind: "unreadable"; readonly path: string; readonly peeked: Peeked };

/** The stack's S3 and Cloud Storage buckets, by URN and by name, built once per analysis. */
class StackIndex {
    private readonly s3ByUrn = new Map<string, PolicyResource>();
    private readonly s3ByName = new Map<string, PolicyResource>();
    private readonly gcsByUrn = new Map<string, PolicyResource>();
    private readonly gcsByName = new Map<string, PolicyResource>();

    constructor(resources: readonly PolicyResource[]) {
        for (const r of resources) {
            if (isOneOfTypes(r.type, T.s3Bucket)) index(this.s3ByUrn, this.s3ByName, r, "bucket");
            if (isOneOfTypes(r.type, T.gcsBucket)) index(this.gcsByUrn, this.gcsByName, r, "name");
        }
    }

    /**
     * The S3 bucket `source.<property>` names: by its known name; when the name is unknown at preview, by reference
     * (`propertyDependencies`). A reference covers the whole property (every rule of a replication config), so
     * with several referenced buckets the flow is Australian only if all of them are.
     */
    s3Bucket(source: PolicyResource, property: string, name: Peeked): BucketLookup {
        if (name.state === "known") {
            const bucket = this.s3ByName.get(String(name.value));
            return bucket ? inStack(bucket) : { kind: "outside-stack", name: String(name.value) };
        }
        const refs = (source.propertyDependencies[property] ?? []).map((d) => this.s3ByUrn.get(d.urn)).filter((b): b is PolicyResource => !!b);
        const candidates = refs.map(inStack);
        if (candidates.length === 1) return candidates[0]!;
        if (candidates.length > 1 && candidates.every((c) => c.region !== undefined && isOneOf(c.region, AU_AWS_REGIONS))) {
            return { kind: "in-stack", name: candidates.map((c) => c.name).join(" or "), region: candidates[0]!.region };
        }
        return { kind: "unreadable", path: property === "rules" ? "the destination bucket of a replication rule" : property, peeked: name };
    }

    /** The Cloud Storage bucket `source.<property>` refers to, with its location when known. */
    gcsBucketByReference(source: PolicyResource, property: string): { name: string; location: string | undefined } | undefined {
        const refs = (source.propertyDependencies[property] ?? []).map((d) => this.gcsByUrn.get(d.urn)).filter((b): b is PolicyResource => !!b);
        return refs.length === 1 ? gcsInfo(refs[0]!) : undefined;
    }

    gcsBucketNamed(name: string): { name: string; location: string | undefined } | undefined {
        const b = this.gcsByName.get(name);
        return b ? gcsInfo(b) : undefined;
    }
}

function index(byUrn: Map<string, PolicyResource>, byName: Map<string, PolicyResource>, r: PolicyResource, nameProperty: string): void {
    byUrn.set(r.urn, r);
    const name = knownText(r, nameProperty);
    if (name !== undefined) byName.set(name, r);
}

function inStack(bucket: PolicyResource): { kind: "in-stack"; name: string; region: string | undefined } {
    return { kind: "in-stack", name: knownText(bucket, "bucket") ?? bucket.name, region: s3RegionOf(bucket) };
}

function knownText(r: { readonly props: Record<string, any> }, path: string): string | undefined {
    const v = peek(r.props, path);
    return v.state === "known" ? String(v.value) : undefined;
}

/** A bucket's region: its own `region` (aws v7 per-resource override), else its provider's. */
function s3RegionOf(bucket: PolicyResource): string | undefined {
    return knownText(bucket, "region") ?? (bucket.provider ? knownText(bucket.provider, "region") : undefined);
}

function gcsInfo(b: PolicyResource): { name: string; location: string | undefined } {
    return { name: knownText(b, "name") ?? b.name, location: knownText(b, "location") };
}

function problemOf(found: Found): string | undefined {
    if ("unreadable" in found) {
        return found.missing
            ? `${found.what} sets no ${found.unreadable}, so where it sends data cannot be shown.`
            : `${found.what} sends data to a destination the preview cannot read (${found.unreadable} is not known until the update runs), ` +
                  `so it cannot be shown to stay in Australia or to reach a declared processor. Take it from config or a literal.`;
    }
    if (found.inAustralia || processorsAllowing(found.flow).length > 0) return undefined;
    const literal = flowLiteral(found.flow);
    const vendor: Processor | undefined = found.vendor ? PROCESSORS.find((p) => p.id === found.vendor) : undefined;
    const fix = vendor
        ? `Add the flow ${literal} to processor "${vendor.id}" (${vendor.name}) with the countries where it processes that data`
        : `Declare the recipient as a processor (with its contract and the countries where it processes data) and the flow ${literal}`;
    return `${found.what} sends data outside Australia to ${found.recipient}, and no processor in infra/processors.ts allows it. ${fix}, or keep the data in Australia.`;
}

/** The `AllowedFlow` literal that would allow `flow`, for the message. */
function flowLiteral(flow: DataFlow): string {
    const parts = [`kind: "${flow.kind}"`, `channels: ["${flow.channel}"]`];
    if (flow.region !== undefined) parts.push(`regions: ["${flow.region}"]`);
    if (flow.destination !== undefined) parts.push(`destinations: ["${flow.destination}"]`);
    return `{ ${parts.join(", ")} }`;
}

// Declared last: its subjects are read from READERS above.
/**
 * Any data flow the stack itself configures to a destination outside Australia goes to a processor declared in
 * `infra/processors.ts` that allows exactly that flow (data policy "08.no-third-party-sharing": not shared except
 * as necessary and "as described above"; "08.secure-transfers"; APP 8 cross-border disclosure). Flows that stay
 * in Australia pass whoever receives them.
 *
 * | resource | flow | where it goes |
 * |---|---|---|
 * | `auth0.LogStream` | every tenant log event | by `type`: EventBridge `sink.awsRegion`, Event Grid `sink.azureRegion`, the host of `sink.httpEndpoint` / `sink.splunkDomain` / `sink.sumoSourceAddress`, Datadog `sink.datadogRegion`, Mixpanel `sink.mixpanelRegion`, Segment |
 * | `mongodbatlas.AlertConfiguration` | each of `notifications[]` | e-mail, SMS and Atlas user/group/org/team notices are sent by Atlas's notification service, which runs in its US control plane ("Atlas Data Processing"); Slack, PagerDuty, Datadog (`datadogRegion`, default US), Opsgenie (`opsGenieRegion`, default US), VictorOps; the host of `webhookUrl` / `microsoftTeamsWebhookUrl` |
 * | `mongodbatlas.CloudBackupSnapshotExportBucket` | snapshot exports | the S3 bucket `bucketName` (its region, when the stack declares it) or the Azure `serviceUrl` host |
 * | `aws.s3.BucketReplicationConfig` | replicas | each rule's destination bucket (its region, when the stack declares it) |
 * | `gcp.logging.ProjectSink` | exported logs | a Cloud Storage bucket of the stack (its location), a log bucket's `locations/<l>`; BigQuery and Pub/Sub destinations cannot be shown to be in Australia |
 *
 * It is a stack policy because a bucket destination's region lives on another resource: the destination is
 * found by reference (`propertyDependencies`, known at preview even when the ARN is not) or by its known name.
 * Values are read with `peek`, so one value unknown at preview becomes a violation naming that value instead of
 * silencing the whole policy. Atlas snapshot copies are not checked here: `atlas-clusters-in-australia` already
 * refuses any copy region outside Australia.
 */
export const dataFlowsToDeclaredProcessors = stackPolicy({
    name: "data-flows-to-declared-processors",
    description: "Data the stack sends outside Australia must go to a processor declared in infra/processors.ts that allows that flow.",
    clauses: ["08.no-third-party-sharing", "08.secure-transfers", "07.third-party-services"],
    subjects: READERS.flatMap((r) => r.types),
    severity: "high",
    remediation:
        "Keep the destination in Australia, or declare the recipient in infra/processors.ts (a processor the data policy names, " +
        "with its contract and the countries where it processes data) with a flow that allows it; see docs/processors.md.",
    validate: (args, report, _config, isExempt) => {
        const stack = new StackIndex(args.resources);
        const sources = args.resources.filter((r) => READERS.some((reader) => isOneOfTypes(r.type, reader.types)));
        if (sources.length === 0) {
            args.notApplicable(
                "the stack configures no data flow to a destination (no Auth0 log stream, Atlas alert, Atlas snapshot export bucket, S3 replication or log sink)",
            );
        }
        for (const r of sources) {
            if (isExempt(r)) continue;
            const reader = READERS.find((x) => isOneOfTypes(r.type, x.types))!;
            for (const found of reader.read(r, stack)) {
                const problem = problemOf(found);
                if (problem) report(problem, r.urn);
            }
        }
    },
});
