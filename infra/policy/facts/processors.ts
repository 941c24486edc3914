/**
 * The processor register: every third party the published data policy names, as typed data (data policy
 * clauses "02.analytics-support-data", "04.allie-openai", "07.third-party-services", "08.no-third-party-sharing",
 * "08.secure-transfers"; Australian Privacy Principle 8, cross-border disclosure).
 *
 * Three readers depend on it:
 * - the policy pack (`infra/policy/policies/data-flows-to-declared-processors.ts`): a data flow the stack itself
 *   configures to a destination outside Australia passes only when a processor here allows that flow;
 * - the compliance report: {@link processorsByCountry} is the sub-processor list by country (APP 1.4(f)–(g) and
 *   5.2(i)–(j): say whether overseas disclosure is likely, and to which countries), {@link processorsByProvisioning}
 *   says which processors this stack provisions and which are contracts only;
 * - `tests/processors.test.ts`, which reads the vendor names out of the clause text and fails on any the register
 *   misses.
 *
 * Nothing here is invented: a contract the repo has no record of is `{ status: "not-recorded" }`, and a hosting
 * location nobody has recorded is `country: "not-recorded"`. A location is `basis: "vendor-default"` when it is the
 * vendor's standard hosting for accounts that chose no regional option; the contract must confirm it.
 * See docs/processors.md for how to add a processor.
 */
import type { ClauseId } from "./clauses";
import type { AuAwsRegion } from "./residency";

/** Countries where a processor in this register processes data. Add one when a processor needs it. */
export type Country = "Australia" | "Germany" | "Netherlands" | "United States";

/** The categories of data the policy names (its own words, §02, §04, §07), plus alert metadata. */
export type DataCategory =
    | "identity-and-authentication"
    | "audit-logs"
    | "licensing-and-billing"
    | "payment"
    | "embedded-finance"
    | "allie-submissions"
    | "static-files"
    | "operational"
    | "ephemeral-pubsub"
    | "user-analytics-and-support"
    /** Cluster names, metrics and event types in alerts: no database content. */
    | "operational-metadata";

/** Where a processor processes data, what happens there, and how we know. */
export type ProcessingLocation =
    | {
          readonly country: Country;
          /** The region or site as the vendor names it; omitted when not recorded. */
          readonly region?: string;
          /** What is processed there. */
          readonly processing: string;
          /** Whether personal information is processed there (APP 8 is about personal information). */
          readonly personalData: boolean;
          /**
           * - `stack`: this stack pins it, and config validation and the policy pack check it;
           * - `data-policy`: the published data policy says so;
           * - `vendor-default`: the vendor's standard hosting for accounts that chose no regional option, to be
           *   confirmed by the contract.
           */
          readonly basis: "stack" | "data-policy" | "vendor-default";
      }
    | {
          /** Nobody has recorded where this processor keeps the data: ask the vendor, record it in the contract. */
          readonly country: "not-recorded";
          readonly processing: string;
          readonly personalData: boolean;
      };

/** The contract (and data processing agreement) with the processor: APP 8.1's "reasonable steps" are usually a contract. */
export type ContractRecord =
    | { readonly status: "not-recorded" }
    | {
          readonly status: "signed";
          /** Where the signed contract/DPA is filed (contract register entry, document id). Never a guess. */
          readonly reference: string;
      };

/** Whether this stack creates resources at the processor, or the relationship is a contract only. */
export type Provisioning =
    | {
          readonly kind: "stack";
          /** The Pulumi packages whose explicit providers (`pulumi:providers:<package>`) reach this processor. */
          readonly pulumiPackages: readonly [string, ...string[]];
      }
    | { readonly kind: "contract-only" };

/** `auth0.LogStream.type` values (@pulumi/auth0 3.49 `LogStreamArgs.type`). */
export const AUTH0_LOG_STREAM_TYPES = ["eventbridge", "eventgrid", "http", "datadog", "splunk", "sumo", "mixpanel", "segment"] as const;
export type Auth0LogStreamType = (typeof AUTH0_LOG_STREAM_TYPES)[number];

