/**
 * The processor register (infra/processors.ts; data policy "02.analytics-support-data", "04.allie-openai",
 * "07.third-party-services", "08.no-third-party-sharing"; APP 8): it holds every vendor the data policy names,
 * read out of the clause text itself, and its entries agree with themselves and with the stack.
 */
import { CLAUSES, type ClauseId } from "../infra/clauses";
import type { Recording } from "../infra/check/recorder";
import {
    PROCESSORS,
    processor,
    processorsAllowing,
    processorsByCountry,
    processorsByProvisioning,
    type Processor,
} from "../infra/processors";
import { AU_EVENTBRIDGE_REGIONS } from "../infra/schema/identity";
import { runStack } from "./harness/stack";

/** The processor the data policy calls `vendor` (one of its `namedAs`), or `undefined`. */
function namedBy(vendor: string): Processor[] {
    return PROCESSORS.filter((p) => p.namedAs.includes(vendor));
}

/** The text of a clause after its last colon ("…: A, B, C" or "…: X for y. Z for w."). */
function afterColon(id: ClauseId): string {
    const text: string = CLAUSES[id].text;
    return text.slice(text.lastIndexOf(":") + 1).trim();
}

/**
 * Every vendor the data policy names, read from the clauses: the §02 analytics list, the §07 list ("X for …",
 * "AWS S3 / GCP Cloud Buckets for …"), and the clauses that name one vendor each.
 */
function vendorsInThePolicy(): string[] {
    const analytics = afterColon("02.analytics-support-data").split(", ");
    const thirdParty = afterColon("07.third-party-services")
        .split(/\.\s*/)
        .filter((s) => s.includes(" for "))
        .flatMap((s) => s.slice(0, s.indexOf(" for ")).split(" / "));
    const single: [ClauseId, RegExp][] = [
        ["02.operational-data", /in an (Atlas-hosted MongoDB) cluster/],
        ["02.ephemeral-data", /using an (Enterprise Redis) cluster/],
        ["02.identity-data", /Managed through (\w+)\./],
        ["02.billing-data", /Handled through (\w+),/],
        ["02.embedded-finance-data", /Managed via (\w+),/],
        ["02.static-files", /combination of (AWS S3) and (Google Cloud Buckets)\./],
        ["04.allie-openai", /passed to (\w+) for/],
        ["06.operational-backup", /in an (Atlas MongoDB) cluster/],
        ["06.ephemeral-retention", /Managed in (Redis),/],
    ];
    const named = single.flatMap(([id, re]) => {
        const m = re.exec(CLAUSES[id].text);
        if (!m) throw new Error(`clause ${id} no longer reads as expected (${re}); update this test with the policy`);
        return m.slice(1);
    });
    return [...new Set([...analytics, ...thirdParty, ...named])];
}

describe("coverage of the data policy", () => {
    test("the clause text names these vendors (the list the register is checked against)", () => {
        expect(vendorsInThePolicy()).toEqual([
            "Zoho",
            "Twilio Segment",
            "Google",
            "Amazon AWS",
            "Intercom",
            "Microsoft (Bing)",
            "Webflow",
            "Facebook",
            "Reddit",
            "LinkedIn",
            "VWO",
            "Userflow",
            "Auth0",
            "Stripe",
            "Adyen",
            "SpaceInvoices",
            "OpenAI",
            "AWS S3",
            "GCP Cloud Buckets",
            "Atlas-hosted MongoDB",
            "Enterprise Redis",
            "Google Cloud Buckets",
            "Atlas MongoDB",
            "Redis",
        ]);
    });

    test("every vendor the clauses name is exactly one processor in the register", () => {
        const missing = vendorsInThePolicy().filter((v) => namedBy(v).length !== 1);
        expect(missing).toEqual([]);
    });

    test("the issue's seed list maps one-to-one onto the register", () => {
        const seed = [
            "Auth0",
            "Stripe",
            "Adyen",
            "SpaceInvoices",
            "OpenAI",
            "AWS",
            "Google Cloud",
            "MongoDB Atlas",
            "Redis",
            "Zoho",
            "Twilio Segment",
            "Google",
            "Intercom",
            "Microsoft (Bing)",
            "Webflow",
            "Facebook",
            "Reddit",
            "LinkedIn",
            "VWO",
            "Userflow",
        ];
        const match = (s: string) => PROCESSORS.filter((p) => p.namedAs.includes(s) || p.name === s || p.name.startsWith(`${s} (`));
        expect(seed.filter((s) => match(s).length !== 1)).toEqual([]);
        expect(new Set(seed.map((s) => match(s)[0]!.id)).size).toBe(PROCESSORS.length);
    });

    test("each name a processor is known by appears verbatim in a clause it cites", () => {
        const unsupported = PROCESSORS.flatMap((p) =>
            p.namedAs.filter((n) => !p.clauses.some((c) => (CLAUSES[c].text as string).includes(n))).map((n) => `${p.id}: ${n}`),
        );
        expect(unsupported).toEqual([]);
    });

    test("SpaceInvoices processes in Frankfurt, Germany, as §02 says", () => {
        expect(processor("spaceinvoices").locations).toEqual([
            { country: "Germany", region: "Frankfurt", processing: "embedded finance data", personalData: true, basis: "data-policy" },
        ]);
        expect(CLAUSES["02.embedded-finance-data"].text).toContain("hosted in Frankfurt, Germany");
    });
});

