/**
 * The arguments of the explicit Redis Cloud provider: its API key pair from secret config, or nothing (then the
 * plugin reads the environment). Data policy "05.encryption-and-access-control": the pair is an access secret, so it
 * only ever travels as a secret Output.
 *
 * Why both or neither: the Terraform provider the plugin bridges (terraform-provider-rediscloud v1.3.1, `configure`
 * in provider/provider.go) uses configured credentials only when `api_key` and `secret_key` are both set; with one of
 * them it silently ignores it and its API client reads REDISCLOUD_ACCESS_KEY / REDISCLOUD_SECRET_KEY instead, i.e.
 * possibly another account's key. Half a pair is therefore refused, before anything is registered.
 */
import { ConfigError, type Secrets } from "../../config";
import type { ProviderArgs } from "../../providers/rediscloud";

type RedisCloudSecrets = Pick<Secrets, "rediscloud:apiKey" | "rediscloud:secretKey">;

export function redisCloudProviderArgs(secrets: RedisCloudSecrets): ProviderArgs {
    const apiKey = secrets["rediscloud:apiKey"];
    const secretKey = secrets["rediscloud:secretKey"];
    if ((apiKey === undefined) !== (secretKey === undefined)) {
        const [missing, present] = apiKey === undefined ? ["rediscloud:apiKey", "rediscloud:secretKey"] : ["rediscloud:secretKey", "rediscloud:apiKey"];
        throw new ConfigError([
            {
                key: missing,
                value: undefined,
                expected:
                    `a secret set together with ${present} (the Redis Cloud provider uses configured credentials only as a pair; ` +
                    `with one of them it falls back to REDISCLOUD_ACCESS_KEY / REDISCLOUD_SECRET_KEY from the environment), ` +
                    `set with \`pulumi config set --secret ${missing}\`, or remove ${present} to use the environment`,
            },
        ]);
    }
    // Both secret Outputs (config.ts reads them with getSecret), or both undefined: the binding then falls back to
    // REDISCLOUD_API_KEY / REDISCLOUD_SECRET_KEY, and the plugin's client to REDISCLOUD_ACCESS_KEY / REDISCLOUD_SECRET_KEY.
    return apiKey !== undefined && secretKey !== undefined ? { apiKey, secretKey } : {};
}
