/**
 * How long the audit trails are kept: defined in the policy pack (infra/policy/facts/rules/audit-retention.ts), because `pulumi policy publish` uploads
 * infra/policy alone and its policies read these facts. The program, its schemas and tests import them from here.
 */
export * from "../policy/facts/rules/audit-retention";
