/**
 * The account-level S3 Block Public Access, all four settings on: the cloud-side guardrail behind the
 * `aws-s3-public-access-blocked` and `aws-s3-bucket-controls-paired` policies (data policy "02.static-files",
 * "05.encryption-and-access-control"; Security Hub S3.1 / CIS AWS 2.1.4).
 *
 * The policy pack checks each bucket this stack declares. This setting covers every bucket in the account,
 * including ones created by hand, by another stack or later, and it wins over any bucket-level setting or policy
 * that would make one public.
 *
 * | child | setting |
 * |---|---|
 * | `aws.s3.AccountPublicAccessBlock` (`${name}`) | `blockPublicAcls`, `blockPublicPolicy`, `ignorePublicAcls`, `restrictPublicBuckets` all true, on `accountId` |
 *
 * Rights: `s3:PutAccountPublicAccessBlock` in the account (an account-wide setting, not an organization one).
 * Nothing in this stack is public, so turning it on changes no bucket of the stack.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsSchema } from "../../schema/platform";
import { checkArguments } from "../shared/argument-checks";

export interface S3AccountPublicAccessBlockArgs {
    /** The account the setting applies to: the stack's account (`data-platform:aws.accountId`), stated explicitly. */
    readonly accountId: string;
}

export class S3AccountPublicAccessBlock extends pulumi.ComponentResource {
    /** The account whose S3 public access is blocked. */
    public readonly accountId: string;

    public readonly publicAccessBlock: aws.s3.AccountPublicAccessBlock;

    constructor(name: string, args: S3AccountPublicAccessBlockArgs, opts?: pulumi.ComponentResourceOptions) {
        checkArguments("S3AccountPublicAccessBlock", name, opts, [
            {
                field: "accountId",
                value: args.accountId,
                ok: awsSchema.shape.accountId.safeParse(args.accountId).success,
                allowed: "a 12-digit AWS account id, quoted as a string",
            },
        ]);
        super("data-platform:guardrails:S3AccountPublicAccessBlock", name, {}, opts);

        this.publicAccessBlock = new aws.s3.AccountPublicAccessBlock(
            name,
            {
                accountId: args.accountId,
                blockPublicAcls: true,
                blockPublicPolicy: true,
                ignorePublicAcls: true,
                restrictPublicBuckets: true,
            },
            { parent: this },
        );

        this.accountId = args.accountId;
        this.registerOutputs({ accountId: this.accountId });
    }
}
