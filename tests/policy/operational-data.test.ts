/**
 * Atlas policies through the real pack: the prod stack's resources (at preview) pass; each mutation of one
 * property fails with the exact message.
 */
import type { Recording } from "../../infra/check/recorder";
import { undeclaredDataFeatures } from "../../infra/policy/policies/atlas-project-data-services-off";
import { PROCESSORS, type Processor } from "../../infra/processors";
import { mandatory, mutateResource, notApplicableReason, policySuite, violationsOf, withoutResources } from "../harness/policy";
import { named } from "../harness/stack";

const suite = policySuite();

const check = suite.violations;

describe("atlas-clusters-in-australia", () => {
    const policy = "atlas-clusters-in-australia";
    test("passes the cluster, the backup schedule's copy region and the encryption key's region", async () => {
        expect(await check("atlas-cluster", policy)).toEqual([]);
        expect(await check("atlas-backups-schedule", policy)).toEqual([]);
        expect(await check("atlas-encryption-encryption-at-rest", policy)).toEqual([]);
    });
    test("fails a region config outside Australia", async () => {
        expect(await check("atlas-cluster", policy, (p) => (p["replicationSpecs"][0].regionConfigs[1].regionName = "US_EAST_1"))).toEqual([
            mandatory(
                "mongodbatlas:index/advancedCluster:AdvancedCluster atlas-cluster: replicationSpecs[0].regionConfigs[1].regionName is US_EAST_1, " +
                    "not an Australian region (allowed: AP_SOUTHEAST_2, AP_SOUTHEAST_4, AUSTRALIA_SOUTHEAST_1, AUSTRALIA_SOUTHEAST_2, AUSTRALIA_EAST, AUSTRALIA_SOUTH_EAST, AUSTRALIA_CENTRAL, AUSTRALIA_CENTRAL_2).",
            ),
        ]);
    });
    test("fails a snapshot copy outside Australia", async () => {
        const v = await check("atlas-backups-schedule", policy, (p) => (p["copySettings"][0].regionName = "EU_CENTRAL_1"));
        expect(v).toHaveLength(1);
        expect(v[0]!.message).toMatch(/^mongodbatlas:index\/cloudBackupSchedule:CloudBackupSchedule atlas-backups-schedule: copySettings\[0\]\.regionName is EU_CENTRAL_1, not an Australian region/);
    });
    test("fails an encryption key outside Australia", async () => {
        const v = await check("atlas-encryption-encryption-at-rest", policy, (p) => (p["awsKmsConfig"].region = "US_WEST_2"));
        expect(v.map((x) => x.message.split(", not")[0])).toEqual([
            "mongodbatlas:index/encryptionAtRest:EncryptionAtRest atlas-encryption-encryption-at-rest: awsKmsConfig.region is US_WEST_2",
        ]);
    });
});

describe("atlas-cluster-encryption-customer-key / -tls-1-2 / -backup-enabled", () => {
    test("pass the prod cluster", async () => {
        const result = await suite.pack.analyze(named(suite.rec, "atlas-cluster", "mongodbatlas:index/advancedCluster:AdvancedCluster"), suite.rec);
        expect(result.diagnostics).toEqual([]);
    });
    test("encryption fails without a customer key provider", async () => {
        expect(await check("atlas-cluster", "atlas-cluster-encryption-customer-key", (p) => (p["encryptionAtRestProvider"] = "NONE"))).toEqual([
            mandatory("Atlas cluster atlas-cluster has encryptionAtRestProvider NONE; it must be one of AWS, GCP, AZURE."),
        ]);
    });
    test("TLS fails at 1.1", async () => {
        expect(await check("atlas-cluster", "atlas-cluster-tls-1-2", (p) => (p["advancedConfiguration"].minimumEnabledTlsProtocol = "TLS1_1"))).toEqual([
            mandatory("Atlas cluster atlas-cluster has minimumEnabledTlsProtocol TLS1_1; it must be TLS1_2 or TLS1_3."),
        ]);
    });
    test("backup fails when off", async () => {
        expect(await check("atlas-cluster", "atlas-cluster-backup-enabled", (p) => (p["backupEnabled"] = false))).toEqual([
            mandatory("Atlas cluster atlas-cluster does not have Cloud Backup enabled (backupEnabled must be true)."),
        ]);
    });
});

