/**
 * The exact inputs a component gives a child, as a function of the args that vary: read by the component's own
 * test (fixture args, tests/components/) and by the prod wiring's (prod values, tests/areas/), so that both assert
 * one literal with an exact `toEqual` instead of each writing it out.
 */

/** The Auth0 log stream of `AuditLogStream`: active, EventBridge, unfiltered, no credential in the sink. */
export function logStreamInputs(awsAccountId: string, awsRegion: string, name = "data-policy-audit") {
    return { name, type: "eventbridge", status: "active", sink: { awsAccountId, awsRegion } };
}
