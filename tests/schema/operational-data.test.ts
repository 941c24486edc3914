/**
 * `data-platform:atlas` (infra/schema/operational-data.ts) and the operational-data settings that span config
 * and secrets (infra/areas/operational-data.ts): the prod section validates, and each weakening of
 * the data policy's operational-data clauses is refused with a message naming the key, the bad value and what is
 * allowed, before any resource is registered.
 */
import { atlasSchema } from "../../infra/schema/operational-data";
import type { Registration } from "../../infra/check/recorder";
import { prodConfig, runStackExpectingError, type RunStackOptions } from "../harness/stack";

const SECTION = "data-platform:atlas";
const HEADER_1 = "Invalid stack configuration (1 problem); nothing was deployed:\n";

/** The types registered: a refusal must leave nothing but the root stack. */
function types(registrations: readonly Registration[]): string[] {
    return registrations.map((r) => r.type);
}

/** Runs the prod stack with the atlas section changed, expecting exactly one problem; returns its line. */
async function refusal(mutate: (atlas: Record<string, any>) => void, extra: Omit<RunStackOptions, "mutate"> = {}): Promise<string> {
    const err = await runStackExpectingError({ ...extra, mutate: (c) => mutate(c[SECTION]) });
    expect(types(err.registrations)).toEqual(["pulumi:pulumi:Stack"]);
    expect(err.message.startsWith(HEADER_1)).toBe(true);
    return err.message.slice(HEADER_1.length);
}

describe("the prod section", () => {
    test("validates, with the defaults applied", () => {
        const r = atlasSchema.safeParse(prodConfig()[SECTION]);
        expect(r.error?.issues).toBeUndefined();
        expect(r.data?.cluster.regions).toEqual({
            primary: { name: "AP_SOUTHEAST_2", electableNodes: 3 },
            secondary: { name: "AP_SOUTHEAST_4", electableNodes: 2, readOnlyNodes: 0 },
        });
        expect(r.data?.backup).toEqual({
            dailyRetentionDays: 30,
            hourly: { everyHours: 6, retentionDays: 7 },
            restoreWindowDays: 7,
            snapshotHourUtc: 16,
            copyRegion: "AP_SOUTHEAST_4",
            compliancePolicy: { enabled: false },
        });
        expect(r.data?.alerts).toEqual({
            notification: { type: "EMAIL", emailAddress: "platform-alerts@allotrac.com.au" },
            cpuPercent: 80,
            diskPercent: 80,
        });
    });
});