describe("atlas-backup-daily-retention", () => {
    const policy = "atlas-backup-daily-retention";
    test("passes {1, days, 30}", async () => {
        expect(await check("atlas-backups-schedule", policy)).toEqual([]);
    });
    test("fails 7 days", async () => {
        expect(await check("atlas-backups-schedule", policy, (p) => (p["policyItemDaily"].retentionValue = 7))).toEqual([
            mandatory("Backup schedule atlas-backups-schedule keeps daily snapshots for 7 days; the data policy requires 30 days."),
        ]);
    });
    test("fails 35 days: longer than the published period is a breach too", async () => {
        expect(await check("atlas-backups-schedule", policy, (p) => (p["policyItemDaily"].retentionValue = 35))).toEqual([
            mandatory("Backup schedule atlas-backups-schedule keeps daily snapshots for 35 days; the data policy requires 30 days."),
        ]);
    });
    test("fails a snapshot every other day", async () => {
        expect(await check("atlas-backups-schedule", policy, (p) => (p["policyItemDaily"].frequencyInterval = 2))).toEqual([
            mandatory("Backup schedule atlas-backups-schedule takes its daily snapshot every 2 day(s); it must be every day (frequencyInterval 1)."),
        ]);
    });
    test("fails without a daily item", async () => {
        expect(await check("atlas-backups-schedule", policy, (p) => delete p["policyItemDaily"])).toEqual([
            mandatory("Backup schedule atlas-backups-schedule has no daily policy item."),
        ]);
    });
    test("the retention is pack config", async () => {
        const result = await suite.pack.analyze(named(suite.rec, "atlas-backups-schedule"), suite.rec, { [policy]: { dailyRetentionDays: 14 } });
        expect(violationsOf(result, policy)).toEqual([
            mandatory("Backup schedule atlas-backups-schedule keeps daily snapshots for 30 days; the data policy requires 14 days."),
        ]);
    });
});

describe("atlas-cluster-has-backup-schedule (stack)", () => {
    const policy = "atlas-cluster-has-backup-schedule";
    test("passes: the schedule takes its clusterName from the cluster (paired by reference at preview)", async () => {
        expect(named(suite.rec, "atlas-backups-schedule").propertyDependencies["clusterName"]).toEqual([named(suite.rec, "atlas-cluster", "mongodbatlas:index/advancedCluster:AdvancedCluster").urn]);
        expect(violationsOf(await suite.pack.analyzeStack(suite.rec), policy)).toEqual([]);
    });
    test("fails when the schedule is gone", async () => {
        expect(violationsOf(await suite.pack.analyzeStack(withoutResources(suite.rec, "atlas-backups-schedule")), policy)).toEqual([
            mandatory("Atlas cluster atlas-cluster has no CloudBackupSchedule in this stack."),
        ]);
    });
    test("a schedule for another cluster does not count", async () => {
        const other = mutateResource(withoutReferences(suite.rec, "atlas-backups-schedule"), "atlas-backups-schedule", (p) => (p["clusterName"] = "some-other-cluster"));
        expect(violationsOf(await suite.pack.analyzeStack(other), policy)).toEqual([mandatory("Atlas cluster atlas-cluster has no CloudBackupSchedule in this stack.")]);
    });
});

describe("atlas-access-list-not-open", () => {
    const policy = "atlas-access-list-not-open";
    const entry = "atlas-access-ip-203-0-113-16-28";
    test("passes the prod entry", async () => {
        expect(await check(entry, policy)).toEqual([]);
    });
    test("fails 0.0.0.0/0", async () => {
        expect(await check(entry, policy, (p) => (p["cidrBlock"] = "0.0.0.0/0"))).toEqual([
            mandatory(`Atlas access list entry ${entry} allows 0.0.0.0/0: wider than /16 (0.0.0.0/0 and other internet-wide ranges are refused).`),
        ]);
    });
    test("fails a private /12", async () => {
        expect(await check(entry, policy, (p) => (p["cidrBlock"] = "10.0.0.0/12"))).toEqual([
            mandatory(`Atlas access list entry ${entry} allows 10.0.0.0/12: wider than /16 (0.0.0.0/0 and other internet-wide ranges are refused).`),
        ]);
    });
    test("fails a public /20, passes a public /24", async () => {
        expect(await check(entry, policy, (p) => (p["cidrBlock"] = "52.64.16.0/20"))).toEqual([
            mandatory(`Atlas access list entry ${entry} allows 52.64.16.0/20: a public block wider than /24.`),
        ]);
        expect(await check(entry, policy, (p) => (p["cidrBlock"] = "52.64.16.0/24"))).toEqual([]);
    });
    test("fails the 0.0.0.0 address", async () => {
        expect(await check(entry, policy, (p) => {
            delete p["cidrBlock"];
            p["ipAddress"] = "0.0.0.0";
        })).toEqual([mandatory(`Atlas access list entry ${entry} allows 0.0.0.0 (any address).`)]);
    });
});

