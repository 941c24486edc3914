/**
 * The Redis database that holds ephemeral pub/sub data (data policy "02.ephemeral-data"; "06.ephemeral-retention":
 * "not backed up or retained beyond necessary operational windows"; "05.encryption-and-access-control": encryption
 * in transit and access control; "03.rbac"). Redis Cloud docs: "Transport Layer Security (TLS)", "Data persistence",
 * "Configure CIDR allow list" (https://redis.io/docs/latest/operate/rc/security/cidr-whitelist); alert names and
 * units per terraform-provider-rediscloud `docs/resources/rediscloud_subscription_database.md`.
 *
 * | child | setting |
 * |---|---|
 * | `random.RandomPassword` (`${name}-password`), only when no password is given, protected | 40 letters and digits |
 * | `rediscloud.SubscriptionDatabase` (`${name}`), protected | TLS required; no persistence (`dataPersistence: "none"`); no backup (no `remoteBackup`, no `periodicBackupPath`); replicated; `sourceIps` as given (never empty, so never the provider's 0.0.0.0/0); TTL-respecting eviction; the password, secret; alerts; the endpoints secret outputs |
 *
 * No persistence and no backup: nothing of this database is written to disk or copied elsewhere, so when a key
 * expires or is evicted it is gone (Redis Cloud "Data persistence": with persistence off, data is lost on a failure
 * of both primary and replica, which is acceptable for transient data). The <24 h retention itself is the
 * application's TTLs, which infrastructure cannot set: see docs/ephemeral-data.md.
 *
 * The provider defaults `enableTls` to false and, when `sourceIps` is empty, opens the database to 0.0.0.0/0
 * (terraform-provider-rediscloud v1.3.1 `resource_rediscloud_subscription_database.go`); both are set explicitly.
 *
 * The password is kept secret end to end: it is wrapped with `pulumi.secret` here, the binding marks the input
 * secret and the output `password` as an additional secret output, and a generated one comes from
 * `random.RandomPassword`, whose `result` is a secret output. It is never part of a name, tag or log line.
 *
 * The database is protected: deleting it drops the data in flight and its endpoint, which clients are configured with.
 * A generated password is protected too: replacing it (a rename, say) would change the password under every client.
 */
import * as pulumi from "@pulumi/pulumi";
import { NETWORK_ACCESS_RULE, networkAccessProblem } from "../../network";
import * as random from "@pulumi/random";
import * as rediscloud from "../../providers/rediscloud";
import { checkArguments } from "../shared/argument-checks";
import type { EvictionPolicy, RedisAlertName, ThroughputMeasurement } from "../../schema/ephemeral-data";

/** A Redis Cloud database alert. */
export interface RedisAlert {
    readonly name: RedisAlertName;
    /** Threshold: % of the memory limit (dataset-size), ops/s (throughput-*), ms (latency), connections. */
    readonly value: number;
}

export interface RedisDatabaseArgs {
    /** Id of the subscription the database is created in (a {@link RedisSubscription}). Changing it replaces the database. */
    readonly subscriptionId: pulumi.Input<string>;
    /** Database name, as shown in the Redis Cloud console. */
    readonly databaseName: string;
    /** Memory limit, GB. */
    readonly memoryLimitInGb: number;
    /** `operations-per-second` or `number-of-shards`. */
    readonly throughputMeasurementBy: ThroughputMeasurement;
    /** Throughput, in the unit of `throughputMeasurementBy`. */
    readonly throughputMeasurementValue: number;
    /** CIDR blocks allowed to connect. Must not be empty: the provider reads an empty list as 0.0.0.0/0. */
    readonly sourceIps: readonly string[];
    /** Eviction policy. Default `volatile-ttl` (see `EVICTION_POLICIES` in the schema for why). */
    readonly dataEviction?: EvictionPolicy;
    /** Database alerts. */
    readonly alerts: readonly RedisAlert[];
    /** Password of the default user. When absent, a random 40-character password is generated (`${name}-password`). */
    readonly password?: pulumi.Input<string>;
}

