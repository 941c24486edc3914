/** Stack config for the cloud accounts themselves: which AWS account and GCP project, in which region. */
import { z } from "zod";
import { awsRegion, gcpRegion } from "./common";

/** `data-platform:aws` */
export const awsSchema = z.strictObject({
    /** Region of every AWS resource (the explicit provider's region). */
    region: awsRegion,
    /**
     * The production account. The provider refuses any other (`allowedAccountIds`), and S3 log delivery is
     * scoped to it (`aws:SourceAccount`).
     */
    accountId: z
        .string({ error: "a 12-digit AWS account id, quoted as a string" })
        .regex(/^\d{12}$/, { error: "a 12-digit AWS account id, quoted as a string" }),
});
export type AwsConfig = z.infer<typeof awsSchema>;

/** `data-platform:gcp` */
export const gcpSchema = z.strictObject({
    /** Project id that holds the buckets and keys. */
    project: z
        .string({ error: "a Google Cloud project id (6–30 characters: lower-case letters, digits, '-')" })
        .regex(/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/, {
            error: "a Google Cloud project id (6–30 characters: lower-case letters, digits, '-')",
        }),
    /** Region of every Google Cloud resource. */
    region: gcpRegion,
});
export type GcpConfig = z.infer<typeof gcpSchema>;