describe("atlas-project-data-services-off", () => {
    const policy = "atlas-project-data-services-off";
    const project = "atlas-project";
    const finding = (feature: string, why: string, sends: string) =>
        mandatory(
            `Atlas project ${project} leaves ${feature} ${why}: it sends ${sends}, and no processor in infra/processors.ts declares that flow. ` +
                `Set ${feature}: false, or declare { kind: "atlas-project-service", channels: ["${feature}"] } on processor "mongodb-atlas".`,
        );
    const DATA_EXPLORER = "documents and query results to the Atlas control plane (United States)";

    test("passes the prod project: every feature that moves database content is set false", async () => {
        expect(await check(project, policy)).toEqual([]);
    });
    test.each([
        ["isDataExplorerEnabled", DATA_EXPLORER],
        ["isPerformanceAdvisorEnabled", "slow-query logs, with snippets of data, to the Atlas control plane (United States) for the Performance Advisor and Query Profiler"],
        ["isSchemaAdvisorEnabled", "sampled documents and query logs to the Atlas control plane (United States) for schema suggestions"],
        ["isRealtimePerformancePanelEnabled", "live operations, with their query text, to the Atlas control plane (United States)"],
        ["isDataExplorerGenAiFeaturesEnabled", "queries and schema to Atlas's generative-AI service"],
        ["isDataExplorerGenAiSampleDocumentPassingEnabled", "sample documents to Atlas's generative-AI service"],
        ["isClusterAiAssistantEnabled", "cluster questions and context to the Atlas AI assistant"],
        ["isNativeRerankingEnabled", "documents to Voyage AI reranking models"],
    ])("fails %s turned on", async (feature, sends) => {
        expect(await check(project, policy, (p) => (p[feature] = true))).toEqual([finding(feature, "on", sends)]);
    });
    test("fails a feature Atlas defaults on when it is merely left unset", async () => {
        expect(await check(project, policy, (p) => delete p["isDataExplorerEnabled"])).toEqual([
            finding("isDataExplorerEnabled", "unset, and Atlas turns it on by default", DATA_EXPLORER),
        ]);
    });
    test("passes a feature Atlas defaults off when it is unset", async () => {
        expect(await check(project, policy, (p) => delete p["isNativeRerankingEnabled"])).toEqual([]);
    });
    test("fails a flag that is not known at preview: it cannot be shown to be off", async () => {
        expect(await check(project, policy, (p) => (p["isDataExplorerEnabled"] = "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"))).toEqual([
            finding("isDataExplorerEnabled", "not known until the update runs, so it cannot be shown to be off", DATA_EXPLORER),
        ]);
    });
    test("a project with every flag unset fails once per feature Atlas defaults on", async () => {
        const v = await check(project, policy, (p) => {
            for (const k of Object.keys(p)) if (/^is[A-Z]/.test(k)) delete p[k];
        });
        expect(v.map((x) => x.message.split(" leaves ")[1]!.split(" ")[0])).toEqual([
            "isDataExplorerEnabled",
            "isPerformanceAdvisorEnabled",
            "isSchemaAdvisorEnabled",
            "isRealtimePerformancePanelEnabled",
            "isDataExplorerGenAiFeaturesEnabled",
            "isClusterAiAssistantEnabled",
        ]);
    });
    test("a declared flow lets a feature stay on; an undeclared one still fails (undeclaredDataFeatures)", () => {
        const atlas = PROCESSORS.find((p) => p.id === "mongodb-atlas")!;
        const declaring: Processor = {
            ...atlas,
            flows: [...atlas.flows, { kind: "atlas-project-service", channels: ["isPerformanceAdvisorEnabled"], purpose: "index suggestions (test)" }],
        };
        const props = { isPerformanceAdvisorEnabled: true, isDataExplorerEnabled: true, isSchemaAdvisorEnabled: false, isRealtimePerformancePanelEnabled: false };
        const others = PROCESSORS.filter((p) => p.id !== "mongodb-atlas");
        expect(undeclaredDataFeatures(props, [...others, declaring]).filter((f) => f.state === "set")).toEqual([
            { feature: "isDataExplorerEnabled", state: "set" },
        ]);
        expect(undeclaredDataFeatures(props).filter((f) => f.state === "set")).toEqual([
            { feature: "isDataExplorerEnabled", state: "set" },
            { feature: "isPerformanceAdvisorEnabled", state: "set" },
        ]);
    });
    test("the register declares no such flow today: Atlas keeps operational data in Australia", () => {
        expect(PROCESSORS.flatMap((p) => p.flows).filter((f) => f.kind === "atlas-project-service")).toEqual([]);
    });
});

