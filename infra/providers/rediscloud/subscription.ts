// The `Subscription` resource of the Redis Cloud provider: token, inputs, outputs and secrets from its published
// schema (v1.3.5), written in the shape of Pulumi's Node.js code generator. See ./README.md.
import * as pulumi from "@pulumi/pulumi";
import * as inputs from "./types/input";
import * as outputs from "./types/output";
import * as utilities from "./utilities";

/**
 * A Redis Cloud Pro ("Flexible") subscription: the cloud, region, networking and capacity plan its databases run on.
 *
 * ## Import
 *
 * `rediscloud_subscription` can be imported using the ID of the subscription, e.g.
 *
 * ```sh
 *  $ pulumi import rediscloud:index/subscription:Subscription subscription-resource 12345678
 * ```
 *  ~> __Note:__ the creation_plan block will be ignored during imports.
 */
export class Subscription extends pulumi.CustomResource {
    /**
     * Get an existing Subscription resource's state with the given name, ID, and optional extra
     * properties used to qualify the lookup.
     *
     * @param name The _unique_ name of the resulting resource.
     * @param id The _unique_ provider ID of the resource to lookup.
     * @param state Any extra arguments used during the lookup.
     * @param opts Optional settings to control the behavior of the CustomResource.
     */
    public static get(name: string, id: pulumi.Input<pulumi.ID>, state?: SubscriptionState, opts?: pulumi.CustomResourceOptions): Subscription {
        return new Subscription(name, state as any, { ...opts, id: id });
    }

    /** @internal */
    public static readonly __pulumiType = "rediscloud:index/subscription:Subscription";

    /**
     * Returns true if the given object is an instance of Subscription.  This is designed to work even
     * when multiple copies of the Pulumi SDK have been loaded into the same process.
     */
    public static isInstance(obj: any): obj is Subscription {
        if (obj === undefined || obj === null) {
            return false;
        }
        return obj["__pulumiType"] === Subscription.__pulumiType;
    }

    // `declare`: the values are assigned by the base constructor (super), so the fields must not be re-initialised
    // after it, which an emitted ES2022 class field would do.
    /**
     * An allowlist object, documented below
     */
    public declare readonly allowlist: pulumi.Output<outputs.SubscriptionAllowlist | undefined>;
    /**
     * A cloud provider object, documented below. **Modifying this attribute will force creation of a new resource.**
     */
    public declare readonly cloudProvider: pulumi.Output<outputs.SubscriptionCloudProvider>;
    /**
     * A creation plan object, documented below
     */
    public declare readonly creationPlan: pulumi.Output<outputs.SubscriptionCreationPlan | undefined>;
    /**
     * Memory storage preference: either ‘ram’ or a combination of ‘ram-and-flash’. Default: ‘ram’. **Modifying this attribute will force creation of a new resource.**
     */
    public declare readonly memoryStorage: pulumi.Output<string | undefined>;
    /**
     * A meaningful name to identify the subscription
     */
    public declare readonly name: pulumi.Output<string>;
    /**
     * The payment method for the requested subscription, (either `credit-card` or `marketplace`). If `credit-card` is specified, `payment_method_id` must be defined. Default: 'credit-card'. **Modifying this attribute will force creation of a new resource.**
     */
    public declare readonly paymentMethod: pulumi.Output<string | undefined>;
    /**
     * A valid payment method pre-defined in the current account. This value is __Optional__ for AWS/GCP Marketplace accounts, but __Required__ for all other account types
     */
    public declare readonly paymentMethodId: pulumi.Output<string>;