/** Length of a generated password: 40 letters and digits are about 238 bits. */
const GENERATED_PASSWORD_LENGTH = 40;

export class RedisDatabase extends pulumi.ComponentResource {
    /** The database's id within its subscription. */
    public readonly databaseId: pulumi.Output<number>;
    /** `host:port` of the public endpoint (TLS). Secret. */
    public readonly publicEndpoint: pulumi.Output<string>;
    /** `host:port` of the private endpoint (TLS), reachable over VPC peering. Secret. */
    public readonly privateEndpoint: pulumi.Output<string>;
    /** The default user's password. Secret. */
    public readonly password: pulumi.Output<string>;

    public readonly database: rediscloud.SubscriptionDatabase;
    public readonly generatedPassword: random.RandomPassword | undefined;

    constructor(name: string, args: RedisDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        // An empty list matters as much as a wide block: the provider turns it into 0.0.0.0/0.
        checkArguments("RedisDatabase", name, opts, [
            {
                field: "sourceIps",
                value: args.sourceIps,
                ok: args.sourceIps.length > 0 && args.sourceIps.every((cidr) => networkAccessProblem(cidr) === undefined),
                allowed: `at least one CIDR block, each ${NETWORK_ACCESS_RULE}`,
            },
        ]);
        super("data-platform:ephemeral-data:RedisDatabase", name, {}, opts);

        let password = args.password;
        if (password === undefined) {
            // Letters and digits only, like the provider's own generated password: no character needs escaping in a
            // `rediss://` URL or a shell.
            this.generatedPassword = new random.RandomPassword(
                `${name}-password`,
                {
                    length: GENERATED_PASSWORD_LENGTH,
                    special: false,
                    upper: true,
                    lower: true,
                    numeric: true,
                    minUpper: 2,
                    minLower: 2,
                    minNumeric: 2,
                },
                // Protected: a rename or an accidental delete would generate a new password, which the database
                // would take on the next update and every client would be locked out.
                { parent: this, protect: true },
            );
            password = this.generatedPassword.result;
        }
        // Secret whatever its source (secret config, or a generated password whose secrecy the engine adds).
        this.password = pulumi.secret(password);

        this.database = new rediscloud.SubscriptionDatabase(
            name,
            {
                subscriptionId: args.subscriptionId,
                name: args.databaseName,
                protocol: "redis",
                memoryLimitInGb: args.memoryLimitInGb,
                throughputMeasurementBy: args.throughputMeasurementBy,
                throughputMeasurementValue: args.throughputMeasurementValue,
                // A replica in another availability zone (the subscription is multi-AZ): a node failure loses nothing
                // in memory, which matters because nothing is on disk.
                replication: true,
                // Data policy §05, encryption in transit: clients must connect with TLS (provider default: false).
                enableTls: true,
                // Data policy §06: never written to disk (no AOF, no snapshots) and never backed up. `remoteBackup`
                // and the deprecated `periodicBackupPath` are deliberately absent: absent means no backup.
                dataPersistence: "none",
                dataEviction: args.dataEviction ?? "volatile-ttl",
                sourceIps: [...args.sourceIps],
                alerts: args.alerts.map((a) => ({ name: a.name, value: a.value })),
                password: this.password,
                supportOssClusterApi: false,
            },
            // The endpoints are where the data can be reached from: secret in the state as well, like the password
            // (the binding marks only `password` secret, as the provider schema does).
            { parent: this, protect: true, additionalSecretOutputs: ["publicEndpoint", "privateEndpoint"] },
        );

        this.databaseId = this.database.dbId;
        // Secret here too, not only through the engine's additionalSecretOutputs: what reads these gets a secret.
        this.publicEndpoint = pulumi.secret(this.database.publicEndpoint);
        this.privateEndpoint = pulumi.secret(this.database.privateEndpoint);
        // The password is not a component output: it stays in the database's own (secret) state only.
        this.registerOutputs({
            databaseId: this.databaseId,
            publicEndpoint: this.publicEndpoint,
            privateEndpoint: this.privateEndpoint,
        });
    }
}
