/**
 * `StorageDataAccessAudit` on its own, with fixture args (data policy "10.staff-access-audit"; CIS GCP 2.1): one
 * audit config for Cloud Storage on the given project, all three Data Access log types, no exempted member, on the
 * given provider and waiting for what it is told to. How the prod stack wires it is
 * tests/areas/static-files-storage-data-access-audit.test.ts.
 */
import * as gcp from "@pulumi/gcp";
import { StorageDataAccessAudit } from "../../../infra/components/static-files/storage-data-access-audit";
import { buildAlone } from "../../harness/build-alone";
import { storageAuditConfigInputs } from "../../harness/expected-inputs";
import { childrenOf, named, providerUrn } from "../../harness/stack";
import { recordOnce } from "../../harness/record-once";

const AUDIT_CONFIG = "gcp:projects/iAMAuditConfig:IAMAuditConfig";

const rec = recordOnce(() => buildAlone(() => {
    const provider = new gcp.Provider("gcp", { project: "fixture-project", region: "australia-southeast2" });
    const api = new gcp.projects.Service("api", { project: "fixture-project", service: "logging.googleapis.com" }, { provider });
    new StorageDataAccessAudit("audit", { project: "fixture-project", waitFor: [api] }, { providers: [provider] });
}));

test("the component holds exactly one audit config: Cloud Storage, on the given project, every Data Access log type, no exemptions", () => {
    const children = childrenOf(rec, named(rec, "audit", "data-platform:static-files:StorageDataAccessAudit"));
    expect(children.map((c) => `${c.type}::${c.name}`)).toEqual([`${AUDIT_CONFIG}::audit`]);
    expect(children[0]!.inputs).toEqual(storageAuditConfigInputs("fixture-project"));
});

test("on the given provider, waiting for what it is told to", () => {
    const config = named(rec, "audit", AUDIT_CONFIG);
    expect(providerUrn(config.provider)).toBe(named(rec, "gcp", "pulumi:providers:gcp").urn);
    expect(config.dependencies).toEqual([named(rec, "api", "gcp:projects/service:Service").urn]);
});

test("without anything to wait for, it waits for nothing", async () => {
    const alone = await buildAlone(() => new StorageDataAccessAudit("audit", { project: "fixture-project" }));
    expect(named(alone, "audit", AUDIT_CONFIG).dependencies).toEqual([]);
});