/** `mongodbatlas.AlertConfiguration` notification `typeName` values (@pulumi/mongodbatlas 4.16). */
export const ATLAS_NOTIFICATION_TYPES = [
    "EMAIL",
    "SMS",
    "USER",
    "GROUP",
    "ORG",
    "TEAM",
    "SLACK",
    "PAGER_DUTY",
    "DATADOG",
    "OPS_GENIE",
    "VICTOR_OPS",
    "WEBHOOK",
    "MICROSOFT_TEAMS",
] as const;
export type AtlasNotificationType = (typeof ATLAS_NOTIFICATION_TYPES)[number];

/**
 * The kinds of data flow the stack itself can configure, and each kind's channels:
 *
 * | kind | configured by | channel |
 * |---|---|---|
 * | `auth0-log-stream` | `auth0.LogStream` | its `type` |
 * | `atlas-alert-notification` | `mongodbatlas.AlertConfiguration` `notifications[]` | `typeName` |
 * | `atlas-snapshot-export` | `mongodbatlas.CloudBackupSnapshotExportBucket` | `cloudProvider` (`AWS`, `AZURE`) |
 * | `s3-replication` | `aws.s3.BucketReplicationConfig` `rules[].destination` | `replica` |
 * | `gcp-log-sink` | `gcp.logging.ProjectSink` `destination` | the destination service |
 * | `atlas-project-service` | a `mongodbatlas.Project` feature flag left on (see {@link ATLAS_PROJECT_DATA_FEATURES}) | the flag |
 *
 * Atlas snapshot copies (`CloudBackupSchedule.copySettings`) are not a kind here: they may only go to Australian
 * regions at all, which config validation and the `atlas-clusters-in-australia` policy already enforce.
 */
/**
 * The Atlas project features (flags of `mongodbatlas.Project`, @pulumi/mongodbatlas 4.16) that send database
 * content out of the cluster, each with where it goes. MongoDB's "Atlas Data Processing" page: Data Explorer,
 * Performance Advisor and Query Profiler, Schema Advisor and the Real-Time Performance Panel use database logs and
 * documents that may contain snippets of data, and run in the Atlas control plane in the United States; the
 * generative-AI features and the AI assistant send queries, schema or sample documents to an AI service; native
 * reranking sends documents to Voyage AI models. Each is off in `AtlasProject`, and the policy
 * `atlas-project-data-services-off` refuses a project that leaves one on (unset is on where Atlas defaults it on)
 * unless a processor declares the flow `{ kind: "atlas-project-service", channels: [<flag>] }`.
 *
 * Not listed, because they move no database content: `isCollectDatabaseSpecificsStatisticsEnabled` (per-database
 * metrics), `isExtendedStorageSizesEnabled` (a storage limit), `isSlowOperationThresholdingEnabled` (a threshold).
 */
export const ATLAS_PROJECT_DATA_FEATURES = {
    isDataExplorerEnabled: { defaultOn: true, sends: "documents and query results to the Atlas control plane (United States)" },
    isPerformanceAdvisorEnabled: { defaultOn: true, sends: "slow-query logs, with snippets of data, to the Atlas control plane (United States) for the Performance Advisor and Query Profiler" },
    isSchemaAdvisorEnabled: { defaultOn: true, sends: "sampled documents and query logs to the Atlas control plane (United States) for schema suggestions" },
    isRealtimePerformancePanelEnabled: { defaultOn: true, sends: "live operations, with their query text, to the Atlas control plane (United States)" },
    isDataExplorerGenAiFeaturesEnabled: { defaultOn: true, sends: "queries and schema to Atlas's generative-AI service" },
    isDataExplorerGenAiSampleDocumentPassingEnabled: { defaultOn: false, sends: "sample documents to Atlas's generative-AI service" },
    isClusterAiAssistantEnabled: { defaultOn: true, sends: "cluster questions and context to the Atlas AI assistant" },
    isNativeRerankingEnabled: { defaultOn: false, sends: "documents to Voyage AI reranking models" },
} as const satisfies Record<string, { readonly defaultOn: boolean; readonly sends: string }>;
export type AtlasProjectDataFeature = keyof typeof ATLAS_PROJECT_DATA_FEATURES;

