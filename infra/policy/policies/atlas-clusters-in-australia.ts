import { AU_ATLAS_REGIONS } from "../facts/residency";
import { resourcePolicy } from "../lib/define";
import { T, isOneOfTypes } from "../lib/tokens";

/**
 * Operational data stays in Australia: every region of every Atlas cluster (electable, read-only and analytics
 * nodes alike), every region a backup snapshot is copied to, and the region of the encryption-at-rest key.
 */
export const atlasClustersInAustralia = resourcePolicy<{ allowedRegions: string[] }>({
    name: "atlas-clusters-in-australia",
    description: "Atlas clusters, their snapshot copies and their encryption keys must be in Australian regions.",
    clauses: ["02.operational-data", "06.operational-backup", "08.secure-transfers"],
    severity: "critical",
    remediation: `Use only Atlas regions ${AU_ATLAS_REGIONS.join(", ")} in regionConfigs, copySettings and awsKmsConfig.`,
    types: [...T.atlasAdvancedCluster, ...T.atlasLegacyCluster, ...T.atlasBackupSchedule, ...T.atlasEncryptionAtRest],
    config: { allowedRegions: { type: "array", items: { type: "string" }, minItems: 1 } },
    defaults: { allowedRegions: [...AU_ATLAS_REGIONS] },
    validate: (args, report, { allowedRegions }) => {
        const check = (region: unknown, where: string) => {
            if (typeof region !== "string" || !allowedRegions.includes(region)) {
                report(`${args.type} ${args.name}: ${where} is ${String(region ?? "(unset)")}, not an Australian region (allowed: ${allowedRegions.join(", ")}).`);
            }
        };
        const p = args.props;
        if (isOneOfTypes(args.type, T.atlasAdvancedCluster)) {
            const specs: any[] = p.replicationSpecs ?? [];
            specs.forEach((spec, i) =>
                (spec.regionConfigs ?? []).forEach((rc: any, j: number) => check(rc.regionName, `replicationSpecs[${i}].regionConfigs[${j}].regionName`)),
            );
        } else if (isOneOfTypes(args.type, T.atlasLegacyCluster)) {
            if (p.providerRegionName !== undefined) check(p.providerRegionName, "providerRegionName");
            (p.replicationSpecs ?? []).forEach((spec: any, i: number) =>
                (spec.regionsConfigs ?? []).forEach((rc: any, j: number) => check(rc.regionName, `replicationSpecs[${i}].regionsConfigs[${j}].regionName`)),
            );
        } else if (isOneOfTypes(args.type, T.atlasBackupSchedule)) {
            (p.copySettings ?? []).forEach((c: any, i: number) => check(c.regionName, `copySettings[${i}].regionName`));
        } else if (p.awsKmsConfig !== undefined) {
            check(p.awsKmsConfig.region, "awsKmsConfig.region");
        }
    },
});
