// Package-level helpers of the rediscloud binding, in the shape of the `utilities.ts` that Pulumi's Node.js code
// generator writes for every provider SDK (compare node_modules/@pulumi/mongodbatlas/utilities.js). See ./README.md.
import * as pulumi from "@pulumi/pulumi";

/** The provider's package name: the first part of every type token, and the plugin's name. */
export const PACKAGE_NAME = "rediscloud";

/**
 * The plugin release this binding was written against: the latest tag of RedisLabs/pulumi-rediscloud (v1.3.5,
 * 2023-12-20; its schema is unchanged at HEAD). A generated SDK reads this from its own package.json; this binding
 * has none, so the version is pinned here. Change it only together with the types written from that release's schema.
 */
export const PLUGIN_VERSION = "1.3.5";

/**
 * Where the engine downloads `pulumi-resource-rediscloud` from: the schema's `pluginDownloadURL` (also
 * `provider/resources.go` and `sdk/go/rediscloud/pulumi-plugin.json` at v1.3.5). The assets are the GitHub release
 * assets `pulumi-resource-rediscloud-v<version>-<os>-<arch>.tar.gz`.
 */
export const PLUGIN_DOWNLOAD_URL = "github://api.github.com/RedisLabs/pulumi-rediscloud";

/** The first of `vars` that is set to a non-empty value in the environment. */
export function getEnv(...vars: string[]): string | undefined {
    for (const v of vars) {
        const value = process.env[v];
        if (value) {
            return value;
        }
    }
    return undefined;
}

/** The SDK's version, which is also the plugin version it asks the engine for. */
export function getVersion(): string {
    let version = PLUGIN_VERSION;
    // Node allows for the version to be prefixed by a "v", while semver doesn't.
    if (version.indexOf("v") === 0) {
        version = version.slice(1);
    }
    return version;
}

/**
 * Default resource options of every resource and provider in the package. Each constructor merges them *under* the
 * caller's options (`pulumi.mergeOptions(resourceOptsDefaults(), opts)`), so an explicit `version` or
 * `pluginDownloadURL` wins, exactly as in a generated SDK.
 */
export function resourceOptsDefaults(): { version: string; pluginDownloadURL: string } {
    return { version: getVersion(), pluginDownloadURL: PLUGIN_DOWNLOAD_URL };
}

/**
 * Marks a value secret, or leaves it `undefined`. Used for provider credentials, including those taken from the
 * environment: the Go SDK of the same release wraps the environment fallback too (`sdk/go/rediscloud/provider.go`).
 */
export function secretOrUndefined(value: pulumi.Input<string> | undefined): pulumi.Output<string> | undefined {
    return value ? pulumi.secret(value) : undefined;
}