export interface FlowChannels {
    readonly "auth0-log-stream": Auth0LogStreamType;
    readonly "atlas-alert-notification": AtlasNotificationType;
    readonly "atlas-snapshot-export": "AWS" | "AZURE";
    readonly "s3-replication": "replica";
    readonly "gcp-log-sink": "storage" | "logging" | "bigquery" | "pubsub";
    readonly "atlas-project-service": AtlasProjectDataFeature;
}
export type FlowKind = keyof FlowChannels;

/**
 * A flow a processor may receive from this stack. A flow matches when its kind and channel are listed and, when
 * the flow is addressed by region or by destination (a host or a bucket name), that region or destination is
 * listed too (case-insensitive).
 */
export type AllowedFlow = {
    readonly [K in FlowKind]: {
        readonly kind: K;
        readonly channels: readonly [FlowChannels[K], ...FlowChannels[K][]];
        /** Regions the flow may go to (the platform's own region names). */
        readonly regions?: readonly string[];
        /** Destinations the flow may go to: host names (webhooks, HTTP endpoints) or buckets outside this stack. */
        readonly destinations?: readonly string[];
        /** Why the stack sends this, with the clause it serves. */
        readonly purpose: string;
    };
}[FlowKind];

/** A data flow as the policy pack reads it from one resource. */
export interface DataFlow {
    readonly kind: FlowKind;
    readonly channel: string;
    /** The destination's region, when it has one (and the stack shows it). */
    readonly region?: string;
    /** The destination's host name, or the name of a bucket the stack does not declare. */
    readonly destination?: string;
}

export interface Processor {
    /** Stable id, kebab-case. */
    readonly id: string;
    /** The name people use. */
    readonly name: string;
    /** The words the data policy uses for it, each verbatim in the text of one of {@link Processor.clauses}. */
    readonly namedAs: readonly [string, ...string[]];
    /** What it does for Allotrac. */
    readonly purpose: string;
    readonly dataCategories: readonly [DataCategory, ...DataCategory[]];
    /** Every place it processes the data, Australia first. */
    readonly locations: readonly [ProcessingLocation, ...ProcessingLocation[]];
    /**
     * Whether personal information leaves Australia (APP 8): `yes` when a location outside Australia processes
     * personal information, `no` when every such location is in Australia, `unconfirmed` when a location that
     * processes personal information is not recorded (treat it as `yes` until it is).
     */
    readonly personalDataLeavesAustralia: "yes" | "no" | "unconfirmed";
    /** The clauses of the data policy that name it. */
    readonly clauses: readonly [ClauseId, ...ClauseId[]];
    readonly contract: ContractRecord;
    readonly provisioning: Provisioning;
    /** The flows it may receive from this stack; empty when the stack sends it nothing. */
    readonly flows: readonly AllowedFlow[];
}

const NOT_RECORDED: ContractRecord = { status: "not-recorded" };

/** Shared by the twelve vendors §02 lists for user analytics and support data. */
const ANALYTICS: Pick<Processor, "purpose" | "dataCategories" | "clauses" | "contract" | "provisioning" | "flows"> = {
    // §02 lists the twelve together; which of each vendor's services Allotrac uses is not recorded in this repo.
    purpose: "User analytics and support data (§02)",
    dataCategories: ["user-analytics-and-support"],
    clauses: ["02.analytics-support-data"],
    contract: NOT_RECORDED,
    provisioning: { kind: "contract-only" },
    flows: [],
};

