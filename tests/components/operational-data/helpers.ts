/**
 * Shared by the operational-data tests: the names and computed values the prod stack's Atlas resources have
 * under the offline mocks.
 */
import * as mongodbatlas from "@pulumi/mongodbatlas";
import type * as pulumi from "@pulumi/pulumi";
import { mockAtlasId } from "../../../infra/check/mock-outputs";
import { ProgramError, runProgram, type Recording, type Registration } from "../../../infra/check/recorder";
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

/** What building one component on its own did: the error it threw (if any) and the types registered. */
export interface ConstructedAlone {
    readonly error: string | undefined;
    readonly registered: readonly string[];
}

/**
 * Builds one component on its own, outside the stack and its config validation, on an explicit Atlas provider
 * (`atlas`), as a caller that bypasses the schema would. Shows whether the component's own argument checks refuse
 * before anything is registered: a refusal leaves only the root stack and that provider.
 */
export async function constructAlone(build: (opts: pulumi.ComponentResourceOptions) => unknown): Promise<ConstructedAlone> {
    try {
        const rec = await runProgram(
            () => {
                const provider = new mongodbatlas.Provider("atlas", {});
                build({ providers: [provider] });
            },
            { project: "component-test", stack: "test", config: {} },
        );
        return { error: undefined, registered: rec.registrations.map((r) => r.type) };
    } catch (e) {
        if (!(e instanceof ProgramError)) throw e;
        return { error: e.message, registered: e.registrations.map((r) => r.type) };
    }
}

/** What a refused construction leaves registered: the root stack and the explicit provider, nothing else. */
export const ONLY_STACK_AND_PROVIDER = ["pulumi:pulumi:Stack", "pulumi:providers:mongodbatlas"] as const;
