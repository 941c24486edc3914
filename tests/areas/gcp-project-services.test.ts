/**
 * How the prod stack wires the Google Cloud APIs (infra/index.ts, `GcpProjectServices`): each declared, never
 * disabled on destroy, protected, and every resource that calls one waiting for it (`dependsOn`), so that a fresh
 * project does not refuse the first `pulumi up` with SERVICE_DISABLED.
 *
 * Mocks show the dependency the engine is given; only a real project shows the API being enabled in time. The
 * component on its own, with fixture args, is tests/components/shared/project-services.test.ts.
 */
import type { Recording, Registration } from "../../infra/check/recorder";
import { UNKNOWN } from "../../infra/check/recorder";
import { childrenOf, named, ofType, providerUrn, runStack } from "../harness/stack";
import { recordOnce } from "../harness/record-once";

const T = {
    component: "data-platform:shared:GcpProjectServices",
    service: "gcp:projects/service:Service",
    gcpProvider: "pulumi:providers:gcp",
} as const;

/** Each API the prod stack enables, by key: every service name is `<key>.googleapis.com`. */
const KEYS = ["cloudkms", "storage", "logging", "cloudresourcemanager", "orgpolicy"] as const;
const ALL = Object.fromEntries(KEYS.map((k) => [k, `${k}.googleapis.com`])) as Record<(typeof KEYS)[number], string>;

const rec = recordOnce(() => runStack());

/** The URN of the service resource `gcp-services-<key>`. */
const serviceUrn = (r: Recording, key: keyof typeof ALL) => named(r, `gcp-services-${key}`, T.service).urn;

/** Which of the stack's services `reg` waits for, by key. */
function waitsFor(r: Recording, reg: Registration): string[] {
    return (Object.keys(ALL) as (keyof typeof ALL)[]).filter((k) => ofType(r, T.service).some((s) => s.name === `gcp-services-${k}`) && reg.dependencies.includes(serviceUrn(r, k)));
}

test("five APIs on the data project, never disabled on destroy, dependents never disabled, protected, through gcp-au", () => {
    const services = childrenOf(rec, named(rec, "gcp-services", T.component));
    const gcpAu = named(rec, "gcp-au", T.gcpProvider).urn;
    expect(
        services.map((s) => ({ name: s.name, inputs: s.inputs, protect: s.options.protect, provider: providerUrn(s.provider) })),
    ).toEqual(
        Object.entries(ALL).map(([key, service]) => ({
            name: `gcp-services-${key}`,
            inputs: { project: "allotrac-data-prod", service, disableOnDestroy: false, disableDependentServices: false },
            protect: true,
            provider: gcpAu,
        })),
    );
});

test("every key ring, key, key grant and bucket waits for Cloud KMS and Cloud Storage", () => {
    const dependents = rec.registrations.filter((r) =>
        ["gcp:kms/keyRing:KeyRing", "gcp:kms/cryptoKey:CryptoKey", "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember", "gcp:storage/bucket:Bucket"].includes(r.type),
    );
    expect(dependents.map((r) => r.name).sort()).toEqual(["gcs-media", "gcs-media-key", "gcs-media-key-ring", "gcs-media-key-storage-agent"]);
    for (const r of dependents) expect({ name: r.name, waitsFor: waitsFor(rec, r) }).toEqual({ name: r.name, waitsFor: ["cloudkms", "storage"] });
});

test("the storage audit config waits for Cloud Resource Manager and Cloud Logging", () => {
    const audit = named(rec, "gcs-data-access-audit", "gcp:projects/iAMAuditConfig:IAMAuditConfig");
    expect(waitsFor(rec, audit)).toEqual(["logging", "cloudresourcemanager"]);
});

test("every org policy waits for the Org Policy API", () => {
    const policies = ofType(rec, "gcp:orgpolicy/policy:Policy");
    expect(policies).toHaveLength(5);
    for (const p of policies) expect({ name: p.name, waitsFor: waitsFor(rec, p) }).toEqual({ name: p.name, waitsFor: ["orgpolicy"] });
});

test("every Google Cloud resource of the stack waits for at least one API (nothing is left to race the enablement)", () => {
    const gcp = rec.registrations.filter((r) => r.custom && r.type.startsWith("gcp:") && r.type !== T.service);
    expect(gcp.filter((r) => waitsFor(rec, r).length === 0).map((r) => `${r.type}::${r.name}`)).toEqual([]);
});

test("the service-agent lookup calls Cloud Storage only once the API is on: at a first preview it is deferred, not failed", async () => {
    const preview = await runStack({ preview: true });
    expect(preview.invokes.filter((i) => i.token === "gcp:storage/getProjectServiceAccount:getProjectServiceAccount")).toEqual([]);
    expect(named(preview, "gcs-media-key-storage-agent", "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember").inputs["member"]).toBe(UNKNOWN);
    // After deployment (services known), the lookup runs and the grant names the agent.
    expect(rec.invokes.filter((i) => i.token === "gcp:storage/getProjectServiceAccount:getProjectServiceAccount")).toHaveLength(1);
});

test("with the org policies off the Org Policy API is not enabled", async () => {
    const off = await runStack({ mutate: (c) => (c["data-platform:guardrails"].gcp.orgPolicies = { enabled: false }) });
    expect(ofType(off, T.service).map((s) => s.inputs["service"])).toEqual([ALL.cloudkms, ALL.storage, ALL.logging, ALL.cloudresourcemanager]);
});