describe("refusals through the real program (nothing but the root stack is registered)", () => {
    test("a cluster region outside Australia", async () => {
        expect(await refusal((a) => (a.cluster.regions.primary.name = "US_EAST_1"))).toBe(
            '  - data-platform:atlas.cluster.regions.primary.name = "US_EAST_1" is not allowed; expected an Australian Atlas region ' +
                "(AP_SOUTHEAST_2 | AP_SOUTHEAST_4 | AUSTRALIA_SOUTHEAST_1 | AUSTRALIA_SOUTHEAST_2 | AUSTRALIA_EAST | AUSTRALIA_SOUTH_EAST | " +
                "AUSTRALIA_CENTRAL | AUSTRALIA_CENTRAL_2); data policy §02 keeps operational data in Australia.",
        );
    });

    test("a second region outside Australia", async () => {
        expect(await refusal((a) => (a.cluster.regions.secondary.name = "AP_SOUTHEAST_1"))).toContain(
            '  - data-platform:atlas.cluster.regions.secondary.name = "AP_SOUTHEAST_1" is not allowed; expected an Australian Atlas region',
        );
    });

    test("a snapshot copy outside Australia", async () => {
        expect(await refusal((a) => (a.backup.copyRegion = "EU_CENTRAL_1"))).toContain(
            '  - data-platform:atlas.backup.copyRegion = "EU_CENTRAL_1" is not allowed; expected an Australian Atlas region',
        );
    });

    test("a daily retention below the data policy's 30 days", async () => {
        expect(await refusal((a) => (a.backup.dailyRetentionDays = 7))).toBe(
            "  - data-platform:atlas.backup.dailyRetentionDays = 7 is not allowed; expected 30: data policy §02 and §06 publish a " +
                "30-day retention period for daily backups of operational data, so neither fewer nor more days.",
        );
    });

    test("a daily retention above the data policy's 30 days", async () => {
        expect(await refusal((a) => (a.backup.dailyRetentionDays = 35))).toBe(
            "  - data-platform:atlas.backup.dailyRetentionDays = 35 is not allowed; expected 30: data policy §02 and §06 publish a " +
                "30-day retention period for daily backups of operational data, so neither fewer nor more days.",
        );
    });

    test("an IP access list open to the internet", async () => {
        expect(await refusal((a) => (a.ipAccessList[0].cidr = "0.0.0.0/0"))).toBe(
            '  - data-platform:atlas.ipAccessList[0].cidr = "0.0.0.0/0" is not allowed; expected an IPv4 CIDR block naming a network: a public block no wider than /24, or a private RFC 1918 block no wider than /16; never 0.0.0.0/0 (data policy §03).',
        );
    });

    test("a public range wider than /24", async () => {
        expect(await refusal((a) => (a.ipAccessList[0].cidr = "52.64.0.0/16"))).toBe(
            '  - data-platform:atlas.ipAccessList[0].cidr = "52.64.0.0/16" is not allowed; expected an IPv4 CIDR block naming a network: a public block no wider than /24, or a private RFC 1918 block no wider than /16; never 0.0.0.0/0 (data policy §03).',
        );
    });

    test("fewer than 3 electable nodes in the primary region", async () => {
        expect(await refusal((a) => (a.cluster.regions.primary.electableNodes = 2))).toBe(
            "  - data-platform:atlas.cluster.regions.primary.electableNodes = 2 is not allowed; expected a whole number from 3 to 7; " +
                "a replica set that survives the loss of a node needs at least 3 (data policy §06 failover).",
        );
    });

    test("an even number of electable nodes across the two regions", async () => {
        expect(await refusal((a) => (a.cluster.regions.secondary.electableNodes = 1))).toBe(
            "  - data-platform:atlas.cluster.regions.secondary.electableNodes = 1 is not allowed; expected a number that makes the " +
                "replica set's electable nodes 3, 5 or 7 in total (primary region has 3; Atlas requires an odd total of at most 7).",
        );
    });

    test("a snapshot copy to the cluster's own primary region", async () => {
        expect(await refusal((a) => (a.backup.copyRegion = "AP_SOUTHEAST_2"))).toBe(
            '  - data-platform:atlas.backup.copyRegion = "AP_SOUTHEAST_2" is not allowed; expected an Australian region other than the ' +
                "cluster's primary region (a copy in the same region does not survive its loss).",
        );
    });

    test("a snapshot copy to another cloud", async () => {
        expect(await refusal((a) => (a.backup.copyRegion = "AUSTRALIA_EAST"))).toBe(
            '  - data-platform:atlas.backup.copyRegion = "AUSTRALIA_EAST" is not allowed; expected an Australian region on the primary ' +
                "region's cloud (AWS): Atlas copies snapshots within one cloud provider.",
        );
    });

    test("a point-in-time window longer than the hourly snapshots are kept", async () => {
        expect(await refusal((a) => (a.backup.restoreWindowDays = 10))).toBe(
            "  - data-platform:atlas.backup.restoreWindowDays = 10 is not allowed; expected at most the hourly snapshots' retention " +
                "(7 days): Atlas restores a point in time from the snapshot before it.",
        );
    });

    test("a shared-tier cluster (no cloud backup schedule, no customer key)", async () => {
        expect(await refusal((a) => (a.cluster.instanceSize = "M0"))).toBe(
            '  - data-platform:atlas.cluster.instanceSize = "M0" is not allowed; expected an Atlas dedicated cluster tier of M10 or larger, ' +
                "such as M30, R40 or M40_NVME (shared and Flex tiers have no cloud backup schedule or customer-key encryption: data policy §05, §06).",
        );
    });

    test("an admin role for an application", async () => {
        expect(await refusal((a) => (a.databaseUsers[0].roles[0].role = "atlasAdmin"))).toBe(
            '  - data-platform:atlas.databaseUsers[0].roles[0].role = "atlasAdmin" is not allowed; expected read or readWrite ' +
                "(applications get no admin or *AnyDatabase role: data policy §03).",
        );
    });

    test("a role on a system database", async () => {
        expect(await refusal((a) => (a.databaseUsers[0].roles[0].database = "admin"))).toBe(
            '  - data-platform:atlas.databaseUsers[0].roles[0].database = "admin" is not allowed; expected an application database name ' +
                '(1–63 characters, none of / \\ . " $ or spaces; not admin, local or config).',
        );
    });

    test("a Backup Compliance Policy switched on without the person authorized to change it", async () => {
        expect(await refusal((a) => (a.backup.compliancePolicy = { enabled: true }))).toBe(
            '  - data-platform:atlas.backup.compliancePolicy = {"enabled":true} is not allowed; expected an authorizedUser ' +
                "{firstName, lastName, email} when the compliance policy is enabled (Atlas requires the person who may change it).",
        );
    });

    test("an unknown notification type", async () => {
        expect(await refusal((a) => (a.alerts.notification = { type: "SMS", mobileNumber: "+61400000000" }))).toBe(
            '  - data-platform:atlas.alerts.notification.type = "SMS" is not allowed; expected a ' +
                "notification target: {type: EMAIL, emailAddress}, {type: PAGER_DUTY} or {type: SLACK, channelName}.",
        );
    });

    test("a Slack target without its channel", async () => {
        expect(await refusal((a) => (a.alerts.notification = { type: "SLACK" }))).toBe(
            "  - data-platform:atlas.alerts.notification.channelName is not set; expected a Slack channel name, such as #data-platform-alerts.",
        );
    });

    test("a misspelt key names the keys that are allowed", async () => {
        expect(
            await refusal((a) => {
                a.backup.dailyRetention = a.backup.dailyRetentionDays;
            }),
        ).toBe(
            "  - data-platform:atlas.backup.dailyRetention is not a known key; expected one of dailyRetentionDays, hourly, " +
                "restoreWindowDays, snapshotHourUtc, copyRegion, compliancePolicy (check the spelling).",
        );
    });
});

