/**
 * `AtlasLogExport` on its own, with fixture args (data policy "10.staff-access-audit"): the grant on the role Atlas
 * assumes, limited to the audit bucket's `atlas/` prefix and its key, and the push-based export.
 */
import * as aws from "@pulumi/aws";
import * as mongodbatlas from "@pulumi/mongodbatlas";
import { AtlasLogExport } from "../../../infra/components/audit/atlas-log-export";
import type { Recording } from "../../../infra/check/recorder";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { buildAlone } from "../../harness/build-alone";
import { childrenOf, named, providerUrn } from "../../harness/stack";

const KEY = "arn:aws:kms:ap-southeast-2:444455556666:key/fixture";

let rec: Recording;
beforeAll(async () => {
    rec = await buildAlone(
        () =>
            new AtlasLogExport(
                "x",
                { projectId: "fixture-project", bucketName: "fixture-audit", bucketKeyArn: KEY, roleName: "fixture-role", atlasRoleId: "fixture-atlas-role" },
                { providers: [new mongodbatlas.Provider("atlas", {}), new aws.Provider("aws", { region: "ap-southeast-2" })] },
            ),
    );
});

test("the role policy on the AWS provider, the export on the Atlas provider, after the grant", () => {
    const children = childrenOf(rec, named(rec, "x", "data-platform:audit:AtlasLogExport"));
    expect(children.map((c) => ({ type: c.type, name: c.name, provider: providerUrn(c.provider) }))).toEqual([
        { type: "aws:iam/rolePolicy:RolePolicy", name: "x-role-policy", provider: named(rec, "aws", TYPES.awsProvider).urn },
        { type: "mongodbatlas:index/pushBasedLogExport:PushBasedLogExport", name: "x-export", provider: named(rec, "atlas", TYPES.atlasProvider).urn },
    ]);
    expect(children[1]!.dependencies).toContain(children[0]!.urn);
});

test("the export: the project's logs to s3://<audit bucket>/atlas/ through the given Atlas role", () => {
    expect(named(rec, "x-export", "mongodbatlas:index/pushBasedLogExport:PushBasedLogExport").inputs).toEqual({
        projectId: "fixture-project",
        bucketName: "fixture-audit",
        iamRoleId: "fixture-atlas-role",
        prefixPath: "atlas",
    });
});

test("the grant: list the bucket, write and read under atlas/ only, and use the bucket key; nothing else", () => {
    const policy = named(rec, "x-role-policy", "aws:iam/rolePolicy:RolePolicy");
    expect(policy.inputs["role"]).toBe("fixture-role");
    expect(policy.inputs["name"]).toBe("atlas-log-export-to-audit-bucket");
    expect(JSON.parse(policy.inputs["policy"] as string)).toEqual({
        Version: "2012-10-17",
        Statement: [
            { Sid: "LocateAndListTheAuditBucket", Effect: "Allow", Action: ["s3:GetBucketLocation", "s3:ListBucket"], Resource: ["arn:aws:s3:::fixture-audit"] },
            { Sid: "WriteAtlasLogs", Effect: "Allow", Action: ["s3:PutObject", "s3:GetObject"], Resource: ["arn:aws:s3:::fixture-audit/atlas/*"] },
            { Sid: "EncryptWithTheBucketKey", Effect: "Allow", Action: ["kms:GenerateDataKey", "kms:Decrypt"], Resource: [KEY] },
        ],
    });
});
