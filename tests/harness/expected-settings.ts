/**
 * Settings a component declares whatever its args, written out in full once: read by the component's own test
 * (tests/components/) and by the prod wiring's (tests/areas/), so that both assert the same literal values.
 */

/** Auth0 breached-password detection (AttackProtection): on, blocking at login, sign-up and password change. */
export const BREACHED_PASSWORD_DETECTION = {
    enabled: true,
    method: "standard",
    shields: ["block", "user_notification", "admin_notification"],
    adminNotificationFrequencies: ["daily"],
    preUserRegistration: { shields: ["block"] },
    preChangePassword: { shields: ["block"] },
} as const;

/** Auth0 brute-force protection (AttackProtection): on, counted per account and IP, blocking after `maxAttempts` failures, the user told. */
export function bruteForceProtection(maxAttempts: number) {
    return { enabled: true, mode: "count_per_identifier_and_ip", maxAttempts, shields: ["block", "user_notification"], allowlists: [] };
}

/** Auth0 AttackProtection's three settings, exactly, with a brute-force limit of `maxAttempts`. */
export function attackProtectionInputs(maxAttempts: number) {
    return {
        bruteForceProtection: bruteForceProtection(maxAttempts),
        breachedPasswordDetection: BREACHED_PASSWORD_DETECTION,
        suspiciousIpThrottling: SUSPICIOUS_IP_THROTTLING,
    };
}

/** Auth0 Guardian (MfaPolicy) with every factor it can enable: MFA for all applications, email off. */
export const GUARDIAN_EVERY_FACTOR = {
    policy: "all-applications",
    otp: true,
    recoveryCode: true,
    email: false,
    webauthnRoaming: { enabled: true, userVerification: "preferred" },
    webauthnPlatform: { enabled: true },
} as const;

/** Auth0 suspicious-IP throttling (AttackProtection): on, blocking at Auth0's default rates, no IP exempt. */
export const SUSPICIOUS_IP_THROTTLING = {
    enabled: true,
    shields: ["block", "admin_notification"],
    allowlists: [],
    preLogin: { maxAttempts: 100, rate: 864000 },
    preUserRegistration: { maxAttempts: 50, rate: 1728000 },
} as const;

/** The Atlas audit filter (ProjectNetworkAndAudit), parsed: every authentication, authorization check and DDL. */
export const ATLAS_AUDIT_FILTER = {
    atype: {
        $in: [
            "authenticate",
            "logout",
            "authCheck",
            "createDatabase",
            "dropDatabase",
            "createCollection",
            "renameCollection",
            "dropCollection",
            "createIndex",
            "dropIndex",
        ],
    },
} as const;
