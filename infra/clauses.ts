/**
 * The data policy's clauses and the controls that make each true: defined in the policy pack (infra/policy/facts/clauses.ts), because `pulumi policy publish` uploads
 * infra/policy alone and its policies read these facts. The program, its schemas and tests import them from here.
 */
export * from "./policy/facts/clauses";