/** A §02 analytics vendor whose standard hosting is in the United States. */
function usAnalyticsVendor(id: string, name: string, namedAs: string): Processor {
    return {
        ...ANALYTICS,
        id,
        name,
        namedAs: [namedAs],
        locations: [{ country: "United States", processing: "user analytics and support data", personalData: true, basis: "vendor-default" }],
        personalDataLeavesAustralia: "yes",
    };
}

/** A §02 analytics vendor whose hosting location nobody has recorded. */
function unrecordedAnalyticsVendor(id: string, name: string, namedAs: string): Processor {
    return {
        ...ANALYTICS,
        id,
        name,
        namedAs: [namedAs],
        locations: [{ country: "not-recorded", processing: "user analytics and support data", personalData: true }],
        personalDataLeavesAustralia: "unconfirmed",
    };
}

/** Auth0 log streams to EventBridge can only be created in these Australian regions (Auth0 `awsRegion` list). */
const AUTH0_EVENTBRIDGE_AU_REGIONS: readonly AuAwsRegion[] = ["ap-southeast-2"];

export const PROCESSORS: readonly Processor[] = [
    // Provisioned by this stack.
    {
        id: "auth0",
        name: "Auth0 (Okta)",
        namedAs: ["Auth0"],
        purpose: "Identity and authentication: the tenant, its users, roles, MFA and login logs",
        dataCategories: ["identity-and-authentication", "audit-logs"],
        locations: [
            {
                country: "Australia",
                region: "Auth0 Australian public-cloud region (tenant *.au.auth0.com)",
                processing: "user accounts, credentials, sessions and tenant logs",
                personalData: true,
                basis: "stack",
            },
        ],
        personalDataLeavesAustralia: "no",
        clauses: ["02.identity-data", "07.third-party-services"],
        contract: NOT_RECORDED,
        provisioning: { kind: "stack", pulumiPackages: ["auth0"] },
        flows: [],
    },
    {
        id: "aws",
        name: "Amazon Web Services (AWS)",
        namedAs: ["AWS S3", "Amazon AWS", "AWS"],
        purpose: "Static file storage (S3) and its KMS keys; receives the Auth0 audit log stream (EventBridge); the KMS key of Atlas encryption at rest",
        dataCategories: ["static-files", "audit-logs", "user-analytics-and-support"],
        locations: [
            {
                country: "Australia",
                region: "ap-southeast-2 (Sydney), ap-southeast-4 (Melbourne)",
                processing: "S3 static files, KMS keys, EventBridge audit events of this stack",
                personalData: true,
                basis: "stack",
            },
            // §02 also lists "Amazon AWS" for user analytics and support data, held outside this stack.
            { country: "not-recorded", processing: "user analytics and support data (§02) held outside this stack", personalData: true },
        ],
        personalDataLeavesAustralia: "unconfirmed",
        clauses: ["02.static-files", "07.third-party-services", "02.analytics-support-data"],
        contract: NOT_RECORDED,
        provisioning: { kind: "stack", pulumiPackages: ["aws"] },
        flows: [
            {
                kind: "auth0-log-stream",
                channels: ["eventbridge"],
                regions: AUTH0_EVENTBRIDGE_AU_REGIONS,
                purpose: "Every Auth0 tenant log event to EventBridge in the production account, the staff-access audit trail (10.staff-access-audit)",
            },
        ],
    },
    {
        id: "google-cloud",
        name: "Google Cloud",
        namedAs: ["Google Cloud Buckets", "GCP Cloud Buckets"],
        purpose: "Static file storage (Cloud Storage) and its Cloud KMS keys",
        dataCategories: ["static-files"],
        locations: [
            {
                country: "Australia",
                region: "australia-southeast1 (Sydney), australia-southeast2 (Melbourne)",
                processing: "Cloud Storage buckets and Cloud KMS keys of this stack",
                personalData: true,
                basis: "stack",
            },
        ],
        personalDataLeavesAustralia: "no",
        clauses: ["02.static-files", "07.third-party-services"],
        contract: NOT_RECORDED,
        provisioning: { kind: "stack", pulumiPackages: ["gcp"] },
        flows: [],
    },
    {
        id: "mongodb-atlas",
        name: "MongoDB Atlas",
        namedAs: ["Atlas-hosted MongoDB", "Atlas MongoDB"],
        purpose: "Operational data: the Atlas cluster, its backups and their copies; integrity alerts",
        dataCategories: ["operational", "operational-metadata"],
        locations: [
            {
                country: "Australia",
                region: "AP_SOUTHEAST_2 (Sydney), AP_SOUTHEAST_4 (Melbourne)",
                processing: "the cluster, its snapshots and snapshot copies",
                personalData: true,
                basis: "stack",
            },
            {
                // Atlas runs its control plane, including alert notifications, in the United States ("Atlas Data
                // Processing"); the cluster redacts client data from its logs (redactClientLogData).
                country: "United States",
                region: "Atlas control plane",
                processing: "alert notifications and monitoring metadata (cluster names, metrics, event types)",
                personalData: false,
                basis: "vendor-default",
            },
        ],
        personalDataLeavesAustralia: "no",
        clauses: ["02.operational-data", "06.operational-backup"],
        contract: NOT_RECORDED,
        provisioning: { kind: "stack", pulumiPackages: ["mongodbatlas"] },
        flows: [
            {
                kind: "atlas-alert-notification",
                channels: ["EMAIL"],
                purpose: "Integrity and backup alerts e-mailed by Atlas's notification service (09.integrity-monitoring)",
            },
        ],
    },
    {
        id: "redis",
        name: "Redis Cloud",
        namedAs: ["Enterprise Redis", "Redis"],
        purpose: "Ephemeral pub/sub data, never persisted or backed up",
        dataCategories: ["ephemeral-pubsub"],
        locations: [
            {
                country: "Australia",
                region: "ap-southeast-2 (Sydney)",
                processing: "the Redis Cloud Pro subscription and database",
                personalData: true,
                basis: "stack",
            },
        ],
        personalDataLeavesAustralia: "no",
        clauses: ["02.ephemeral-data", "06.ephemeral-retention"],
        contract: NOT_RECORDED,
        provisioning: { kind: "stack", pulumiPackages: ["rediscloud"] },
        flows: [],
    },

    // Contracts only: §07 services.
    {
        id: "stripe",
        name: "Stripe",
        namedAs: ["Stripe"],
        purpose: "Licensing and billing",
        dataCategories: ["licensing-and-billing"],
        locations: [{ country: "United States", processing: "billing customers, subscriptions and invoices", personalData: true, basis: "vendor-default" }],
        personalDataLeavesAustralia: "yes",
        clauses: ["02.billing-data", "07.third-party-services"],
        contract: NOT_RECORDED,
        provisioning: { kind: "contract-only" },
        flows: [],
    },
    {
        id: "adyen",
        name: "Adyen",
        namedAs: ["Adyen"],
        purpose: "Payment processing",
        dataCategories: ["payment"],
        locations: [{ country: "Netherlands", processing: "payment data", personalData: true, basis: "vendor-default" }],
        personalDataLeavesAustralia: "yes",
        clauses: ["07.third-party-services"],
        contract: NOT_RECORDED,
        provisioning: { kind: "contract-only" },
        flows: [],
    },
    {
        id: "spaceinvoices",
        name: "SpaceInvoices",
        namedAs: ["SpaceInvoices"],
        purpose: "Embedded finance",
        dataCategories: ["embedded-finance"],
        locations: [{ country: "Germany", region: "Frankfurt", processing: "embedded finance data", personalData: true, basis: "data-policy" }],
        personalDataLeavesAustralia: "yes",
        clauses: ["02.embedded-finance-data", "07.third-party-services"],
        contract: NOT_RECORDED,
        provisioning: { kind: "contract-only" },
        flows: [],
    },
    {
        id: "openai",
        name: "OpenAI",
        namedAs: ["OpenAI"],
        purpose: "Analysis and response generation for Allie, the AI feature",
        dataCategories: ["allie-submissions"],
        locations: [{ country: "United States", processing: "data submitted to Allie", personalData: true, basis: "vendor-default" }],
        personalDataLeavesAustralia: "yes",
        clauses: ["04.allie-openai", "07.third-party-services"],
        contract: NOT_RECORDED,
        provisioning: { kind: "contract-only" },
        flows: [],
    },

    // Contracts only: §02 user analytics and support vendors.
    unrecordedAnalyticsVendor("zoho", "Zoho", "Zoho"),
    usAnalyticsVendor("twilio-segment", "Twilio Segment", "Twilio Segment"),
    usAnalyticsVendor("google", "Google", "Google"),
    usAnalyticsVendor("intercom", "Intercom", "Intercom"),
    usAnalyticsVendor("microsoft-bing", "Microsoft (Bing)", "Microsoft (Bing)"),
    usAnalyticsVendor("webflow", "Webflow", "Webflow"),
    usAnalyticsVendor("facebook", "Facebook (Meta)", "Facebook"),
    usAnalyticsVendor("reddit", "Reddit", "Reddit"),
    usAnalyticsVendor("linkedin", "LinkedIn", "LinkedIn"),
    unrecordedAnalyticsVendor("vwo", "VWO", "VWO"),
    unrecordedAnalyticsVendor("userflow", "Userflow", "Userflow"),
];