    /**
     * Create a Subscription resource with the given unique name, arguments, and options.
     *
     * @param name The _unique_ name of the resource.
     * @param args The arguments to use to populate this resource's properties.
     * @param opts A bag of options that control this resource's behavior.
     */
    constructor(name: string, args: SubscriptionArgs, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, argsOrState?: SubscriptionArgs | SubscriptionState, opts?: pulumi.CustomResourceOptions) {
        let resourceInputs: pulumi.Inputs = {};
        opts = opts || {};
        if (opts.id) {
            const state = argsOrState as SubscriptionState | undefined;
            resourceInputs["allowlist"] = state ? state.allowlist : undefined;
            resourceInputs["cloudProvider"] = state ? state.cloudProvider : undefined;
            resourceInputs["creationPlan"] = state ? state.creationPlan : undefined;
            resourceInputs["memoryStorage"] = state ? state.memoryStorage : undefined;
            resourceInputs["name"] = state ? state.name : undefined;
            resourceInputs["paymentMethod"] = state ? state.paymentMethod : undefined;
            resourceInputs["paymentMethodId"] = state ? state.paymentMethodId : undefined;
        } else {
            const args = argsOrState as SubscriptionArgs | undefined;
            if ((!args || args.cloudProvider === undefined) && !opts.urn) {
                throw new Error("Missing required property 'cloudProvider'");
            }
            resourceInputs["allowlist"] = args ? args.allowlist : undefined;
            resourceInputs["cloudProvider"] = args ? args.cloudProvider : undefined;
            resourceInputs["creationPlan"] = args ? args.creationPlan : undefined;
            resourceInputs["memoryStorage"] = args ? args.memoryStorage : undefined;
            resourceInputs["name"] = args ? args.name : undefined;
            resourceInputs["paymentMethod"] = args ? args.paymentMethod : undefined;
            resourceInputs["paymentMethodId"] = args ? args.paymentMethodId : undefined;
        }
        opts = pulumi.mergeOptions(utilities.resourceOptsDefaults(), opts);
        super(Subscription.__pulumiType, name, resourceInputs, opts);
    }
}

/**
 * Input properties used for looking up and filtering Subscription resources.
 */
export interface SubscriptionState {
    /**
     * An allowlist object, documented below
     */
    allowlist?: pulumi.Input<inputs.SubscriptionAllowlist>;
    /**
     * A cloud provider object, documented below. **Modifying this attribute will force creation of a new resource.**
     */
    cloudProvider?: pulumi.Input<inputs.SubscriptionCloudProvider>;
    /**
     * A creation plan object, documented below
     */
    creationPlan?: pulumi.Input<inputs.SubscriptionCreationPlan>;
    /**
     * Memory storage preference: either ‘ram’ or a combination of ‘ram-and-flash’. Default: ‘ram’. **Modifying this attribute will force creation of a new resource.**
     */
    memoryStorage?: pulumi.Input<string>;
    /**
     * A meaningful name to identify the subscription
     */
    name?: pulumi.Input<string>;
    /**
     * The payment method for the requested subscription, (either `credit-card` or `marketplace`). If `credit-card` is specified, `payment_method_id` must be defined. Default: 'credit-card'. **Modifying this attribute will force creation of a new resource.**
     */
    paymentMethod?: pulumi.Input<string>;
    /**
     * A valid payment method pre-defined in the current account. This value is __Optional__ for AWS/GCP Marketplace accounts, but __Required__ for all other account types
     */
    paymentMethodId?: pulumi.Input<string>;
}

/**
 * The set of arguments for constructing a Subscription resource.
 */
export interface SubscriptionArgs {
    /**
     * An allowlist object, documented below
     */
    allowlist?: pulumi.Input<inputs.SubscriptionAllowlist>;
    /**
     * A cloud provider object, documented below. **Modifying this attribute will force creation of a new resource.**
     */
    cloudProvider: pulumi.Input<inputs.SubscriptionCloudProvider>;
    /**
     * A creation plan object, documented below
     */
    creationPlan?: pulumi.Input<inputs.SubscriptionCreationPlan>;
    /**
     * Memory storage preference: either ‘ram’ or a combination of ‘ram-and-flash’. Default: ‘ram’. **Modifying this attribute will force creation of a new resource.**
     */
    memoryStorage?: pulumi.Input<string>;
    /**
     * A meaningful name to identify the subscription
     */
    name?: pulumi.Input<string>;
    /**
     * The payment method for the requested subscription, (either `credit-card` or `marketplace`). If `credit-card` is specified, `payment_method_id` must be defined. Default: 'credit-card'. **Modifying this attribute will force creation of a new resource.**
     */
    paymentMethod?: pulumi.Input<string>;
    /**
     * A valid payment method pre-defined in the current account. This value is __Optional__ for AWS/GCP Marketplace accounts, but __Required__ for all other account types
     */
    paymentMethodId?: pulumi.Input<string>;
}
