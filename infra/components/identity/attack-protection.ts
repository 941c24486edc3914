/**
 * Auth0 attack protection, all three protections on and blocking (data policy "05.encryption-and-access-control":
 * access control mechanisms; Auth0 "Attack Protection": brute-force protection, breached password detection,
 * suspicious IP throttling).
 *
 * | protection | setting |
 * |---|---|
 * | brute force | block the account from the attacking IP after `bruteForceMaxAttempts` failures, and tell the user |
 * | breached passwords | block logins, sign-ups and password changes that use a known-breached password; tell the user and the tenant admins (daily digest) |
 * | suspicious IP throttling | throttle IPs that try many accounts, at Auth0's default rates; tell the tenant admins |
 *
 * No IP is exempt from any of them (empty allowlists). Values are the Management API's snake_case values, not the
 * camelCase the SDK's doc comments show (terraform-provider-auth0 `attack_protection` validators).
 *
 * Bot detection and CAPTCHA are not declared: they depend on the tenant's plan (Attack Protection add-on), and
 * declaring them on a plan without it fails the deployment. See docs/identity.md.
 *
 * `auth0.AttackProtection` is a singleton: deleting it from the program only stops managing the settings.
 */
import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";

export interface AttackProtectionArgs {
    /** Consecutive failed logins for one account from one IP before it is blocked. Default 10 (Auth0's default). */
    readonly bruteForceMaxAttempts?: number;
}

/** Auth0's defaults for suspicious IP throttling (Management API schema): attempts and refill interval in ms. */
export const SUSPICIOUS_IP_PRE_LOGIN = { maxAttempts: 100, rate: 864000 } as const;
export const SUSPICIOUS_IP_PRE_USER_REGISTRATION = { maxAttempts: 50, rate: 1728000 } as const;

export class AttackProtection extends pulumi.ComponentResource {
    /** The provider's id of the tenant's attack-protection settings. */
    public readonly attackProtectionId: pulumi.Output<string>;

    public readonly attackProtection: auth0.AttackProtection;

    constructor(name: string, args: AttackProtectionArgs = {}, opts?: pulumi.ComponentResourceOptions) {
        super("data-platform:identity:AttackProtection", name, {}, opts);

        this.attackProtection = new auth0.AttackProtection(
            name,
            {
                bruteForceProtection: {
                    enabled: true,
                    mode: "count_per_identifier_and_ip",
                    maxAttempts: args.bruteForceMaxAttempts ?? 10,
                    shields: ["block", "user_notification"],
                    allowlists: [],
                },
                breachedPasswordDetection: {
                    enabled: true,
                    // `enhanced` (Credential Guard) needs a separate licence; `standard` works on every plan.
                    method: "standard",
                    shields: ["block", "user_notification", "admin_notification"],
                    adminNotificationFrequencies: ["daily"],
                    preUserRegistration: { shields: ["block"] },
                    preChangePassword: { shields: ["block"] },
                },
                suspiciousIpThrottling: {
                    enabled: true,
                    shields: ["block", "admin_notification"],
                    allowlists: [],
                    preLogin: { ...SUSPICIOUS_IP_PRE_LOGIN },
                    preUserRegistration: { ...SUSPICIOUS_IP_PRE_USER_REGISTRATION },
                },
            },
            { parent: this },
        );

        this.attackProtectionId = this.attackProtection.id;
        this.registerOutputs({ attackProtectionId: this.attackProtectionId });
    }
}
