// The Redis Cloud provider resource (`pulumi:providers:rediscloud`): config, secrets and environment defaults from
// the published schema (v1.3.5), written in the shape of Pulumi's Node.js code generator. See ./README.md.
import * as pulumi from "@pulumi/pulumi";
import * as utilities from "./utilities";

/** Environment variables read, in order, for `apiKey`: the schema's default, then the Terraform provider's name. */
export const API_KEY_ENV_VARS = ["REDISCLOUD_API_KEY", "REDISCLOUD_ACCESS_KEY"] as const;
/** Environment variables read for `secretKey` (the schema and the Terraform provider agree on the name). */
export const SECRET_KEY_ENV_VARS = ["REDISCLOUD_SECRET_KEY"] as const;

/** Why half a key pair is refused, naming what is missing and where it could come from. */
function halfPairMessage(name: string, missing: "apiKey" | "secretKey"): string {
    const [have, haveVars] = missing === "apiKey" ? (["secretKey", SECRET_KEY_ENV_VARS] as const) : (["apiKey", API_KEY_ENV_VARS] as const);
    const missingVars = missing === "apiKey" ? API_KEY_ENV_VARS : SECRET_KEY_ENV_VARS;
    return (
        `rediscloud.Provider ${name}: ${have} is set (argument or ${haveVars.join(" / ")}) but ${missing} is not; ` +
        `set ${missing} or ${missingVars.join(" / ")} as well, or neither key (the provider uses the keys only as a pair).`
    );
}

/**
 * The provider type for the rediscloud package. By default, resources use package-wide configuration
 * settings, however an explicit `Provider` instance may be created and passed during resource
 * construction to achieve fine-grained programmatic control over provider settings. See the
 * [documentation](https://www.pulumi.com/docs/reference/programming-model/#providers) for more information.
 */
export class Provider extends pulumi.ProviderResource {
    /** @internal */
    public static readonly __pulumiType = "rediscloud";

    /**
     * Returns true if the given object is an instance of Provider.  This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is Provider {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === "pulumi:providers:" + Provider.__pulumiType;
    }

    // `declare`: the values are assigned by the base constructor (super), so the fields must not be re-initialised
    // after it, which an emitted ES2022 class field would do.
    /**
     * This is the Redis Cloud API key. It must be provided but can also be set by the `REDISCLOUD_ACCESS_KEY` environment
     * variable (this binding reads `REDISCLOUD_API_KEY`, then `REDISCLOUD_ACCESS_KEY`).
     */
    public declare readonly apiKey: pulumi.Output<string | undefined>;
    /**
     * This is the Redis Cloud API secret key. It must be provided but can also be set by the `REDISCLOUD_SECRET_KEY`
     * environment variable.
     */
    public declare readonly secretKey: pulumi.Output<string | undefined>;
    /**
     * This is the URL of Redis Cloud and will default to `https://api.redislabs.com/v1`. This can also be set by the
     * `REDISCLOUD_URL` environment variable.
     */
    public declare readonly url: pulumi.Output<string | undefined>;

    /**
     * Create a Provider resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args?: ProviderArgs, opts?: pulumi.ResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        {
            // The schema's `defaultInfo` reads REDISCLOUD_API_KEY / REDISCLOUD_SECRET_KEY (provider/resources.go);
            // the bridged Terraform provider's client reads REDISCLOUD_ACCESS_KEY / REDISCLOUD_SECRET_KEY itself, and
            // REDISCLOUD_ACCESS_KEY is what our docs and CI export. So the account key falls back to either name,
            // the schema's first (README.md, difference 5). Unlike the Node.js generator, which applies the
            // environment default after the secret wrapping, the value from the environment is marked secret too
            // (as the Go SDK of v1.3.5 does).
            // An empty argument counts as unset, as `secretOrUndefined` drops it.
            const apiKey = args?.apiKey || utilities.getEnv(...API_KEY_ENV_VARS);
            const secretKey = args?.secretKey || utilities.getEnv(...SECRET_KEY_ENV_VARS);
            // The Terraform provider uses the keys only as a pair: given one, it ignores it and silently reads its
            // own environment instead. Half a pair, from arguments or the environment, is refused before anything
            // is registered (README.md, difference 6). Not when an existing provider is rebuilt from its URN
            // (`constructProvider` in index.ts): nothing is sent then, so there is nothing to refuse.
            if (!opts.urn && (apiKey === undefined) !== (secretKey === undefined)) {
                throw new pulumi.RunError(halfPairMessage(name, apiKey === undefined ? "apiKey" : "secretKey"));
            }
            resourceInputs["apiKey"] = utilities.secretOrUndefined(apiKey);
            resourceInputs["secretKey"] = utilities.secretOrUndefined(secretKey);
            resourceInputs["url"] = args ? args.url : undefined;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        const secretOpts = { additionalSecretOutputs: ["apiKey", "secretKey"] };
        opts = pulumi.mergeOptions(opts, secretOpts);
        super(Provider.__pulumiType, name, resourceInputs, opts);
    }
}

/**
 * The set of arguments for constructing a Provider resource.
 */
export interface ProviderArgs {
    /**
     * This is the Redis Cloud API key. It must be provided but can also be set by the `REDISCLOUD_ACCESS_KEY` environment
     * variable (this binding reads `REDISCLOUD_API_KEY`, then `REDISCLOUD_ACCESS_KEY`).
     */
    apiKey?: pulumi.Input<string>;
    /**
     * This is the Redis Cloud API secret key. It must be provided but can also be set by the `REDISCLOUD_SECRET_KEY`
     * environment variable.
     */
    secretKey?: pulumi.Input<string>;
    /**
     * This is the URL of Redis Cloud and will default to `https://api.redislabs.com/v1`. This can also be set by the
     * `REDISCLOUD_URL` environment variable.
     */
    url?: pulumi.Input<string>;
}
