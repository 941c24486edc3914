/**
 * `infra/config.ts`: the prod config validates, and each failure mode stops the program before any resource
 * is registered, with a message naming the key, the bad value and what is allowed.
 */
import { describeIssue } from "../infra/config";
import type { Registration } from "../infra/check/recorder";
import { runProgram } from "../infra/check/recorder";
import { prodConfig, runStack, runStackExpectingError } from "./harness/stack";

/** Nothing but the root stack resource (which the runtime creates before the program runs). */
function resourcesOtherThanStack(registrations: readonly Registration[]): string[] {
    return registrations.filter((r) => r.type !== "pulumi:pulumi:Stack").map((r) => `${r.type}::${r.name}`);
}

test("the prod config passes validation, and defaults are applied", async () => {
    const captured: unknown[] = [];
    await runProgram(
        () => {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            captured.push(require("../infra/config").loadConfig());
        },
        { project: "data-platform", stack: "prod", config: prodConfig() },
    );
    expect(captured[0]).toMatchObject({
        aws: { region: "ap-southeast-2", accountId: "111122223333" },
        gcp: { project: "allotrac-data-prod", region: "australia-southeast1" },
        staticFiles: {
            s3: { accessLogRetentionDays: 400, accessLogBucketName: "allotrac-prod-s3-access-logs-apse2" },
            gcs: { keyRotationDays: 90, softDeleteRetentionDays: 7 },
        },
        audit: { retentionDays: 400, bucketName: "allotrac-prod-audit-logs-apse2", trailName: "allotrac-prod-audit" },
    });
});

