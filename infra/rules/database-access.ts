/**
 * What an application may be granted on the operational-data cluster: defined in the policy pack (infra/policy/facts/rules/database-access.ts), because `pulumi policy publish` uploads
 * infra/policy alone and its policies read these facts. The program, its schemas and tests import them from here.
 */
export * from "../policy/facts/rules/database-access";
