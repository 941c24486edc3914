/**
 * Stack config for ephemeral pub/sub data: one Redis Cloud Pro subscription and its database (data policy clauses
 * 02.ephemeral-data, 06.ephemeral-retention, 05.encryption-and-access-control, 03.rbac).
 *
 * Section key `redis` (`data-platform:redis`). Secrets (the Redis Cloud API key pair, a database password) are not
 * here: they are `SECRET_SETTINGS` in `infra/config.ts`.
 *
 * What cannot be configured, by design:
 * - persistence and backups. Any key that names one (`dataPersistence`, `remoteBackup`, `periodicBackupPath`,
 *   `backup…`, `persist…`, `snapshot…`, `aof…`, `rdb…`), at any level of the section, is refused with a message
 *   citing 06.ephemeral-retention; the database is always created with `dataPersistence: "none"` and no backup.
 * - TLS (always on), replication (always on), memory storage (always RAM, never flash), protocol (always redis).
 *
 * Vendor rules checked here so that `pulumi preview` refuses them instead of `pulumi up` failing half-way: the
 * deployment CIDR is exactly a /24; `paymentMethodId` is a number; a database name has at most 40 characters
 * (terraform-provider-rediscloud v1.3.1, the provider bridged by the Pulumi plugin v1.3.5); the database fits the
 * subscription's creation plan ("maximum memory usage that will be used for your largest planned database").
 */
import { z } from "zod";
import { cite } from "../clauses";
import { AU_REDIS_REGIONS, REDIS_REGION_CLOUD, redisCloudRegionRule, REGION_RULE } from "../residency";
import { networkAccessCidr, uniqueBy } from "./common";
import { isPrivateCidr } from "../network";

/** Why no persistence or backup key is accepted anywhere in the section. */
export const NO_PERSISTENCE_OR_BACKUP_MSG =
    `no persistence or backup setting (data policy ${cite("06.ephemeral-retention")}): ` +
    `the database is always created with dataPersistence "none" and without remoteBackup or periodicBackupPath; remove this key`;

/** Key names that configure persistence or a backup, in the vendor's spelling or any near one. */
const PERSISTENCE_OR_BACKUP_KEY = /backup|persist|snapshot|^aof|^rdb/i;

/**
 * Turns this object's unrecognized keys that name persistence or a backup into their own issue, with the §06
 * message, instead of the generic "only the keys … (check the spelling)". Runs even when other keys are invalid
 * (`when`), so every problem is reported in one run. Other unrecognized keys keep the generic message.
 */
const refusePersistenceAndBackupKeys = z.superRefine<Record<string, unknown>>(
    (_value, ctx) => {
        const rewritten: typeof ctx.issues = [];
        for (const issue of ctx.issues) {
            // This object's own unrecognized keys have no path yet; nested objects' issues are already prefixed.
            const own = issue.code === "unrecognized_keys" && (issue.path === undefined || issue.path.length === 0);
            const refused = own ? issue.keys.filter((k) => PERSISTENCE_OR_BACKUP_KEY.test(k)) : [];
            if (!own || refused.length === 0) {
                rewritten.push(issue);
                continue;
            }
            const others = issue.keys.filter((k) => !PERSISTENCE_OR_BACKUP_KEY.test(k));
            if (others.length > 0) {
                rewritten.push({ ...issue, keys: others });
            }
            const input = issue.input as Record<string, unknown> | undefined;
            for (const key of refused) {
                rewritten.push({ code: "custom", path: [key], input: input?.[key], message: NO_PERSISTENCE_OR_BACKUP_MSG });
            }
        }
        ctx.issues.splice(0, ctx.issues.length, ...rewritten);
    },
    { when: () => true },
);

/** A strict object (unknown keys refused) whose persistence and backup keys are refused with the §06 message. */
function section<S extends z.core.$ZodLooseShape>(shape: S) {
    return z.strictObject(shape).check(refusePersistenceAndBackupKeys);
}

/** A Redis Cloud region in Australia (data policy §02: "an Enterprise Redis cluster in Australia"). */
export const redisRegion = z.enum(AU_REDIS_REGIONS, { error: REGION_RULE.redis });

