/**
 * `MfaPolicy` on its own, with fixture args (data policy "05.encryption-and-access-control"; Auth0 Production Checks
 * "Multi-factor Auth should be configured"): required for every application, only the factors given; SMS, voice,
 * email, push and Duo stay off. How the prod stack wires it from config is tests/areas/identity-mfa-policy.test.ts.
 */
import { MfaPolicy, type MfaFactor } from "../../../infra/components/identity/mfa-policy";
import type { Recording } from "../../../infra/check/recorder";
import { buildAlone } from "../../harness/build-alone";
import { childrenOf, named } from "../../harness/stack";
import { GUARDIAN_EVERY_FACTOR } from "../../harness/expected-settings";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:identity:MfaPolicy";
const GUARDIAN = "auth0:index/guardian:Guardian";

function build(factors: readonly MfaFactor[]): Promise<Recording> {
    return buildAlone(() => new MfaPolicy("m", { factors }));
}

describe("with every factor it can enable", () => {
    const rec = recordOnce(() => build(["otp", "webauthn-roaming", "webauthn-platform", "recovery-code"]));

    test("the component holds exactly the Guardian settings, and outputs their id and the MFA policy's name", () => {
        const component = named(rec, "m", COMPONENT);
        expect(childrenOf(rec, component).map((r) => r.type)).toEqual([GUARDIAN]);
        expect(rec.states.get(component.urn)).toEqual({ guardianId: "m-id", policy: "all-applications" });
    });

    test("all applications require MFA with the factors given; email off", () => {
        expect(named(rec, "m", GUARDIAN).inputs).toEqual(GUARDIAN_EVERY_FACTOR);
    });
});

test("a factor not given is off: its block is absent, which the provider treats as disabled", async () => {
    const rec = await build(["webauthn-platform"]);
    expect(named(rec, "m", GUARDIAN).inputs).toEqual({
        policy: "all-applications",
        otp: false,
        recoveryCode: false,
        email: false,
        webauthnPlatform: { enabled: true },
    });
});
