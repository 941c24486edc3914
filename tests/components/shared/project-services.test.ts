/**
 * `GcpProjectServices` on its own, with fixture args: one `gcp.projects.Service` per API asked for, in the order
 * given, on the given project, never disabled on destroy (nor its dependents), protected, on the given provider;
 * `for()` hands back exactly the services asked for and refuses one not enabled here; unknown, repeated or no APIs
 * are refused before anything registers. How the prod stack wires it, and which resources wait for which API, is
 * tests/areas/gcp-project-services.test.ts.
 */
import * as gcp from "@pulumi/gcp";
import { GcpProjectServices } from "../../../infra/components/shared/project-services";
import type { Recording } from "../../../infra/check/recorder";
import { buildAlone, buildAloneExpectingError as constructionError } from "../../harness/build-alone";
import { childrenOf, named, providerUrn } from "../../harness/stack";

const COMPONENT = "data-platform:shared:GcpProjectServices";
const SERVICE = "gcp:projects/service:Service";

describe("with fixture args (two APIs, Cloud Storage first)", () => {
    let rec: Recording;
    let forBoth: string[] = [];
    let notEnabled = "";
    beforeAll(async () => {
        rec = await buildAlone(() => {
            const provider = new gcp.Provider("gcp", { project: "fixture-project", region: "australia-southeast2" });
            const apis = new GcpProjectServices("apis", { project: "fixture-project", services: ["storage", "cloudkms"] }, { providers: [provider] });
            forBoth = apis.for("cloudkms", "storage").map((s) => (s === apis.services.cloudkms ? "cloudkms" : s === apis.services.storage ? "storage" : "other"));
            try {
                apis.for("logging");
            } catch (e) {
                notEnabled = (e as Error).message;
            }
        });
    });

    test("one service per API, in the order given, never disabled on destroy, dependents never disabled, protected, on the given provider", () => {
        const services = childrenOf(rec, named(rec, "apis", COMPONENT));
        const provider = named(rec, "gcp", "pulumi:providers:gcp").urn;
        expect(services.map((s) => ({ type: s.type, name: s.name, inputs: s.inputs, protect: s.options.protect, provider: providerUrn(s.provider) }))).toEqual(
            ["storage", "cloudkms"].map((key) => ({
                type: SERVICE,
                name: `apis-${key}`,
                inputs: { project: "fixture-project", service: `${key}.googleapis.com`, disableOnDestroy: false, disableDependentServices: false },
                protect: true,
                provider,
            })),
        );
    });

    test("for() gives exactly the services asked for, in the order asked, and refuses one not enabled here", () => {
        expect(forBoth).toEqual(["cloudkms", "storage"]);
        expect(notEnabled).toBe("GcpProjectServices: logging is not among the services enabled here");
    });
});

describe("the component refuses bad arguments before registering anything", () => {
    test("an API it does not know, one asked for twice, or none", async () => {
        const err = await constructionError(() => new GcpProjectServices("apis", { project: "p-123456", services: ["cloudkms", "compute" as "cloudkms"] }));
        expect(err.message).toBe(
            'apis: services = ["cloudkms","compute"] is not allowed; expected a list of cloudkms | storage | logging | cloudresourcemanager | orgpolicy, each once.',
        );
        expect(err.registrations.map((r) => r.type)).toEqual(["pulumi:pulumi:Stack"]);
        const none = await constructionError(() => new GcpProjectServices("apis", { project: "p-123456", services: [] }));
        expect(none.message).toBe("apis: services = [] is not allowed; expected a list of cloudkms | storage | logging | cloudresourcemanager | orgpolicy, each once.");
        const twice = await constructionError(() => new GcpProjectServices("apis", { project: "p-123456", services: ["storage", "storage"] }));
        expect(twice.message).toBe(
            'apis: services = ["storage","storage"] is not allowed; expected a list of cloudkms | storage | logging | cloudresourcemanager | orgpolicy, each once.',
        );
    });
});
