/**
 * Shared by the operational-data tests: the names and computed values the prod stack's Atlas resources have
 * under the offline mocks, and the stack's secret outputs as the engine records them.
 */
import * as pulumi from "@pulumi/pulumi";
import { mockAtlasId } from "../../../infra/offline/mock-outputs";
import type { Recording, Registration } from "../../../infra/offline/recorder";
import { named, providerUrn } from "../../harness/stack";

/** The Atlas project id, as the mocks compute it. */
export const PROJECT_ID = mockAtlasId("atlas-project");
/** The cluster's name in prod config. */
export const CLUSTER = "allotrac-prod-ops";
/** The replica set's zone id, as the mocks compute it. */
export const ZONE_ID = mockAtlasId("atlas-cluster-zone-0");

export const T = {
    project: "mongodbatlas:index/project:Project",
    cluster: "mongodbatlas:index/advancedCluster:AdvancedCluster",
    schedule: "mongodbatlas:index/cloudBackupSchedule:CloudBackupSchedule",
    compliancePolicy: "mongodbatlas:index/backupCompliancePolicy:BackupCompliancePolicy",
    accessSetup: "mongodbatlas:index/cloudProviderAccessSetup:CloudProviderAccessSetup",
    accessAuthorization: "mongodbatlas:index/cloudProviderAccessAuthorization:CloudProviderAccessAuthorization",
    encryptionAtRest: "mongodbatlas:index/encryptionAtRest:EncryptionAtRest",
    accessList: "mongodbatlas:index/projectIpAccessList:ProjectIpAccessList",
    auditing: "mongodbatlas:index/auditing:Auditing",
    databaseUser: "mongodbatlas:index/databaseUser:DatabaseUser",
    alert: "mongodbatlas:index/alertConfiguration:AlertConfiguration",
    resourcePolicy: "mongodbatlas:index/resourcePolicy:ResourcePolicy",
    provider: "pulumi:providers:mongodbatlas",
} as const;

/** The explicit Atlas provider's URN. */
export function atlasProviderUrn(rec: Recording): string {
    return named(rec, "atlas", T.provider).urn;
}

/** `{name, provider}` of each registration, for comparing against the expected provider in one assertion. */
export function providersOf(regs: readonly Registration[]): { name: string; provider: string | undefined }[] {
    return regs.map((r) => ({ name: r.name, provider: providerUrn(r.provider) }));
}

/**
 * Names of the stack outputs that the engine receives as secrets: the root stack's registered outputs in wire
 * form, where a secret carries Pulumi's secret signature. (`Recording.secretOutputs` is computed from values the
 * runtime has already unwrapped, so it never lists anything; this reads what `pulumi up` would store.)
 */
export function secretStackOutputs(rec: Recording): string[] {
    return Object.entries(stackOutputsOnTheWire(rec))
        .filter(([, v]) => typeof v === "object" && v !== null && (v as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig)
        .map(([k]) => k)
        .sort();
}

/**
 * The stack outputs as the engine receives them (secrets in their signature, unknowns as the unknown sentinel).
 * At preview `Recording.outputs` holds nothing for an output that contains an unknown; this shows which parts
 * of it are known.
 */
export function stackOutputsOnTheWire(rec: Recording): Record<string, unknown> {
    const stack = rec.registrations.find((r) => r.type === "pulumi:pulumi:Stack");
    return (stack ? rec.states.get(stack.urn) : undefined) ?? {};
}
