import { ATLAS_PROJECT_DATA_FEATURES, flowAllowedBy, PROCESSORS, type AtlasProjectDataFeature, type Processor } from "../facts/processors";
import { resourcePolicy } from "../lib/define";
import { peek } from "../lib/props";
import { T } from "../lib/tokens";

/** Why one feature of a project counts as on: set true, unset where Atlas defaults it on, or not known at preview. */
export type FeatureState = "set" | "default" | "unknown";

/**
 * The features of an Atlas project's `props` that move database content out of the cluster and that no processor
 * declares, with why each counts as on. A feature passes when it is known `false`, unset where Atlas defaults it
 * off, or on with a declared flow `{ kind: "atlas-project-service", channels: [<flag>] }`.
 */
export function undeclaredDataFeatures(
    props: Record<string, unknown>,
    processors: readonly Processor[] = PROCESSORS,
): { feature: AtlasProjectDataFeature; state: FeatureState }[] {
    const declared = (feature: AtlasProjectDataFeature) =>
        processors.some((p) => p.flows.some((f) => flowAllowedBy(f, { kind: "atlas-project-service", channel: feature })));
    const found: { feature: AtlasProjectDataFeature; state: FeatureState }[] = [];
    for (const [feature, { defaultOn }] of Object.entries(ATLAS_PROJECT_DATA_FEATURES) as [AtlasProjectDataFeature, { defaultOn: boolean }][]) {
        const v = peek(props, feature);
        const state: FeatureState | undefined =
            v.state === "unknown" ? "unknown" : v.state === "absent" ? (defaultOn ? "default" : undefined) : v.value === false ? undefined : "set";
        if (state !== undefined && !declared(feature)) found.push({ feature, state });
    }
    return found;
}

const WHY: Readonly<Record<FeatureState, string>> = {
    set: "on",
    default: "unset, and Atlas turns it on by default",
    unknown: "not known until the update runs, so it cannot be shown to be off",
};

/**
 * An Atlas project keeps the features that move database content out of the cluster off (`ATLAS_PROJECT_DATA_FEATURES`
 * in infra/processors.ts: Data Explorer, Performance Advisor and Query Profiler, Schema Advisor and the Real-Time
 * Performance Panel, which read logs and documents in the Atlas control plane in the United States, and the AI
 * features), unless the processor register declares that flow (data policy "02.operational-data": operational data
 * in Australia; "08.no-third-party-sharing", "08.secure-transfers"). A feature Atlas defaults on must be set `false`
 * explicitly: leaving it unset leaves it on.
 */
export const atlasProjectDataServicesOff = resourcePolicy({
    name: "atlas-project-data-services-off",
    description: "Atlas projects must turn off the features that send database content out of Australia, unless infra/processors.ts declares that flow.",
    clauses: ["02.operational-data", "08.no-third-party-sharing", "08.secure-transfers"],
    severity: "high",
    remediation:
        "Set the feature's flag to false on the mongodbatlas.Project (AtlasProject does), or declare the flow " +
        '{ kind: "atlas-project-service", channels: ["<flag>"] } on processor "mongodb-atlas" in infra/processors.ts with the ' +
        "countries where Atlas processes that data; see docs/processors.md.",
    types: T.atlasProject,
    validate: (args, report) => {
        for (const { feature, state } of undeclaredDataFeatures(args.props)) {
            report(
                `Atlas project ${args.name} leaves ${feature} ${WHY[state]}: it sends ${ATLAS_PROJECT_DATA_FEATURES[feature].sends}, and no ` +
                    `processor in infra/processors.ts declares that flow. Set ${feature}: false, or declare ` +
                    `{ kind: "atlas-project-service", channels: ["${feature}"] } on processor "mongodb-atlas".`,
            );
        }
    },
});
