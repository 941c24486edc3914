/**
 * Stack config for operational data: the MongoDB Atlas project, cluster, backups, network access, database
 * users, alerts and the org-level guardrail (data policy clauses 02.operational-data, 06.operational-backup,
 * 05.encryption-and-access-control, 03.rbac, 09.integrity-monitoring, 10.staff-access-audit).
 *
 * Section key `atlas` (`data-platform:atlas`). Secrets (the Atlas API keys, an alert integration token) are not
 * here: they are `SECRET_SETTINGS` in `infra/config.ts`.
 *
 * Atlas rules that the API itself enforces are checked here too, so that `pulumi preview` refuses them with a
 * message instead of `pulumi up` failing half-way: a replica set has 3, 5 or 7 electable nodes; a less frequent
 * backup item keeps snapshots at least as long as a more frequent one; the point-in-time restore window cannot
 * exceed the hourly snapshots' retention. Sources: Atlas "Cluster Configuration Options" and
 * "Back Up Your Cluster" (policy items), the `@pulumi/mongodbatlas` 4.16.0 docs of `CloudBackupSchedule`.
 */
import type { ConfigIssue, CrossCheck } from "./issues";
import type { AwsConfig } from "./platform";
import { z } from "zod";
import { ATLAS_REGION_PROVIDER, AU_ATLAS_REGIONS, REGION_RULE } from "../residency";
import { APPLICATION_ROLES, isSystemDatabase } from "../rules/database-access";
import { DAILY_BACKUP_RETENTION_DAYS, DAILY_BACKUP_RETENTION_RULE } from "../rules/backup-retention";
import { intBetween, logicalKey, networkAccessCidr, uniqueBy, uniqueKeys } from "./common";

/** An Atlas region in Australia (data policy §02: "an Atlas-hosted MongoDB cluster located in Australia"). */
export const atlasRegion = z.enum(AU_ATLAS_REGIONS, { error: REGION_RULE.atlas });

/** Lower-case letters, digits and '-': Atlas cluster names become host names (the first 23 characters count). */
const clusterName = z
    .string({ error: "an Atlas cluster name: 2–23 lower-case letters, digits and '-', starting with a letter" })
    .regex(/^[a-z][a-z0-9-]{1,22}$/, { error: "an Atlas cluster name: 2–23 lower-case letters, digits and '-', starting with a letter" });

const projectName = z
    .string({ error: "an Atlas project name: 1–64 letters, digits, spaces, '-' and '_', starting with a letter or digit" })
    .regex(/^[A-Za-z0-9][A-Za-z0-9 _-]{0,63}$/, {
        error: "an Atlas project name: 1–64 letters, digits, spaces, '-' and '_', starting with a letter or digit",
    });

const orgId = z
    .string({ error: "an Atlas organization id: 24 lower-case hexadecimal digits" })
    .regex(/^[0-9a-f]{24}$/, { error: "an Atlas organization id: 24 lower-case hexadecimal digits" });

/** Dedicated tiers only: shared (M0/M2/M5) and Flex clusters have no cloud backup schedule and no customer-key encryption. */
const INSTANCE_SIZE_MSG =
    "an Atlas dedicated cluster tier of M10 or larger, such as M30, R40 or M40_NVME (shared and Flex tiers have no cloud backup schedule or customer-key encryption: data policy §05, §06)";
const instanceSize = z.string({ error: INSTANCE_SIZE_MSG }).refine(
    (s) => {
        const m = /^[MR](\d{2,3})(_NVME|_GEN_2)?$/.exec(s);
        return m !== null && Number(m[1]) >= 10;
    },
    { error: INSTANCE_SIZE_MSG },
);

const mongoDbMajorVersion = z
    .string({ error: 'a MongoDB major version, quoted, such as "8.0"' })
    .regex(/^\d{1,2}\.\d$/, { error: 'a MongoDB major version, quoted, such as "8.0"' });

