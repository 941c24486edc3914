/**
 * The Google Cloud APIs (service usage) a project needs for this stack's resources. A fresh project refuses KMS,
 * Cloud Storage, Org Policy and audit-config calls with `SERVICE_DISABLED` until the API is enabled, so the
 * resources that call them wait for these (`dependsOn`, wired in `infra/index.ts` through each component's
 * `waitFor`).
 *
 * | child | setting |
 * |---|---|
 * | `gcp.projects.Service` (`${name}-<api>`), protected | `disableOnDestroy: false`, `disableDependentServices: false` |
 *
 * Never disabled on destroy: disabling an API that buckets and keys still use breaks them (and disabling dependent
 * services would switch off APIs this stack does not own). Protected, so a refactor cannot delete one by accident;
 * deleting the resource would then only forget it, not disable the API.
 *
 * Needs `serviceusage.services.enable` on the project (Service Usage Admin, `roles/serviceusage.serviceUsageAdmin`),
 * and the Service Usage API itself enabled, which Google does for every new project.
 */
import * as gcp from "@pulumi/gcp";
import * as pulumi from "@pulumi/pulumi";

/**
 * The APIs the stack's Google Cloud resources call, by the short key the children are named with.
 *
 * - `cloudkms`: key rings, keys and key IAM members (static files' CMEK);
 * - `storage`: buckets and the project's Cloud Storage service agent lookup;
 * - `logging`: the Data Access audit logs the storage audit config turns on are written to Cloud Logging;
 * - `cloudresourcemanager`: the project IAM policy that holds the audit config;
 * - `orgpolicy`: the org policies, billed to this project by the `gcp-org` provider (only while they are on).
 */
export const GCP_SERVICES = {
    cloudkms: "cloudkms.googleapis.com",
    storage: "storage.googleapis.com",
    logging: "logging.googleapis.com",
    cloudresourcemanager: "cloudresourcemanager.googleapis.com",
    orgpolicy: "orgpolicy.googleapis.com",
} as const;
export type GcpServiceKey = keyof typeof GCP_SERVICES;

export interface GcpProjectServicesArgs {
    /** The project whose APIs are enabled. */
    readonly project: string;
    /** Which APIs, by key of {@link GCP_SERVICES}; each once. */
    readonly services: readonly GcpServiceKey[];
}

export class GcpProjectServices extends pulumi.ComponentResource {
    /** Each enabled API, by key. */
    public readonly services: Readonly<Partial<Record<GcpServiceKey, gcp.projects.Service>>>;

    constructor(name: string, args: GcpProjectServicesArgs, opts?: pulumi.ComponentResourceOptions) {
        const unknown = args.services.filter((s) => !(s in GCP_SERVICES));
        if (args.services.length === 0 || unknown.length > 0 || new Set(args.services).size !== args.services.length) {
            throw new pulumi.ResourceError(
                `${name}: services = ${JSON.stringify(args.services)} is not allowed; expected a list of ${Object.keys(GCP_SERVICES).join(" | ")}, each once.`,
                opts?.parent,
            );
        }
        super("data-platform:shared:GcpProjectServices", name, {}, opts);
        this.services = Object.fromEntries(
            args.services.map((key) => [
                key,
                new gcp.projects.Service(
                    `${name}-${key}`,
                    { project: args.project, service: GCP_SERVICES[key], disableOnDestroy: false, disableDependentServices: false },
                    { parent: this, protect: true },
                ),
            ]),
        );
        this.registerOutputs({});
    }

    /** The services for `keys`, to wait for (`dependsOn`). */
    public for(...keys: readonly GcpServiceKey[]): gcp.projects.Service[] {
        return keys.map((k) => {
            const s = this.services[k];
            if (s === undefined) throw new Error(`GcpProjectServices: ${k} is not among the services enabled here`);
            return s;
        });
    }
}