describe("refusals that span config and secrets (checked before anything is registered, too)", () => {
    test("a PagerDuty target without its service key", async () => {
        expect(await refusal((a) => (a.alerts.notification = { type: "PAGER_DUTY" }))).toBe(
            "  - data-platform:atlasAlertToken is not set; expected the PagerDuty service key that Atlas alerts are sent with " +
                "(data-platform:atlas.alerts.notification.type is PAGER_DUTY), set with `pulumi config set --secret data-platform:atlasAlertToken`.",
        );
    });

    test("half of the Atlas API key pair", async () => {
        expect(await refusal(() => undefined, { secrets: { "mongodbatlas:publicKey": "offline-test-public-key" } })).toBe(
            "  - mongodbatlas:privateKey is not set; expected a secret set together with mongodbatlas:publicKey: the provider uses " +
                "configured credentials only as a pair, and with one half takes the rest from the environment, possibly another account's " +
                "(set both with `pulumi config set --secret`, or neither and export MONGODB_ATLAS_PRIVATE_KEY and MONGODB_ATLAS_PUBLIC_KEY).",
        );
    });

    test("an Atlas private key written in plain text", async () => {
        const err = await runStackExpectingError({ mutate: (c) => (c["mongodbatlas:privateKey"] = "offline-test-plain-private-key") });
        expect(types(err.registrations)).toEqual(["pulumi:pulumi:Stack"]);
        expect(err.message).toContain(
            "  - mongodbatlas:privateKey = (a plain-text value, not shown) is not allowed; expected a secret: remove it from the stack " +
                "file and run `pulumi config set --secret mongodbatlas:privateKey`.",
        );
        expect(err.message).not.toContain("offline-test-plain-private-key");
    });

    test("an application IAM role from another AWS account", async () => {
        expect(await refusal((a) => (a.databaseUsers[1].awsIamRoleArn = "arn:aws:iam::444455556666:role/allotrac-prod-reporting"))).toBe(
            '  - data-platform:atlas.databaseUsers[1].awsIamRoleArn = "arn:aws:iam::444455556666:role/allotrac-prod-reporting" is not ' +
                "allowed; expected an IAM role in the production AWS account 111122223333 (data-platform:aws.accountId).",
        );
    });
});