describe("refusals (each before any resource is registered)", () => {
    test("a non-Australian AWS region", async () => {
        const err = await runStackExpectingError({ mutate: (c) => (c["data-platform:aws"].region = "us-east-1") });
        expect(err.message).toBe(
            "Invalid stack configuration (1 problem); nothing was deployed:\n" +
                '  - data-platform:aws.region = "us-east-1" is not allowed; expected an Australian AWS region (ap-southeast-2 | ap-southeast-4); data policy §02 keeps data in Australia.',
        );
        expect(resourcesOtherThanStack(err.registrations)).toEqual([]);
    });

    test("a non-Australian Google Cloud region", async () => {
        const err = await runStackExpectingError({ mutate: (c) => (c["data-platform:gcp"].region = "europe-west3") });
        expect(err.message).toContain(
            '  - data-platform:gcp.region = "europe-west3" is not allowed; expected an Australian Google Cloud region (australia-southeast1 | australia-southeast2); data policy §02 keeps data in Australia.',
        );
        expect(resourcesOtherThanStack(err.registrations)).toEqual([]);
    });

    test("a missing key", async () => {
        const err = await runStackExpectingError({ mutate: (c) => delete c["data-platform:aws"].accountId });
        expect(err.message).toContain("  - data-platform:aws.accountId is not set; expected a 12-digit AWS account id, quoted as a string.");
        expect(resourcesOtherThanStack(err.registrations)).toEqual([]);
    });

    test("a missing section", async () => {
        const err = await runStackExpectingError({ mutate: (c) => delete c["data-platform:gcp"] });
        expect(err.message).toContain("  - data-platform:gcp is not set; expected an object.");
        expect(resourcesOtherThanStack(err.registrations)).toEqual([]);
    });

    test("a wrong type (an unquoted account id is a number)", async () => {
        const err = await runStackExpectingError({ mutate: (c) => (c["data-platform:aws"].accountId = 111122223333) });
        expect(err.message).toContain(
            "  - data-platform:aws.accountId = 111122223333 is not allowed; expected a 12-digit AWS account id, quoted as a string.",
        );
    });

    test("a misspelt key names the keys that are allowed", async () => {
        const err = await runStackExpectingError({
            mutate: (c) => {
                c["data-platform:staticFiles"].gcs.keyRotationDay = 30;
            },
        });
        expect(err.message).toContain(
            "  - data-platform:staticFiles.gcs.keyRotationDay is not a known key; expected one of buckets, keyRotationDays, softDeleteRetentionDays (check the spelling).",
        );
    });

    test("a key rotation period above 90 days", async () => {
        const err = await runStackExpectingError({ mutate: (c) => (c["data-platform:staticFiles"].gcs.keyRotationDays = 365) });
        expect(err.message).toContain(
            "  - data-platform:staticFiles.gcs.keyRotationDays = 365 is not allowed; expected a whole number from 1 to 90; CIS GCP Foundations requires KMS key rotation at least every 90 days.",
        );
    });

    test("an audit retention below the 400-day floor", async () => {
        const err = await runStackExpectingError({ mutate: (c) => (c["data-platform:audit"].retentionDays = 399) });
        expect(err.message).toBe(
            "Invalid stack configuration (1 problem); nothing was deployed:\n" +
                "  - data-platform:audit.retentionDays = 399 is not allowed; expected a whole number from 400 to 3650; the audit trails of data policy §10 are kept at least 400 days.",
        );
        expect(resourcesOtherThanStack(err.registrations)).toEqual([]);
    });

    test("an audit retention above what a Cloud Logging bucket keeps, or not whole", async () => {
        const above = await runStackExpectingError({ mutate: (c) => (c["data-platform:audit"].retentionDays = 3651) });
        expect(above.message).toContain("  - data-platform:audit.retentionDays = 3651 is not allowed; expected a whole number from 400 to 3650;");
        const fraction = await runStackExpectingError({ mutate: (c) => (c["data-platform:audit"].retentionDays = 400.5) });
        expect(fraction.message).toContain("  - data-platform:audit.retentionDays = 400.5 is not allowed; expected a whole number from 400 to 3650;");
    });

    test("no audit retention: there is no default, the stack file records the decision", async () => {
        const err = await runStackExpectingError({ mutate: (c) => delete c["data-platform:audit"].retentionDays });
        expect(err.message).toContain(
            "  - data-platform:audit.retentionDays is not set; expected a whole number from 400 to 3650; the audit trails of data policy §10 are kept at least 400 days.",
        );
    });

    test("an Auth0 log stream to another account or region than the stack's AWS provider (nothing would keep it)", async () => {
        const err = await runStackExpectingError({
            mutate: (c) => {
                c["data-platform:auth0"].logStream.awsAccountId = "999988887777";
                c["data-platform:aws"].region = "ap-southeast-4";
            },
        });
        expect(err.message).toBe(
            "Invalid stack configuration (2 problems); nothing was deployed:\n" +
                '  - data-platform:auth0.logStream.awsAccountId = "999988887777" is not allowed; expected data-platform:aws.accountId ("111122223333"): the stack keeps the audit log stream with its own AWS provider.\n' +
                '  - data-platform:auth0.logStream.awsRegion = "ap-southeast-2" is not allowed; expected data-platform:aws.region ("ap-southeast-4"): the stack keeps the audit log stream with its own AWS provider.',
        );
        expect(resourcesOtherThanStack(err.registrations)).toEqual([]);
    });

    test("two buckets with the same logical key", async () => {
        const err = await runStackExpectingError({
            mutate: (c) => c["data-platform:staticFiles"].s3.buckets.push({ key: "documents", name: "other-bucket-name", purpose: "A second bucket" }),
        });
        expect(err.message).toContain(
            '  - data-platform:staticFiles.s3.buckets[2].key = "documents" is not allowed; expected a key not used by another entry of this list.',
        );
    });

    test("an invalid bucket name", async () => {
        const err = await runStackExpectingError({
            mutate: (c) => (c["data-platform:staticFiles"].s3.buckets[0].name = "Allotrac_Docs"),
        });
        expect(err.message).toContain(
            '  - data-platform:staticFiles.s3.buckets[0].name = "Allotrac_Docs" is not allowed; expected an S3 bucket name: 3–63 lower-case letters, digits, \'-\' and \'.\', starting and ending with a letter or digit.',
        );
    });

    test("every problem is reported at once", async () => {
        const err = await runStackExpectingError({
            mutate: (c) => {
                c["data-platform:aws"].region = "eu-central-1";
                c["data-platform:gcp"].region = "us-central1";
            },
        });
        expect(err.message.split("\n")[0]).toBe("Invalid stack configuration (2 problems); nothing was deployed:");
        expect(err.message).toContain("data-platform:aws.region");
        expect(err.message).toContain("data-platform:gcp.region");
    });
});

