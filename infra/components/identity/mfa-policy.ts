/**
 * Multi-factor authentication for every login to every application (data policy "05.encryption-and-access-control";
 * Auth0 Production Checks "Multi-factor Auth should be configured"; Auth0 "Enable Multi-Factor Authentication").
 *
 * `auth0.Guardian` with `policy: "all-applications"` and only the factors named in `factors`. A factor block the
 * Guardian resource does not receive is disabled, so SMS, voice, email, push and Duo stay off: SMS and voice
 * codes can be intercepted (SIM swap), email codes share the password's recovery channel.
 *
 * MFA for the tenant's own Dashboard administrators is a separate setting with no provider resource; see
 * docs/identity.md.
 *
 * `auth0.Guardian` is a singleton: deleting it from the program only stops managing the settings.
 */
import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";

/** A second factor this component can enable. */
export type MfaFactor = "otp" | "webauthn-roaming" | "webauthn-platform" | "recovery-code";

export interface MfaPolicyArgs {
    /**
     * The factors users may enrol. At least one of `otp`, `webauthn-roaming` (security keys) or
     * `webauthn-platform` (device biometrics); `recovery-code` only stands in for a lost factor.
     */
    readonly factors: readonly MfaFactor[];
}

export class MfaPolicy extends pulumi.ComponentResource {
    /** The provider's id of the tenant's Guardian (MFA) settings. */
    public readonly guardianId: pulumi.Output<string>;
    /** When MFA is required, by Auth0's policy name (`all-applications`). */
    public readonly policy: pulumi.Output<string>;

    public readonly guardian: auth0.Guardian;

    constructor(name: string, args: MfaPolicyArgs, opts?: pulumi.ComponentResourceOptions) {
        super("data-platform:identity:MfaPolicy", name, {}, opts);
        const on = (f: MfaFactor) => args.factors.includes(f);

        this.guardian = new auth0.Guardian(
            name,
            {
                policy: "all-applications",
                otp: on("otp"),
                recoveryCode: on("recovery-code"),
                email: false,
                // Present block = enabled, absent block = disabled (provider docs for `webauthn_*`). As a second
                // factor after the password, possession of the key is what counts: `preferred` (Auth0's default)
                // asks for the key's PIN where it has one, and `required` would lock out keys without one.
                webauthnRoaming: on("webauthn-roaming") ? { enabled: true, userVerification: "preferred" } : undefined,
                webauthnPlatform: on("webauthn-platform") ? { enabled: true } : undefined,
            },
            { parent: this },
        );

        this.guardianId = this.guardian.id;
        this.policy = this.guardian.policy;
        this.registerOutputs({ guardianId: this.guardianId, policy: this.policy });
    }
}
