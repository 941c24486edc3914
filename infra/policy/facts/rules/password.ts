/**
 * What a strong password policy is for a user database (data policy §05 "access control mechanisms"; OWASP ASVS
 * 2.1, NIST SP 800-63B favour length): Auth0's strength level `good` or `excellent`, at least 12 characters, history
 * on, the common-password dictionary and the personal-data check on.
 *
 * Read by the config schema (`data-platform:auth0.database.passwordPolicy`) and by the `auth0-login-protections` policy.
 */

/** Auth0's password strength levels that are strong enough (`none`, `low` and `fair` are not). */
export const STRONG_PASSWORD_LEVELS = ["good", "excellent"] as const;

/** The shortest password allowed, over and above the strength level. */
export const MIN_PASSWORD_LENGTH = 12;