/** The processor with this id; throws, listing the ids, on an unknown one. */
export function processor(id: string): Processor {
    const p = PROCESSORS.find((x) => x.id === id);
    if (!p) throw new Error(`No processor "${id}" in infra/processors.ts. Known: ${PROCESSORS.map((x) => x.id).join(", ")}.`);
    return p;
}

const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Whether `allowed` lets `flow` through (see {@link AllowedFlow}). */
export function flowAllowedBy(allowed: AllowedFlow, flow: DataFlow): boolean {
    if (allowed.kind !== flow.kind || !(allowed.channels as readonly string[]).includes(flow.channel)) return false;
    if (flow.region !== undefined && !(allowed.regions ?? []).some((r) => sameText(r, flow.region!))) return false;
    if (flow.destination !== undefined && !(allowed.destinations ?? []).some((d) => sameText(d, flow.destination!))) return false;
    return true;
}

/** The processors that allow `flow`. */
export function processorsAllowing(flow: DataFlow): Processor[] {
    return PROCESSORS.filter((p) => p.flows.some((f) => flowAllowedBy(f, flow)));
}

/** Where a location is, as the report groups it. */
export type CountryGroup = Country | "not-recorded";

/**
 * The sub-processor list by country: each country (Australia first, then alphabetical, `not-recorded` last) with
 * the processors that process data there. A processor appears under every country it uses.
 */
export function processorsByCountry(processors: readonly Processor[] = PROCESSORS): ReadonlyMap<CountryGroup, readonly Processor[]> {
    const groups = new Map<CountryGroup, Processor[]>();
    for (const p of processors) {
        for (const country of new Set(p.locations.map((l) => l.country))) {
            groups.set(country, [...(groups.get(country) ?? []), p]);
        }
    }
    const rank = (c: CountryGroup) => (c === "Australia" ? 0 : c === "not-recorded" ? 2 : 1);
    const order = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return new Map(order.map((c) => [c, groups.get(c)!]));
}

/** Processors this stack provisions (it creates resources at them), and those that are contracts only. */
export function processorsByProvisioning(processors: readonly Processor[] = PROCESSORS): {
    readonly provisioned: readonly Processor[];
    readonly contractOnly: readonly Processor[];
} {
    return {
        provisioned: processors.filter((p) => p.provisioning.kind === "stack"),
        contractOnly: processors.filter((p) => p.provisioning.kind === "contract-only"),
    };
}