describe("consistency of each entry", () => {
    test("ids are unique and kebab-case; lookups by an unknown id fail naming the known ones", () => {
        const ids = PROCESSORS.map((p) => p.id);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
        expect(() => processor("datadog")).toThrow(`No processor "datadog" in infra/processors.ts. Known: ${ids.join(", ")}.`);
    });

    test("whether personal data leaves Australia follows from the locations", () => {
        const derived = (p: Processor) => {
            const personal = p.locations.filter((l) => l.personalData);
            if (personal.some((l) => l.country !== "Australia" && l.country !== "not-recorded")) return "yes";
            if (personal.some((l) => l.country === "not-recorded")) return "unconfirmed";
            return "no";
        };
        expect(PROCESSORS.filter((p) => p.personalDataLeavesAustralia !== derived(p)).map((p) => p.id)).toEqual([]);
    });

    test("a signed contract names where it is filed, never a placeholder", () => {
        const badReference = PROCESSORS.filter(
            (p) => p.contract.status === "signed" && (p.contract.reference.trim() === "" || /todo|tbd|xxx/i.test(p.contract.reference)),
        );
        expect(badReference.map((p) => p.id)).toEqual([]);
        expect(PROCESSORS.filter((p) => !["signed", "not-recorded"].includes(p.contract.status)).map((p) => p.id)).toEqual([]);
    });

    test("contract-only processors are not marked provisioned: no Pulumi package, no location the stack pins", () => {
        const { contractOnly, provisioned } = processorsByProvisioning();
        expect(contractOnly.filter((p) => p.locations.some((l) => "basis" in l && l.basis === "stack")).map((p) => p.id)).toEqual([]);
        expect(provisioned.filter((p) => !p.locations.some((l) => "basis" in l && l.basis === "stack")).map((p) => p.id)).toEqual([]);
        expect(provisioned.filter((p) => p.provisioning.kind !== "stack").map((p) => p.id)).toEqual([]);
    });

    test("every location the stack pins is in Australia", () => {
        const pinned = PROCESSORS.flatMap((p) => p.locations.filter((l) => "basis" in l && l.basis === "stack").map((l) => `${p.id}: ${l.country}`));
        expect(pinned.filter((l) => !l.endsWith(": Australia"))).toEqual([]);
        expect(pinned.length).toBe(5);
    });

    test("the AWS flow for Auth0 log streams allows exactly the regions the identity config allows", () => {
        const flow = processor("aws").flows.find((f) => f.kind === "auth0-log-stream");
        expect(flow?.regions).toEqual([...AU_EVENTBRIDGE_REGIONS]);
    });
});

describe("the register and the prod stack", () => {
    let rec: Recording;
    beforeAll(async () => {
        rec = await runStack();
    });

    test("the provisioned processors are exactly the platforms the stack has providers for", () => {
        const packages = [
            ...new Set(
                rec.registrations
                    .filter((r) => r.type.startsWith("pulumi:providers:"))
                    .map((r) => r.type.slice("pulumi:providers:".length))
                    // The random provider generates values locally; nothing leaves the machine running Pulumi.
                    .filter((p) => p !== "random"),
            ),
        ].sort();
        const provisioned = processorsByProvisioning().provisioned.flatMap((p) => (p.provisioning.kind === "stack" ? p.provisioning.pulumiPackages : []));
        expect([...provisioned].sort()).toEqual(packages);
    });
});

describe("helpers for the compliance report and the policy pack", () => {
    test("processorsByCountry: the sub-processor list, Australia first, not-recorded last", () => {
        const byCountry = Object.fromEntries([...processorsByCountry()].map(([country, ps]) => [country, ps.map((p) => p.id)]));
        expect(Object.keys(byCountry)).toEqual(["Australia", "Germany", "Netherlands", "United States", "not-recorded"]);
        expect(byCountry).toEqual({
            Australia: ["auth0", "aws", "google-cloud", "mongodb-atlas", "redis"],
            Germany: ["spaceinvoices"],
            Netherlands: ["adyen"],
            "United States": [
                "mongodb-atlas",
                "stripe",
                "openai",
                "twilio-segment",
                "google",
                "intercom",
                "microsoft-bing",
                "webflow",
                "facebook",
                "reddit",
                "linkedin",
            ],
            "not-recorded": ["aws", "zoho", "vwo", "userflow"],
        });
    });

    test("processorsByProvisioning: what this stack provisions, and what is a contract only", () => {
        const { provisioned, contractOnly } = processorsByProvisioning();
        expect(provisioned.map((p) => p.id)).toEqual(["auth0", "aws", "google-cloud", "mongodb-atlas", "redis"]);
        expect(contractOnly.map((p) => p.id)).toEqual([
            "stripe",
            "adyen",
            "spaceinvoices",
            "openai",
            "zoho",
            "twilio-segment",
            "google",
            "intercom",
            "microsoft-bing",
            "webflow",
            "facebook",
            "reddit",
            "linkedin",
            "vwo",
            "userflow",
        ]);
    });

    test("processorsAllowing: a declared flow names its processor; a region or channel not declared names none", () => {
        const ids = (ps: Processor[]) => ps.map((p) => p.id);
        expect(ids(processorsAllowing({ kind: "auth0-log-stream", channel: "eventbridge", region: "ap-southeast-2" }))).toEqual(["aws"]);
        expect(ids(processorsAllowing({ kind: "auth0-log-stream", channel: "eventbridge", region: "AP-SOUTHEAST-2" }))).toEqual(["aws"]);
        expect(ids(processorsAllowing({ kind: "auth0-log-stream", channel: "eventbridge", region: "us-east-1" }))).toEqual([]);
        expect(ids(processorsAllowing({ kind: "auth0-log-stream", channel: "segment" }))).toEqual([]);
        expect(ids(processorsAllowing({ kind: "atlas-alert-notification", channel: "EMAIL" }))).toEqual(["mongodb-atlas"]);
        expect(ids(processorsAllowing({ kind: "atlas-alert-notification", channel: "WEBHOOK", destination: "hooks.example.com" }))).toEqual([]);
    });
});
