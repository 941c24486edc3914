/**
 * A typed stand-in for `@rediscloud/pulumi-rediscloud` v1.3.5, the Node.js SDK of the Redis Cloud Pulumi provider,
 * which is not installable from the package registry reachable here (see ./README.md). Only what this stack uses is
 * bound: the provider, `Subscription` (Redis Cloud Pro) and `SubscriptionDatabase`, with their nested types.
 *
 * Same class, property and type names as the generated SDK, same type tokens and the same default resource options
 * (plugin version and download URL), so replacing `import * as rediscloud from "../providers/rediscloud"` with
 * `import * as rediscloud from "@rediscloud/pulumi-rediscloud"` is the whole switch.
 */
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "./provider";
import { Subscription } from "./subscription";
import { SubscriptionDatabase } from "./subscriptionDatabase";
import * as types from "./types";
import * as utilities from "./utilities";

export { Provider, type ProviderArgs } from "./provider";
export { Subscription, type SubscriptionArgs, type SubscriptionState } from "./subscription";
export { SubscriptionDatabase, type SubscriptionDatabaseArgs, type SubscriptionDatabaseState } from "./subscriptionDatabase";
export { types };

// As in a generated SDK: lets the runtime rebuild these resources from a URN (resource references, `Resource`
// outputs of components), and the provider from its package name.
const _module = {
    version: utilities.getVersion(),
    construct: (name: string, type: string, urn: string): pulumi.Resource => {
        switch (type) {
            case Subscription.__pulumiType:
                return new Subscription(name, undefined as any, { urn });
            case SubscriptionDatabase.__pulumiType:
                return new SubscriptionDatabase(name, undefined as any, { urn });
            default:
                throw new Error(`unknown resource type ${type}`);
        }
    },
};
pulumi.runtime.registerResourceModule(utilities.PACKAGE_NAME, "index", _module);
pulumi.runtime.registerResourcePackage(utilities.PACKAGE_NAME, {
    version: utilities.getVersion(),
    constructProvider: (name: string, type: string, urn: string): pulumi.ProviderResource => {
        if (type !== `pulumi:providers:${utilities.PACKAGE_NAME}`) {
            throw new Error(`unknown provider type ${type}`);
        }
        return new Provider(name, undefined, { urn });
    },
});
