/**
 * How the prod stack wires Auth0 attack protection (infra/areas/identity.ts), asserted exactly: under the prod config (data policy "05.encryption-and-access-control"; Auth0 "Attack
 * Protection"): brute-force protection, breached-password detection and suspicious-IP throttling, all enabled and
 * blocking, no IP exempt. Values are the Management API's snake_case values (terraform-provider-auth0
 * `attack_protection` validators), not the camelCase the SDK's doc comments show. The component on its own, with
 * fixture args, is tests/components/identity/attack-protection.test.ts.
 */
import { childrenOf, named, runStack } from "../harness/stack";
import { attackProtectionInputs } from "../harness/expected-settings";
import { recordOnce } from "../harness/record-once";

const rec = recordOnce(() => runStack());

function inputs(): Record<string, any> {
    return named(rec, "auth0-attack-protection", "auth0:index/attackProtection:AttackProtection").inputs;
}

test("the component holds exactly the tenant's attack-protection settings", () => {
    const component = named(rec, "auth0-attack-protection", "data-platform:identity:AttackProtection");
    expect(childrenOf(rec, component).map((r) => r.type)).toEqual(["auth0:index/attackProtection:AttackProtection"]);
    expect(Object.keys(inputs()).sort()).toEqual(["breachedPasswordDetection", "bruteForceProtection", "suspiciousIpThrottling"]);
    expect(rec.states.get(component.urn)).toEqual({ attackProtectionId: "auth0-attack-protection-id" });
});

test("brute force on, per account and IP, blocking after 10 failures, the user told; breached passwords and suspicious IPs blocked, admins told; nothing else", () => {
    expect(inputs()).toEqual(attackProtectionInputs(10));
});

test("every string value is the API's snake_case, never the camelCase the SDK's doc comments show", () => {
    const values: string[] = [];
    const collect = (v: unknown): void => {
        if (typeof v === "string") values.push(v);
        else if (Array.isArray(v)) v.forEach(collect);
        else if (v !== null && typeof v === "object") Object.values(v).forEach(collect);
    };
    collect(inputs());
    expect([...new Set(values)].sort()).toEqual(
        ["admin_notification", "block", "count_per_identifier_and_ip", "daily", "standard", "user_notification"].sort(),
    );
});