const NAME_MSG = "a Redis Cloud name: 1–40 letters, digits and '-', starting with a letter and ending with a letter or digit";
/** Subscription and database names (the provider caps a database name at 40 characters). */
const redisName = z.string({ error: NAME_MSG }).regex(/^[A-Za-z](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?$/, { error: NAME_MSG });

const DEPLOYMENT_CIDR_MSG =
    "a private IPv4 /24 network inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16, such as 10.42.8.0/24 " +
    "(Redis Cloud deploys the subscription into exactly one /24; choose one no VPC that will peer with it uses)";
/** The subscription's deployment network: exactly a /24 (schema: "The total number of bits must be 24"), RFC 1918. */
const deploymentCidr = z
    .cidrv4({ error: DEPLOYMENT_CIDR_MSG })
    .refine(
        (cidr) => cidr.endsWith("/24") && cidr.split("/")[0]!.endsWith(".0") && isPrivateCidr(cidr),
        { error: DEPLOYMENT_CIDR_MSG },
    );

const PAYMENT_METHOD_ID_MSG =
    'the numeric id of a payment method of the Redis Cloud account, quoted, such as "12345" (console: Billing & Payments)';
const paymentMethodId = z.string({ error: PAYMENT_METHOD_ID_MSG }).regex(/^\d{1,12}$/, { error: PAYMENT_METHOD_ID_MSG });

const MEMORY_MSG = "a memory limit in GB, more than 0 and at most 500 (0.5 for half a GB; the bound catches typos)";
const memoryLimitInGb = z.number({ error: MEMORY_MSG }).gt(0, { error: MEMORY_MSG }).max(500, { error: MEMORY_MSG });

/** How throughput is sized: operations per second, or a number of shards. */
export const THROUGHPUT_MEASUREMENTS = ["operations-per-second", "number-of-shards"] as const;
export type ThroughputMeasurement = (typeof THROUGHPUT_MEASUREMENTS)[number];
const throughputMeasurementBy = z.enum(THROUGHPUT_MEASUREMENTS, {
    error: `a throughput measurement (${THROUGHPUT_MEASUREMENTS.join(" | ")})`,
});

/** The range of `throughputMeasurementValue` for each measurement; the bounds catch typos. */
const THROUGHPUT_RANGE: Readonly<Record<ThroughputMeasurement, { min: number; max: number; what: string }>> = {
    "operations-per-second": { min: 1000, max: 10_000_000, what: "operations per second" },
    "number-of-shards": { min: 1, max: 256, what: "shards" },
};

/** Fields shared by the creation plan and the database: memory and throughput. */
const capacity = {
    /** Memory limit in GB (with replication on, Redis Cloud provisions twice this). */
    memoryLimitInGb,
    /** `operations-per-second` or `number-of-shards`. */
    throughputMeasurementBy,
    /** Operations per second (1,000–10,000,000) or shards (1–256), as `throughputMeasurementBy` says. */
    throughputMeasurementValue: z.number({ error: "a whole number" }).int({ error: "a whole number" }),
};

/** `throughputMeasurementValue` within the range of its measurement. */
function checkThroughput(value: { throughputMeasurementBy: ThroughputMeasurement; throughputMeasurementValue: number }, ctx: z.RefinementCtx): void {
    const range = THROUGHPUT_RANGE[value.throughputMeasurementBy];
    const v = value.throughputMeasurementValue;
    if (v < range.min || v > range.max) {
        ctx.addIssue({
            code: "custom",
            path: ["throughputMeasurementValue"],
            input: v,
            message: `a whole number of ${range.what} from ${range.min} to ${range.max} (throughputMeasurementBy is ${value.throughputMeasurementBy})`,
        });
    }
}

/**
 * Eviction policies that never evict a key without a TTL. Under memory pressure a key that lacks a TTL (which data
 * policy §06 forbids: every key must expire within 24 hours) is then never silently dropped: it stays, memory fills,
 * and the `dataset-size` alert fires, so the retention bug is seen and fixed. `allkeys-*` policies would evict such
 * keys quietly and hide the bug. Default `volatile-ttl`: it evicts the keys closest to expiry first, i.e. the data
 * that would be deleted soonest anyway, so in-flight pub/sub state survives a memory spike. `noeviction` loses
 * nothing silently but refuses writes once memory is full (an outage of the real-time path instead of degradation).
 */
export const EVICTION_POLICIES = ["volatile-ttl", "volatile-lru", "volatile-lfu", "volatile-random", "noeviction"] as const;
export type EvictionPolicy = (typeof EVICTION_POLICIES)[number];
const dataEviction = z.enum(EVICTION_POLICIES, {
    error:
        `an eviction policy that never evicts keys without a TTL (${EVICTION_POLICIES.join(" | ")}); allkeys-* would ` +
        `silently evict keys that lack a TTL and hide the retention bug (data policy ${cite("06.ephemeral-retention")})`,
});

/**
 * Database alerts that apply to this database. `syncsource-error` and `syncsource-lag` watch a Replica Of source, which
 * this stack never configures (it would copy data into this database from elsewhere); `datasets-size` is the
 * Active-Active variant.
 */
export const REDIS_ALERT_NAMES = ["dataset-size", "throughput-higher-than", "throughput-lower-than", "latency", "connections-limit"] as const;
export type RedisAlertName = (typeof REDIS_ALERT_NAMES)[number];

const alert = section({
    /** Alert name. */
    name: z.enum(REDIS_ALERT_NAMES, { error: `a Redis Cloud database alert (${REDIS_ALERT_NAMES.join(" | ")})` }),
    /** Threshold: % of the memory limit (dataset-size), ops/s (throughput-*), ms (latency), connections. */
    value: z.number({ error: "a whole number of at least 1" }).int({ error: "a whole number of at least 1" }).min(1, { error: "a whole number of at least 1" }),
}).superRefine((a, ctx) => {
    if (a.name === "dataset-size" && a.value > 100) {
        ctx.addIssue({ code: "custom", path: ["value"], input: a.value, message: "a percentage of the memory limit from 1 to 100" });
    }
});

const alerts = z
    .array(alert, { error: "a list of alerts, each {name, value}" })
    .superRefine(uniqueBy("name", "an alert name not used by another entry of this list"))
    .superRefine((list, ctx) => {
        if (!list.some((a) => a.name === "dataset-size")) {
            ctx.addIssue({
                code: "custom",
                input: list,
                message:
                    "a list that includes a dataset-size alert: a growing dataset is the first sign of keys without a TTL " +
                    `(data policy ${cite("06.ephemeral-retention")})`,
            });
        }
    });

const SOURCE_IPS_MSG =
    "a list of at least one CIDR block: without sourceIps the database accepts connections from anywhere (0.0.0.0/0)";
const sourceIps = z
    .array(networkAccessCidr, { error: SOURCE_IPS_MSG })
    .min(1, { error: SOURCE_IPS_MSG })
    .superRefine((list, ctx) => {
        // Entries are plain strings here, so uniqueBy (which compares a field) does not fit.
        list.forEach((cidr, i) => {
            if (list.indexOf(cidr) !== i) {
                ctx.addIssue({ code: "custom", path: [i], input: cidr, message: "a CIDR block not listed twice" });
            }
        });
    });

/** `data-platform:redis` */
export const redisSchema = section({
    /** The Redis Cloud Pro subscription (the cluster the database runs on). */
    subscription: section({
        /** Subscription name, as shown in the Redis Cloud console. */
        name: redisName,
        /** Cloud the subscription runs in (Redis-managed account). Default `AWS`. */
        cloudProvider: z.enum(["AWS", "GCP"], { error: "a cloud provider (AWS | GCP)" }).default("AWS"),
        /** Region; must belong to `cloudProvider`. */
        region: redisRegion,
        /** The /24 the subscription's cluster is deployed into. */
        networkingDeploymentCidr: deploymentCidr,
        /**
         * Spread the cluster (and each database's replica) over availability zones: always, because nothing is on
         * disk and a zone outage would otherwise lose the data in flight. Default `true`; `false` is refused.
         */
        multipleAvailabilityZones: z.literal(true, { error: "true: the subscription always spans availability zones (the database keeps nothing on disk)" }).default(true),
        /** Payment method the subscription is billed to (`paymentMethod` is always `credit-card`). */
        paymentMethodId,
        /** The capacity Redis Cloud sizes the cluster for, at creation: that of the largest planned database. */
        creationPlan: section(capacity).superRefine(checkThroughput),
    }),
    /** The database that holds ephemeral pub/sub data. */
    database: section({
        /** Database name, as shown in the Redis Cloud console. */
        name: redisName,
        ...capacity,
        /** Networks allowed to connect (the database's `sourceIps`); each at most a /16. */
        sourceIps,
        /** Eviction policy; default `volatile-ttl`. See {@link EVICTION_POLICIES}. */
        dataEviction: dataEviction.default("volatile-ttl"),
        /** Database alerts; must include `dataset-size`. */
        alerts,
    }).superRefine(checkThroughput),
}).superRefine((redis, ctx) => {
    const { subscription: sub, database: db } = redis;
    if (REDIS_REGION_CLOUD[sub.region] !== sub.cloudProvider) {
        ctx.addIssue({
            code: "custom",
            path: ["subscription", "region"],
            input: sub.region,
            message: redisCloudRegionRule(sub.cloudProvider),
        });
    }
    const plan = sub.creationPlan;
    if (db.memoryLimitInGb > plan.memoryLimitInGb) {
        ctx.addIssue({
            code: "custom",
            path: ["database", "memoryLimitInGb"],
            input: db.memoryLimitInGb,
            message: `at most the subscription's creationPlan.memoryLimitInGb (${plan.memoryLimitInGb})`,
        });
    }
    if (db.throughputMeasurementBy !== plan.throughputMeasurementBy) {
        ctx.addIssue({
            code: "custom",
            path: ["database", "throughputMeasurementBy"],
            input: db.throughputMeasurementBy,
            message: `the subscription's creationPlan.throughputMeasurementBy (${plan.throughputMeasurementBy})`,
        });
    } else if (db.throughputMeasurementValue > plan.throughputMeasurementValue) {
        ctx.addIssue({
            code: "custom",
            path: ["database", "throughputMeasurementValue"],
            input: db.throughputMeasurementValue,
            message: `at most the subscription's creationPlan.throughputMeasurementValue (${plan.throughputMeasurementValue})`,
        });
    }
});
export type RedisConfig = z.infer<typeof redisSchema>;

