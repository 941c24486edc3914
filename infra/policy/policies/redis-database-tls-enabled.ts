import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

/** Redis Cloud databases accept TLS connections only (the provider's default is plain text). */
export const redisDatabaseTlsEnabled = resourcePolicy({
    name: "redis-database-tls-enabled",
    description: "Redis Cloud databases must require TLS.",
    clauses: ["05.encryption-and-access-control", "08.secure-transfers"],
    severity: "high",
    remediation: "Set `enableTls: true` on the rediscloud.SubscriptionDatabase.",
    types: T.redisDatabase,
    validate: (args, report) => {
        if (args.props.enableTls !== true) {
            report(`Redis database ${args.name} does not require TLS (enableTls must be true).`);
        }
    },
});
