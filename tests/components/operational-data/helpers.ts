/**
 * Shared by the operational-data tests: the names and computed values the prod stack's Atlas resources have
 * under the offline mocks.
 */
import * as mongodbatlas from "@pulumi/mongodbatlas";
import type * as pulumi from "@pulumi/pulumi";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { mockAtlasId } from "../../../infra/check/mock-outputs";
import type { Recording, Registration } from "../../../infra/check/recorder";
import { named, providerUrn } from "../../harness/stack";

/** The Atlas project id, as the mocks compute it. */
export const PROJECT_ID = mockAtlasId("atlas-project");
/** The cluster's name in prod config. */
export const CLUSTER = "allotrac-prod-ops";
/** The replica set's zone id, as the mocks compute it. */
export const ZONE_ID = mockAtlasId("atlas-cluster-zone-0");


/** The explicit Atlas provider's URN. */
export function atlasProviderUrn(rec: Recording): string {
    return named(rec, "atlas", TYPES.atlasProvider).urn;
}

/** `{name, provider}` of each registration, for comparing against the expected provider in one assertion. */
export function providersOf(regs: readonly Registration[]): { name: string; provider: string | undefined }[] {
    return regs.map((r) => ({ name: r.name, provider: providerUrn(r.provider) }));
}

/**
 * Options that put a component built alone (tests/harness/build-alone.ts) on an explicit Atlas provider, `atlas`,
 * as the stack does.
 */
export function onAtlas(): pulumi.ComponentResourceOptions {
    return { providers: [new mongodbatlas.Provider("atlas", {})] };
}

/** What a refused construction leaves registered: the root stack and the explicit provider, nothing else. */
export const ONLY_STACK_AND_PROVIDER = ["pulumi:pulumi:Stack", "pulumi:providers:mongodbatlas"] as const;
