/**
 * The third-party processor register: defined in the policy pack (infra/policy/facts/processors.ts), because `pulumi policy publish` uploads
 * infra/policy alone and its policies read these facts. The program, its schemas and tests import them from here.
 */
export * from "./policy/facts/processors";