/** As if the program had passed the schedule a literal cluster name instead of the cluster's output. */
function withoutReferences(r: Recording, name: string): Recording {
    return { ...r, registrations: r.registrations.map((x) => (x.name === name ? { ...x, propertyDependencies: {} } : x)) };
}

describe("atlas-database-users-least-privilege", () => {
    const policy = "atlas-database-users-least-privilege";
    const [api, reporting] = ["atlas-db-users-api", "atlas-db-users-reporting"];
    test("passes both prod users: AWS IAM roles, readWrite and read on the application database, scoped to the cluster", async () => {
        const user = named(suite.rec, api, "mongodbatlas:index/databaseUser:DatabaseUser");
        expect(notApplicableReason(await suite.pack.analyze(user, suite.rec), policy)).toBeUndefined();
        expect(await check(api, policy)).toEqual([]);
        expect(await check(reporting, policy)).toEqual([]);
    });
    const notIam = (shown: string) => mandatory(`Atlas database user ${api} authenticates with awsIamType ${shown}; it must be ROLE (an AWS IAM role: no password, no long-lived key).`);
    test.each([["NONE", "NONE"], [undefined, "(unset)"], ["USER", "USER"]])("fails a user whose awsIamType is %s", async (value, shown) => {
        expect(await check(api, policy, (p) => (value === undefined ? delete p["awsIamType"] : (p["awsIamType"] = value)))).toEqual([notIam(shown)]);
    });
    test("fails a password user, and x509, LDAP and OIDC users", async () => {
        expect(await check(api, policy, (p) => {
            delete p["awsIamType"];
            p["password"] = "[secret]";
        })).toEqual([notIam("(unset)"), mandatory(`Atlas database user ${api} has a password; an AWS IAM user has none to leak.`)]);
        for (const [type, value] of [["x509Type", "MANAGED"], ["ldapAuthType", "USER"], ["oidcAuthType", "IDP_GROUP"]]) {
            expect(await check(api, policy, (p) => {
                delete p["awsIamType"];
                p[type!] = value;
            })).toEqual([notIam("(unset)"), mandatory(`Atlas database user ${api} also signs in with ${type} ${value}; an AWS IAM user has no other way in.`)]);
        }
    });
    test("fails an IAM user authenticating against admin", async () => {
        expect(await check(api, policy, (p) => (p["authDatabaseName"] = "admin"))).toEqual([
            mandatory(`Atlas database user ${api} authenticates against database admin; an AWS IAM user authenticates against $external.`),
        ]);
    });
    test.each([
        ["atlasAdmin", "admin"],
        ["readWriteAnyDatabase", "admin"],
        ["dbAdmin", "allotrac"],
        ["readWrite", "admin"],
        ["read", "config"],
        ["read", "$external"],
        ["read", ""],
    ])("fails the role %s on %s", async (roleName, databaseName) => {
        expect(await check(api, policy, (p) => p["roles"].push({ roleName, databaseName }))).toEqual([
            mandatory(`Atlas database user ${api} holds ${roleName} on ${databaseName || "(unset)"}; allowed: read or readWrite on an application database, never on admin, local or config (data policy §03).`),
        ]);
    });
    test("fails a user without roles", async () => {
        expect(await check(api, policy, (p) => (p["roles"] = []))).toEqual([mandatory(`Atlas database user ${api} has no roles.`)]);
    });
    test("fails a user that reaches every cluster of the project (no scopes), or a scope that is not a cluster", async () => {
        const unscoped = mandatory(`Atlas database user ${api} is not limited to named clusters (scopes of type CLUSTER, each naming one): without scopes it reaches every cluster of the project.`);
        expect(await check(api, policy, (p) => delete p["scopes"])).toEqual([unscoped]);
        expect(await check(api, policy, (p) => p["scopes"].push({ name: "analytics", type: "DATA_LAKE" }))).toEqual([unscoped]);
        expect(await check(api, policy, (p) => p["scopes"].push({ name: "", type: "CLUSTER" }))).toEqual([unscoped]);
    });
    test("applies to database users only", async () => {
        const cluster = named(suite.rec, "atlas-cluster", "mongodbatlas:index/advancedCluster:AdvancedCluster");
        expect(notApplicableReason(await suite.pack.analyze(cluster, suite.rec), policy)).toBe("Policy only applies to resources of type 'mongodbatlas:index/databaseUser:DatabaseUser'");
    });
});
