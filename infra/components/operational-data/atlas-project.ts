/**
 * The Atlas project that holds operational data (data policy clause "02.operational-data"). Every project-level
 * control of this area lives on it: customer-key encryption at rest, database auditing, the IP access list,
 * database users, alert configurations and the Backup Compliance Policy. Creating the project here, rather than
 * pointing at one made by hand, means all of them are declared in code and reviewed; an adopted project could
 * carry access-list entries, users or alert changes that nothing here shows. An existing project can still be
 * brought in with `pulumi import` (docs/operational-data.md).
 *
 * | child | setting |
 * |---|---|
 * | `mongodbatlas.Project` | in the configured org; Atlas's default alerts kept as a backstop; every feature that sends database content out of the cluster off (`ATLAS_PROJECT_DATA_FEATURES` in infra/processors.ts): Data Explorer, Performance Advisor and Query Profiler, Schema Advisor, Real-Time Performance Panel, the generative-AI features, the AI assistant, native reranking |
 *
 * Why those are off (data policy "02.operational-data", "08.no-third-party-sharing"): MongoDB's "Atlas Data
 * Processing" page says Data Explorer, Performance Advisor, Query Profiler, Schema Advisor and the Real-Time
 * Performance Panel use database logs that may contain snippets of data and run in the Atlas control plane in the
 * United States; infra/processors.ts declares that Atlas keeps personal data in Australia. The cost: no query or
 * index management in the Atlas UI (use mongosh through the access list), no index suggestions, no slow-query
 * profiler. To turn one on, declare the flow in infra/processors.ts first (policy `atlas-project-data-services-off`).
 *
 * The project is protected: deleting it deletes every cluster and backup in it.
 */
import * as mongodbatlas from "@pulumi/mongodbatlas";
import * as pulumi from "@pulumi/pulumi";
import type { ClauseId } from "../../clauses";

const CLAUSE: ClauseId = "02.operational-data";

export interface AtlasProjectArgs {
    /** The Atlas organization (24 hex digits). */
    readonly orgId: string;
    /** The project's name in Atlas. */
    readonly projectName: string;
    /** Extra project tags (Atlas tags: letters, digits, spaces and `;@_-.+`). */
    readonly tags?: Record<string, string>;
}

export class AtlasProject extends pulumi.ComponentResource {
    /** The project id (`groupId` in the Atlas API). */
    public readonly projectId: pulumi.Output<string>;

    public readonly project: mongodbatlas.Project;

    constructor(name: string, args: AtlasProjectArgs, opts?: pulumi.ComponentResourceOptions) {
        super("data-platform:operational-data:AtlasProject", name, {}, opts);
        this.project = new mongodbatlas.Project(
            name,
            {
                orgId: args.orgId,
                name: args.projectName,
                // Atlas's default project alerts (e-mail to the project owners) stay as a backstop to the alerts of
                // IntegrityAlerts. This can only be chosen when the project is created.
                withDefaultAlertsSettings: true,
                // Generative-AI features send queries, schema and (optionally) sample documents to an AI service.
                // The data policy names OpenAI for Allie only (§04, §07) and no other transfer (§08), so they are off.
                isDataExplorerGenAiFeaturesEnabled: false,
                isDataExplorerGenAiSampleDocumentPassingEnabled: false,
                isClusterAiAssistantEnabled: false,
                // Reranking in the aggregation pipeline sends documents to Voyage AI models: off for the same reason.
                isNativeRerankingEnabled: false,
                // These four read database logs and documents (snippets of data) in the Atlas control plane in the
                // United States ("Atlas Data Processing"); §02 keeps operational data in Australia. Atlas turns each on
                // by default, so each is set.
                isDataExplorerEnabled: false,
                isPerformanceAdvisorEnabled: false,
                isSchemaAdvisorEnabled: false,
                isRealtimePerformancePanelEnabled: false,
                tags: { ...args.tags, "data-policy-clause": CLAUSE },
            },
            { parent: this, protect: true },
        );
        this.projectId = this.project.id;
        this.registerOutputs({ projectId: this.projectId });
    }
}