test("describeIssue never shows an unset value as a value", () => {
    expect(describeIssue({ key: "data-platform:x", value: undefined, expected: "a thing" })).toBe("data-platform:x is not set; expected a thing.");
    expect(describeIssue({ key: "data-platform:x", value: '"y"', expected: "a thing" })).toBe('data-platform:x = "y" is not allowed; expected a thing.');
});

test("the prod stack runs with the valid config", async () => {
    const rec = await runStack();
    expect(resourcesOtherThanStack(rec.registrations).length).toBeGreaterThan(0);
});

describe("placeholders (infra/schema/placeholders.ts) and deploy checks", () => {
    const ORG_KEYS = { "data-platform:atlasOrgPublicKey": "offline-org-public", "data-platform:atlasOrgPrivateKey": "offline-org-private" };
    const run = (preview: boolean, secrets: Record<string, string> = {}, mutate?: (c: Record<string, any>) => void) => {
        const config = { ...prodConfig(), ...secrets };
        mutate?.(config);
        return runProgram(
            () => {
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                return { loaded: Object.keys(require("../infra/config").loadConfig()).length };
            },
            { project: "data-platform", stack: "prod", config, secretKeys: Object.keys(secrets), preview },
        );
    };
    const upError = (secrets: Record<string, string> = {}, mutate?: (c: Record<string, any>) => void) =>
        run(false, secrets, mutate).then(
            () => undefined,
            (e: Error & { registrations: Registration[] }) => e,
        );
    const ORG_KEY_EXPECTED = (key: string, half: string) =>
        `  - ${key} is not set; expected the ${half} key of an Atlas Organization Owner API key, set with \`pulumi config set --secret ${key}\`: ` +
        "data-platform:atlas.resourcePolicy.enabled is true, and the org-level provider atlas-org creates the Resource Policy with its own key, " +
        'never the workload key (docs/guardrails.md "Org-level providers").';

    afterEach(() => {
        delete process.env["PULUMI_NODEJS_MONITOR"];
    });

    test("offline (under mocks) the prod stack loads with its placeholders: previews and checks need them", async () => {
        await expect(run(false)).resolves.toMatchObject({ outputs: { loaded: 9 } });
    });

    test("a real pulumi up refuses every placeholder, and the org-level Atlas key while it is missing, before anything is registered", async () => {
        process.env["PULUMI_NODEJS_MONITOR"] = "127.0.0.1:1"; // what the language host sets for an engine run
        const err = await upError();
        const lines = err!.message.split("\n");
        expect(lines.slice(-2)).toEqual([
            ORG_KEY_EXPECTED("data-platform:atlasOrgPublicKey", "public"),
            ORG_KEY_EXPECTED("data-platform:atlasOrgPrivateKey", "private"),
        ]);
        expect(lines.filter((l) => l.includes("is a placeholder") || l.includes("this is a placeholder")).map((l) => l.split(" = ")[0])).toEqual([
            "  - data-platform:atlas.orgId",
            "  - data-platform:atlas.ipAccessList[0].cidr",
            "  - data-platform:atlas.databaseUsers[0].awsIamRoleArn",
            "  - data-platform:atlas.databaseUsers[1].awsIamRoleArn",
            "  - data-platform:auth0.clientId",
            "  - data-platform:auth0.logStream.awsAccountId",
            "  - data-platform:aws.accountId",
            "  - data-platform:guardrails.aws.regionDenyScp.targetId",
            "  - data-platform:guardrails.aws.regionDenyScp.organizationsRoleArn",
            "  - data-platform:guardrails.gcp.orgPolicies.parent",
            "  - data-platform:guardrails.gcp.orgPolicies.policyAdminServiceAccount",
            "  - data-platform:redis.subscription.paymentMethodId",
            "  - data-platform:redis.database.sourceIps[1]",
        ]);
        expect(resourcesOtherThanStack(err!.registrations)).toEqual([]);
        expect(err?.message.split("\n").slice(0, 3)).toEqual([
            "Invalid stack configuration (15 problems); nothing was deployed:",
            '  - data-platform:atlas.orgId = "000000000000000000000000" is not allowed; expected the real production value: this is a placeholder (an all-zero id); see README "Before the first pulumi up".',
            '  - data-platform:atlas.ipAccessList[0].cidr = "203.0.113.16/28" is not allowed; expected the real production value: this is a placeholder (an RFC 5737 documentation address range, which no real network uses); see README "Before the first pulumi up".',
        ]);
        expect(resourcesOtherThanStack(err!.registrations)).toEqual([]);
    });

    test("a real pulumi preview only warns, listing the placeholders and the missing org-level key", async () => {
        process.env["PULUMI_NODEJS_MONITOR"] = "127.0.0.1:1";
        // The warnings go to the engine's log, which pulumi preview prints; the offline run keeps them for the report.
        const rec = await run(true);
        expect(rec.outputs).toMatchObject({ loaded: 9 });
        expect(rec.messages.map((m) => [m.severity, m.message.split(": data-platform:")[0]])).toEqual([
            ["warning", "These values are placeholders; replace them before the first pulumi up"],
            ["warning", "pulumi up will refuse to run until these are set"],
        ]);
        expect(rec.messages[0]!.message).toContain('data-platform:aws.accountId = "111122223333"');
        expect(rec.messages[1]!.message).toContain("data-platform:atlasOrgPublicKey is not set; expected the public key of an Atlas Organization Owner API key");
    });

    test("with the org-level Atlas key set, pulumi up refuses only the placeholders", async () => {
        process.env["PULUMI_NODEJS_MONITOR"] = "127.0.0.1:1";
        const err = await upError(ORG_KEYS);
        expect(err!.message.split("\n")[0]).toBe("Invalid stack configuration (13 problems); nothing was deployed:");
        expect(err!.message).not.toContain("atlasOrg");
    });

    test("with the Resource Policy off, the org-level Atlas key is not needed", async () => {
        process.env["PULUMI_NODEJS_MONITOR"] = "127.0.0.1:1";
        const err = await upError({}, (c) => (c["data-platform:atlas"].resourcePolicy.enabled = false));
        expect(err!.message.split("\n")[0]).toBe("Invalid stack configuration (13 problems); nothing was deployed:");
        expect(err!.message).not.toContain("atlasOrg");
    });

    test("half the org-level key pair is refused at once, at preview too, naming the missing half", async () => {
        process.env["PULUMI_NODEJS_MONITOR"] = "127.0.0.1:1";
        const err = await run(true, { "data-platform:atlasOrgPublicKey": "offline-org-public" }).then(
            () => undefined,
            (e: Error) => e,
        );
        expect(err!.message.split("\n")).toEqual([
            "Invalid stack configuration (1 problem); nothing was deployed:",
            "  - data-platform:atlasOrgPrivateKey is not set; expected a secret set together with data-platform:atlasOrgPublicKey: the provider uses " +
                "configured credentials only as a pair, and with one half takes the rest from the environment, possibly another account's " +
                "(set both with `pulumi config set --secret`).",
        ]);
    });
});
