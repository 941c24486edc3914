/**
 * How the prod stack wires MFA (infra/areas/identity.ts), asserted exactly: MFA under the prod config (data policy "05.encryption-and-access-control"; Auth0 Production Checks "Multi-factor
 * Auth should be configured"): required for every application, strong factors only; SMS, voice, email, push and
 * Duo stay off. The component on its own, with fixture args, is tests/components/identity/mfa-policy.test.ts.
 */
import { childrenOf, named, runStack } from "../harness/stack";
import { GUARDIAN_EVERY_FACTOR } from "../harness/expected-settings";
import { recordOnce } from "../harness/record-once";

const rec = recordOnce(() => runStack());

test("the component holds exactly the Guardian settings, and outputs their id and the MFA policy's name", () => {
    const component = named(rec, "auth0-mfa", "data-platform:identity:MfaPolicy");
    expect(childrenOf(rec, component).map((r) => r.type)).toEqual(["auth0:index/guardian:Guardian"]);
    expect(rec.states.get(component.urn)).toEqual({ guardianId: "auth0-mfa-id", policy: "all-applications" });
});

test("all applications require MFA with OTP, security keys, device biometrics and recovery codes; nothing weaker", () => {
    expect(named(rec, "auth0-mfa", "auth0:index/guardian:Guardian").inputs).toEqual(GUARDIAN_EVERY_FACTOR);
});

test("a factor left out of config is off: its block is absent, which the provider treats as disabled", async () => {
    const otpOnly = await runStack({ mutate: (c) => (c["data-platform:auth0"].mfa.factors = ["otp"]) });
    expect(named(otpOnly, "auth0-mfa", "auth0:index/guardian:Guardian").inputs).toEqual({
        policy: "all-applications",
        otp: true,
        recoveryCode: false,
        email: false,
    });
});
