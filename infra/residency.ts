/**
 * What "in Australia" means on each platform: defined in the policy pack (infra/policy/facts/residency.ts), because `pulumi policy publish` uploads
 * infra/policy alone and its policies read these facts. The program, its schemas and tests import them from here.
 */
export * from "./policy/facts/residency";
