/**
 * What a strong password policy is: defined in the policy pack (infra/policy/facts/rules/password.ts), because `pulumi policy publish` uploads
 * infra/policy alone and its policies read these facts. The program, its schemas and tests import them from here.
 */
export * from "../policy/facts/rules/password";
