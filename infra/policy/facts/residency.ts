/**
 * Where "in Australia" is, for each platform this stack uses (data policy §02: operational data, ephemeral
 * data; §08: transfers), and how each platform names those regions. Config validation, the components and the
 * policy pack's defaults all read these lists and maps, so the program refuses what the pack would block.
 *
 * Sources: AWS and GCP region tables; Atlas region enum in the Atlas Admin API spec; Redis Cloud
 * `rc_supported_regions.json` (Pro); Auth0 "Public Cloud Service Endpoints" (`*.au.auth0.com`).
 */
import { cite } from "./clauses";

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

/** The cloud each Australian Atlas region belongs to (`providerName` of a region config, `cloudProvider` of a copy). */
export const ATLAS_REGION_PROVIDER: Readonly<Record<AuAtlasRegion, "AWS" | "GCP" | "AZURE">> = {
    AP_SOUTHEAST_2: "AWS",
    AP_SOUTHEAST_4: "AWS",
    AUSTRALIA_SOUTHEAST_1: "GCP",
    AUSTRALIA_SOUTHEAST_2: "GCP",
    AUSTRALIA_EAST: "AZURE",
    AUSTRALIA_SOUTH_EAST: "AZURE",
    AUSTRALIA_CENTRAL: "AZURE",
    AUSTRALIA_CENTRAL_2: "AZURE",
};

/** Azure regions in Australia (Auth0 Event Grid `azureRegion` values; the Azure regions behind Atlas's AUSTRALIA_*). */
export const AU_AZURE_REGIONS = ["australiaeast", "australiasoutheast", "australiacentral", "australiacentral2"] as const;

/**
 * Each Australian Atlas region as Atlas Resource Policies (Cedar) name it: `<cloud>:<the cloud's own region id>`.
 * Typed by `AuAtlasRegion`, so a region added above does not compile until it is named here.
 */
export const CEDAR_REGION: Readonly<Record<AuAtlasRegion, string>> = {
    AP_SOUTHEAST_2: "aws:ap-southeast-2",
    AP_SOUTHEAST_4: "aws:ap-southeast-4",
    AUSTRALIA_SOUTHEAST_1: "gcp:australia-southeast1",
    AUSTRALIA_SOUTHEAST_2: "gcp:australia-southeast2",
    AUSTRALIA_EAST: "azure:australiaeast",
    AUSTRALIA_SOUTH_EAST: "azure:australiasoutheast",
    AUSTRALIA_CENTRAL: "azure:australiacentral",
    AUSTRALIA_CENTRAL_2: "azure:australiacentral2",
};

/** Redis Cloud Pro regions in Australia (AWS and GCP). */
export const AU_REDIS_REGIONS = ["ap-southeast-2", "ap-southeast-4", "australia-southeast1", "australia-southeast2"] as const;
export type AuRedisRegion = (typeof AU_REDIS_REGIONS)[number];

/** The cloud each Australian Redis Cloud region belongs to (`cloudProvider.provider` of the subscription). */
export const REDIS_REGION_CLOUD: Readonly<Record<AuRedisRegion, "AWS" | "GCP">> = {
    "ap-southeast-2": "AWS",
    "ap-southeast-4": "AWS",
    "australia-southeast1": "GCP",
    "australia-southeast2": "GCP",
};

/** The canonical domain suffix of an Auth0 tenant in the Australian public-cloud region. */
export const AU_AUTH0_DOMAIN_SUFFIX = ".au.auth0.com";

/** Each list in words, for the messages of config validation and of the components' argument checks. */
export const REGION_RULE = {
    aws: `an Australian AWS region (${AU_AWS_REGIONS.join(" | ")}); data policy §02 keeps data in Australia`,
    gcp: `an Australian Google Cloud region (${AU_GCP_REGIONS.join(" | ")}); data policy §02 keeps data in Australia`,
    atlas: `an Australian Atlas region (${AU_ATLAS_REGIONS.join(" | ")}); data policy §02 keeps operational data in Australia`,
    redis: `an Australian Redis Cloud Pro region (${AU_REDIS_REGIONS.join(" | ")}); data policy ${cite("02.ephemeral-data")}`,
} as const;

/** A Redis Cloud region must belong to the subscription's cloud: the rule in words. */
export function redisCloudRegionRule(cloud: "AWS" | "GCP"): string {
    const regions = AU_REDIS_REGIONS.filter((r) => REDIS_REGION_CLOUD[r] === cloud);
    return `a region of ${cloud} (${regions.join(" | ")}), because cloudProvider is ${cloud}`;
}

/** Exact membership test that narrows `value` to the list's type. */
export function isListed<T extends string>(value: string, list: readonly T[]): value is T {
    return (list as readonly string[]).includes(value);
}

/** Case-insensitive membership test (GCP reports locations upper-case, e.g. `AUSTRALIA-SOUTHEAST1`). */
export function isOneOf(value: string, allowed: readonly string[]): boolean {
    const v = value.toLowerCase();
    return allowed.some((a) => a.toLowerCase() === v);
}
