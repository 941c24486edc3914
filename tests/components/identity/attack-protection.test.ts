/**
 * `AttackProtection` on its own, with fixture args (data policy "05.encryption-and-access-control"; Auth0 "Attack
 * Protection"): brute-force protection, breached-password detection and suspicious-IP throttling, all enabled and
 * blocking, no IP exempt, in the Management API's snake_case values. How the prod stack wires it from config is
 * tests/areas/identity-attack-protection.test.ts.
 */
import { AttackProtection, type AttackProtectionArgs } from "../../../infra/components/identity/attack-protection";
import type { Recording } from "../../../infra/check/recorder";
import { buildAlone } from "../../harness/build-alone";
import { childrenOf, named } from "../../harness/stack";
import { attackProtectionInputs } from "../../harness/expected-settings";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:identity:AttackProtection";
const SETTINGS = "auth0:index/attackProtection:AttackProtection";

function build(args?: AttackProtectionArgs): Promise<Recording> {
    return buildAlone(() => new AttackProtection("a", args));
}

describe("with a fixture brute-force limit", () => {
    const rec = recordOnce(() => build({ bruteForceMaxAttempts: 4 }));
    const inputs = (): Record<string, any> => named(rec, "a", SETTINGS).inputs;

    test("the component holds exactly the tenant's attack-protection settings, and outputs their id", () => {
        const component = named(rec, "a", COMPONENT);
        expect(childrenOf(rec, component).map((r) => r.type)).toEqual([SETTINGS]);
        expect(Object.keys(inputs()).sort()).toEqual(["breachedPasswordDetection", "bruteForceProtection", "suspiciousIpThrottling"]);
        expect(rec.states.get(component.urn)).toEqual({ attackProtectionId: "a-id" });
    });

    test("brute force on, per account and IP, blocking after the given failures, the user told; breached passwords and suspicious IPs blocked, admins told; nothing else", () => {
        expect(inputs()).toEqual(attackProtectionInputs(4));
    });
});

test("without args: Auth0's default brute-force limit, 10", async () => {
    const rec = await build();
    expect((named(rec, "a", SETTINGS).inputs as Record<string, any>)["bruteForceProtection"].maxAttempts).toBe(10);
});
