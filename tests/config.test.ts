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

describe("placeholders (infra/schema/placeholders.ts)", () => {
    const run = (preview: boolean) =>
        runProgram(
            () => {
                // eslint-disable-next-line @typescript-eslint/no-require-imports
                return { loaded: Object.keys(require("../infra/config").loadConfig()).length };
            },
            { project: "data-platform", stack: "prod", config: prodConfig(), preview },
        );

    afterEach(() => {
        delete process.env["PULUMI_NODEJS_MONITOR"];
    });

    test("offline (under mocks) the prod stack loads with its placeholders: previews and checks need them", async () => {
        await expect(run(false)).resolves.toMatchObject({ outputs: { loaded: 8 } });
    });

    test("a real pulumi up refuses every placeholder, before anything is registered", async () => {
        process.env["PULUMI_NODEJS_MONITOR"] = "127.0.0.1:1"; // what the language host sets for an engine run
        const err = await run(false).then(
            () => undefined,
            (e: Error & { registrations: Registration[] }) => e,
        );
        expect(err?.message.split("\n").slice(0, 3)).toEqual([
            "Invalid stack configuration (11 problems); nothing was deployed:",
            '  - data-platform:atlas.orgId = "000000000000000000000000" is not allowed; expected the real production value: this is a placeholder (an all-zero id); see README "Before the first pulumi up".',
            '  - data-platform:atlas.ipAccessList[0].cidr = "203.0.113.16/28" is not allowed; expected the real production value: this is a placeholder (an RFC 5737 documentation address range, which no real network uses); see README "Before the first pulumi up".',
        ]);
        expect(resourcesOtherThanStack(err!.registrations)).toEqual([]);
    });

    test("a real pulumi preview only warns, listing them", async () => {
        process.env["PULUMI_NODEJS_MONITOR"] = "127.0.0.1:1";
        // The warning goes to the engine's log, which pulumi preview prints; the offline run keeps it for the report.
        const rec = await run(true);
        expect(rec.outputs).toMatchObject({ loaded: 8 });
        expect(rec.messages.map((m) => [m.severity, m.message.split(": data-platform:")[0]])).toEqual([
            ["warning", "These values are placeholders; replace them before the first pulumi up"],
        ]);
        expect(rec.messages[0]!.message).toContain('data-platform:aws.accountId = "111122223333"');
    });
});
