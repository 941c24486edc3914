/**
 * Where "in Australia" is, for each platform this stack uses (data policy §02: operational data, ephemeral
 * data; §08: transfers). Config validation and the policy pack's defaults both read these lists, so the
 * program refuses what the pack would block.
 *
 * Sources: AWS and GCP region tables; Atlas region enum in the Atlas Admin API spec; Redis Cloud
 * `rc_supported_regions.json` (Pro); Auth0 "Public Cloud Service Endpoints" (`*.au.auth0.com`).
 */

/** AWS regions in Australia: Sydney, Melbourne. */
export const AU_AWS_REGIONS = ["ap-southeast-2", "ap-southeast-4"] as const;
export type AuAwsRegion = (typeof AU_AWS_REGIONS)[number];

/** Google Cloud regions in Australia: Sydney, Melbourne. */
export const AU_GCP_REGIONS = ["australia-southeast1", "australia-southeast2"] as const;
export type AuGcpRegion = (typeof AU_GCP_REGIONS)[number];

/** Atlas region names (AWS, GCP and Azure backed) in Australia. */
export const AU_ATLAS_REGIONS = [
    "AP_SOUTHEAST_2",
    "AP_SOUTHEAST_4",
    "AUSTRALIA_SOUTHEAST_1",
    "AUSTRALIA_SOUTHEAST_2",
    "AUSTRALIA_EAST",
    "AUSTRALIA_SOUTH_EAST",
    "AUSTRALIA_CENTRAL",
    "AUSTRALIA_CENTRAL_2",
] as const;
export type AuAtlasRegion = (typeof AU_ATLAS_REGIONS)[number];

/** Redis Cloud Pro regions in Australia (AWS and GCP). */
export const AU_REDIS_REGIONS = ["ap-southeast-2", "ap-southeast-4", "australia-southeast1", "australia-southeast2"] as const;
export type AuRedisRegion = (typeof AU_REDIS_REGIONS)[number];

/** The canonical domain suffix of an Auth0 tenant in the Australian public-cloud region. */
export const AU_AUTH0_DOMAIN_SUFFIX = ".au.auth0.com";

/** Case-insensitive membership test (GCP reports locations upper-case, e.g. `AUSTRALIA-SOUTHEAST1`). */
export function isOneOf(value: string, allowed: readonly string[]): boolean {
    const v = value.toLowerCase();
    return allowed.some((a) => a.toLowerCase() === v);
}