const email = z.email({ error: "an e-mail address" });

/** `arn:aws:iam::<account>:role/<path/name>`: the IAM role an application assumes to reach the database. */
const IAM_ROLE_ARN_MSG = "an IAM role ARN, such as arn:aws:iam::111122223333:role/allotrac-prod-api";
const iamRoleArn = z
    .string({ error: IAM_ROLE_ARN_MSG })
    .regex(/^arn:aws:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, { error: IAM_ROLE_ARN_MSG });

const DATABASE_MSG = "an application database name (1–63 characters, none of / \\ . \" $ or spaces; not admin, local or config)";
const databaseName = z
    .string({ error: DATABASE_MSG })
    .regex(/^[^/\\. "$]{1,63}$/, { error: DATABASE_MSG })
    .refine((d) => !isSystemDatabase(d), { error: DATABASE_MSG });

/**
 * The only database roles an application gets: `read` or `readWrite` on one named database (optionally one
 * collection). `atlasAdmin`, `dbAdmin*`, `*AnyDatabase` and custom roles are refused (data policy §03 RBAC,
 * Atlas "Guidance for Atlas Authorization").
 */
const databaseRole = z.enum(APPLICATION_ROLES, {
    error: "read or readWrite (applications get no admin or *AnyDatabase role: data policy §03)",
});


const NOTIFICATION_MSG = "a notification target: {type: EMAIL, emailAddress}, {type: PAGER_DUTY} or {type: SLACK, channelName}";

/**
 * Where integrity alerts go. The `type` is checked first, on its own, so that a wrong one is reported as that
 * value (not as the whole object); then the target's own fields, strictly.
 */
const notificationTarget = z
    .looseObject({ type: z.enum(["EMAIL", "PAGER_DUTY", "SLACK"], { error: NOTIFICATION_MSG }) }, { error: NOTIFICATION_MSG })
    .pipe(
        z.discriminatedUnion(
            "type",
            [
                z.strictObject({ type: z.literal("EMAIL"), emailAddress: email }),
                /** The PagerDuty service key is the secret `data-platform:atlasAlertToken`. */
                z.strictObject({ type: z.literal("PAGER_DUTY") }),
                /** The Slack API token is the secret `data-platform:atlasAlertToken`. */
                z.strictObject({
                    type: z.literal("SLACK"),
                    channelName: z
                        .string({ error: "a Slack channel name, such as #data-platform-alerts" })
                        .regex(/^#?[a-z0-9_-]{1,80}$/, { error: "a Slack channel name, such as #data-platform-alerts" }),
                }),
            ],
            { error: NOTIFICATION_MSG },
        ),
    );

const primaryRegion = z.strictObject({
    /** Atlas region name, e.g. `AP_SOUTHEAST_2` (Sydney). Its nodes get the highest election priority. */
    name: atlasRegion,
    /** Electable nodes, spread by Atlas over the region's availability zones. At least 3 (failover, §06). */
    electableNodes: intBetween(3, 7, "a replica set that survives the loss of a node needs at least 3 (data policy §06 failover)"),
});

const secondaryRegion = z
    .strictObject({
        /** A second Australian region, e.g. `AP_SOUTHEAST_4` (Melbourne). */
        name: atlasRegion,
        /** Electable nodes in this region (election priority 6). Default 0. */
        electableNodes: intBetween(0, 4).default(0),
        /** Read-only nodes in this region (never primary). Default 0. */
        readOnlyNodes: intBetween(0, 5).default(0),
    })
    .refine((r) => r.electableNodes + r.readOnlyNodes > 0, {
        error: "a region with at least one electable or read-only node (omit the secondary region otherwise)",
    });

const atlasShape = z.strictObject({
    /** The Atlas organization: owns the project, and is where the residency guardrail applies. */
    orgId,
    /** Name of the Atlas project this stack creates and owns (every project-level control lives on it). */
    projectName,
    cluster: z.strictObject({
        /** Cluster name. Never change it: Atlas replaces the cluster (and its data) on a rename. */
        name: clusterName,
        /** Tier of every data-bearing node, e.g. `M30`. */
        instanceSize,
        /** MongoDB major version, e.g. `"8.0"` (Atlas applies patch releases of it). */
        mongoDbMajorVersion,
        regions: z.strictObject({
            primary: primaryRegion,
            /** Optional second Australian region, for regional redundancy. */
            secondary: secondaryRegion.optional(),
        }),
    }),
    backup: z.strictObject({
        /** Days each daily snapshot is kept: exactly the published figure (infra/rules/backup-retention.ts). */
        dailyRetentionDays: z.literal(DAILY_BACKUP_RETENTION_DAYS, { error: DAILY_BACKUP_RETENTION_RULE }),
        /** Snapshots taken every few hours, kept a few days: the base of point-in-time restores. */
        hourly: z.strictObject({
            /** Hours between snapshots. */
            everyHours: z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(6), z.literal(8), z.literal(12)], {
                error: "one of 1, 2, 4, 6, 8 or 12 (the hourly intervals Atlas supports)",
            }),
            /**
             * Days each hourly snapshot is kept. At most the daily retention (Atlas keeps a less frequent item at
             * least as long as a more frequent one).
             */
            retentionDays: intBetween(1, DAILY_BACKUP_RETENTION_DAYS),
        }),
        /** Days back in time a point-in-time (continuous) restore can reach. */
        restoreWindowDays: intBetween(1, DAILY_BACKUP_RETENTION_DAYS),
        /** UTC hour at which Atlas takes the daily snapshot (16 = 02:00 in Sydney in winter, 03:00 in summer). */
        snapshotHourUtc: intBetween(0, 23),
        /**
         * Optional second Australian region that receives a copy of every snapshot and of the oplog (so a
         * point-in-time restore works there too). Must be on the same cloud as the primary region.
         */
        copyRegion: atlasRegion.optional(),
        /**
         * Atlas Backup Compliance Policy: makes the schedule a floor nobody can lower and snapshots undeletable
         * before they expire. Once on it can only be turned off by MongoDB Support (docs/operational-data.md).
         */
        compliancePolicy: z
            .strictObject({
                enabled: z.boolean({ error: "true or false" }),
                /** The security or legal representative who may ask MongoDB to change the policy. */
                authorizedUser: z
                    .strictObject({
                        firstName: z.string({ error: "a first name" }).min(1, { error: "a first name" }),
                        lastName: z.string({ error: "a last name" }).min(1, { error: "a last name" }),
                        email,
                    })
                    .optional(),
            })
            .refine((p) => !p.enabled || p.authorizedUser !== undefined, {
                error: "an authorizedUser {firstName, lastName, email} when the compliance policy is enabled (Atlas requires the person who may change it)",
            }),
    }),
    /**
     * Networks allowed to reach the project's clusters (Atlas IP access list). Private (RFC 1918) ranges up to
     * /16 (a peered VPC); public ranges up to /24. Never 0.0.0.0/0.
     */
    ipAccessList: z
        .array(
            z.strictObject({
                cidr: networkAccessCidr,
                /** What the network is, shown in Atlas. */
                comment: z.string({ error: "a comment saying whose network this is (3–80 characters)" }).min(3, {
                    error: "a comment saying whose network this is (3–80 characters)",
                }).max(80, { error: "a comment saying whose network this is (3–80 characters)" }),
            }),
            { error: "a list of {cidr, comment}" },
        )
        .superRefine(uniqueBy("cidr", "a CIDR block not listed twice")),
    /**
     * Application database users. Each authenticates with an AWS IAM role (no password exists to leak) and is
     * scoped to this cluster.
     */
    databaseUsers: z
        .array(
            z.strictObject({
                /** Logical key, part of the URN: never change it for a deployed user. */
                key: logicalKey,
                /** The IAM role the application assumes; it becomes the database user name. */
                awsIamRoleArn: iamRoleArn,
                roles: z
                    .array(
                        z.strictObject({
                            database: databaseName,
                            /** Optional: limit the role to one collection. */
                            collection: z
                                .string({ error: "a collection name (1–120 characters, no '$')" })
                                .regex(/^[^$]{1,120}$/, { error: "a collection name (1–120 characters, no '$')" })
                                .optional(),
                            role: databaseRole,
                        }),
                        { error: "a list of {database, role} grants" },
                    )
                    .min(1, { error: "at least one {database, role} grant" }),
            }),
            { error: "a list of database users, each {key, awsIamRoleArn, roles}" },
        )
        .superRefine(uniqueKeys)
        .superRefine(uniqueBy("awsIamRoleArn", "an IAM role not used by another database user")),
    /** Integrity monitoring (§09): who is told, and when CPU and disk count as under pressure. */
    alerts: z.strictObject({
        notification: notificationTarget,
        /** Normalized CPU (user) percentage above which an alert fires. Default 80. */
        cpuPercent: intBetween(50, 95).default(80),
        /** Data-partition disk usage percentage above which an alert fires. Default 80. */
        diskPercent: intBetween(50, 95).default(80),
    }),
    /**
     * Atlas Resource Policy at org level: forbids clusters outside Australian regions and a 0.0.0.0/0 access
     * list entry, for every project in the org. Needs an Organization Owner API key.
     */
    resourcePolicy: z.strictObject({ enabled: z.boolean({ error: "true or false" }) }),
});

/** `data-platform:atlas` */
export const atlasSchema = atlasShape.superRefine(atlasCrossChecks, {
    // Cross-field rules compare values that must each be valid first; otherwise one bad value would be
    // reported twice (once by its own rule, once here).
    when: (payload) => payload.issues.length === 0,
});
export type AtlasConfig = z.infer<typeof atlasSchema>;

/** Rules that relate two settings: electable node totals, the restore window, the copy region. */
function atlasCrossChecks(atlas: z.output<typeof atlasShape>, ctx: z.RefinementCtx): void {
    const { primary, secondary } = atlas.cluster.regions;
    if (secondary !== undefined) {
        if (secondary.name === primary.name) {
            ctx.addIssue({
                code: "custom",
                path: ["cluster", "regions", "secondary", "name"],
                input: secondary.name,
                message: "a region other than the primary region",
            });
        }
        const electable = primary.electableNodes + secondary.electableNodes;
        if (![3, 5, 7].includes(electable)) {
            ctx.addIssue({
                code: "custom",
                path: ["cluster", "regions", "secondary", "electableNodes"],
                input: secondary.electableNodes,
                message: `a number that makes the replica set's electable nodes 3, 5 or 7 in total (primary region has ${primary.electableNodes}; Atlas requires an odd total of at most 7)`,
            });
        }
    } else if (![3, 5, 7].includes(primary.electableNodes)) {
        ctx.addIssue({
            code: "custom",
            path: ["cluster", "regions", "primary", "electableNodes"],
            input: primary.electableNodes,
            message: "3, 5 or 7 electable nodes (Atlas requires an odd total of at most 7)",
        });
    }
    const backup = atlas.backup;
    if (backup.restoreWindowDays > backup.hourly.retentionDays) {
        ctx.addIssue({
            code: "custom",
            path: ["backup", "restoreWindowDays"],
            input: backup.restoreWindowDays,
            message: `at most the hourly snapshots' retention (${backup.hourly.retentionDays} days): Atlas restores a point in time from the snapshot before it`,
        });
    }
    if (backup.copyRegion !== undefined) {
        if (backup.copyRegion === primary.name) {
            ctx.addIssue({
                code: "custom",
                path: ["backup", "copyRegion"],
                input: backup.copyRegion,
                message: "an Australian region other than the cluster's primary region (a copy in the same region does not survive its loss)",
            });
        } else if (ATLAS_REGION_PROVIDER[backup.copyRegion] !== ATLAS_REGION_PROVIDER[primary.name]) {
            ctx.addIssue({
                code: "custom",
                path: ["backup", "copyRegion"],
                input: backup.copyRegion,
                message: `an Australian region on the primary region's cloud (${ATLAS_REGION_PROVIDER[primary.name]}): Atlas copies snapshots within one cloud provider`,
            });
        }
    }
}

/**
 * Operational-data rules that span sections and secrets (run by infra/config.ts once every section is valid):
 *
 * - a PagerDuty or Slack alert target has its token (`data-platform:atlasAlertToken`), or Atlas could not deliver
 *   the integrity alerts of §09;
 * - each application's IAM role is in the production AWS account (`data-platform:aws.accountId`): Atlas would
 *   accept a role from any account, but database access for roles outside the production account is a decision
 *   this stack does not make silently.
 *
 * (The Atlas API key pair, both or neither, is declared with `pairWith` on the secret settings.)
 */
export const atlasStackChecks: CrossCheck<{ readonly atlas: AtlasConfig; readonly aws: AwsConfig }> = (sections, secretsSet) => {
    const issues: ConfigIssue[] = [];
    const target = sections.atlas.alerts.notification;
    const tokenKey = "data-platform:atlasAlertToken";
    if ((target.type === "PAGER_DUTY" || target.type === "SLACK") && !secretsSet.has(tokenKey)) {
        issues.push({
            key: tokenKey,
            value: undefined,
            expected:
                `the ${target.type === "PAGER_DUTY" ? "PagerDuty service key" : "Slack API token"} that Atlas alerts are sent with ` +
                `(data-platform:atlas.alerts.notification.type is ${target.type}), set with \`pulumi config set --secret ${tokenKey}\``,
        });
    }
    const account = sections.aws.accountId;
    sections.atlas.databaseUsers.forEach((user, i) => {
        if (user.awsIamRoleArn.split(":")[4] !== account) {
            issues.push({
                key: `data-platform:atlas.databaseUsers[${i}].awsIamRoleArn`,
                value: JSON.stringify(user.awsIamRoleArn),
                expected: `an IAM role in the production AWS account ${account} (data-platform:aws.accountId)`,
            });
        }
    });
    return issues;
};

/**
 * What only a deployment needs (run by infra/config.ts like placeholders: `pulumi up` refuses, `pulumi preview`
 * warns): while the org-level Resource Policy is on, the Organization Owner API key pair of the `atlas-org`
 * provider (`data-platform:atlasOrgPublicKey` / `data-platform:atlasOrgPrivateKey`). Without it that provider would
 * fall back to the workload key in MONGODB_ATLAS_*, i.e. run an org-level change with the workload's credentials.
 */
export const atlasDeployChecks: CrossCheck<{ readonly atlas: AtlasConfig }> = (sections, secretsSet) => {
    if (!sections.atlas.resourcePolicy.enabled) return [];
    const pair = ["data-platform:atlasOrgPublicKey", "data-platform:atlasOrgPrivateKey"] as const;
    // Half a pair is refused earlier, at preview too (`pairWith`); here only the pair that is missing whole.
    if (pair.some((k) => secretsSet.has(k))) return [];
    return pair.map((key) => ({
        key,
        value: undefined,
        expected:
            `the ${key.endsWith("PublicKey") ? "public" : "private"} key of an Atlas Organization Owner API key, set with ` +
            `\`pulumi config set --secret ${key}\`: data-platform:atlas.resourcePolicy.enabled is true, and the org-level provider ` +
            `atlas-org creates the Resource Policy with its own key, never the workload key (docs/guardrails.md "Org-level providers")`,
    }));
};
