/**
 * The benchmark's generated stack: the real EncryptedS3Bucket component, repeated. Each data bucket is one
 * component and ten resources, all paired by the S3 stack policies, so this exercises exactly what grows with a
 * real estate: registrations, per-resource Analyze calls and the linear pairing of side resources to buckets.
 * Config `bench:buckets` is the number of data buckets.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { EncryptedS3Bucket } from "../../components/static-files/encrypted-s3-bucket";

export = async function main() {
    const count = new pulumi.Config("bench").requireNumber("buckets");
    const names = Array.from({ length: count }, (_, i) => `bench-data-${String(i).padStart(5, "0")}`);
    const provider = new aws.Provider("aws-au", { region: "ap-southeast-2" });
    const logs = new EncryptedS3Bucket(
        "s3-access-logs",
        {
            bucketName: "bench-access-logs",
            purpose: "Benchmark access logs",
            role: { kind: "access-log-target", sourceBucketNames: names, sourceAccountId: "111122223333", retentionDays: 365 },
        },
        { providers: [provider] },
    );
    for (const name of names) {
        new EncryptedS3Bucket(
            name,
            {
                bucketName: name,
                purpose: "Benchmark data bucket",
                role: { kind: "data", accessLogs: { bucketName: logs.bucketName }, key: { accountId: "111122223333", region: "ap-southeast-2" } },
            },
            { providers: [provider] },
        );
    }
};
