import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { T, isOneOfTypes } from "../lib/tokens";

/** Auth0's password strength levels this policy accepts (`none`, `low` and `fair` are too weak). */
const STRONG_PASSWORD_POLICIES = ["good", "excellent"];

/** The three protections of `auth0.AttackProtection`, by their SDK property. */
const PROTECTIONS = {
    bruteForceProtection: "brute-force protection",
    breachedPasswordDetection: "breached password detection",
    suspiciousIpThrottling: "suspicious IP throttling",
} as const;

/**
 * Data policy §05 "access control mechanisms" for the identity tenant: every login needs a second factor, attacks on
 * logins are blocked, and database passwords are strong. A stack policy, not one per resource: the Guardian (MFA)
 * and attack-protection settings are tenant singletons whose absence from the stack leaves Auth0's defaults (MFA
 * never required), and a per-resource policy would pass a stack that simply omits them.
 *
 * | what | must hold |
 * |---|---|
 * | `auth0.Guardian` | declared; `policy: "all-applications"`; OTP or a WebAuthn factor (roaming or platform) enabled; no SMS, voice or email factor (interceptable, or the password's own recovery channel) |
 * | `auth0.AttackProtection` | declared; brute-force protection, breached password detection and suspicious IP throttling each enabled with the `block` shield |
 * | `auth0.Connection`, strategy `auth0` (a user database) | `options.passwordPolicy` `good` or `excellent` |
 *
 * Not applicable to a stack without Auth0 resources.
 */
export const auth0LoginProtections = stackPolicy({
    name: "auth0-login-protections",
    description: "An Auth0 tenant must require MFA for every login, block login attacks and require strong database passwords.",
    clauses: ["05.encryption-and-access-control"],
    subjects: [...T.auth0Guardian, ...T.auth0AttackProtection, ...T.auth0Connection],
    severity: "critical",
    remediation:
        "Declare the MfaPolicy (auth0.Guardian, policy all-applications, OTP or WebAuthn) and AttackProtection components, " +
        'and give each user database a passwordPolicy of "good" or "excellent".',
    validate: (args, report) => {
        const rs = args.resources;
        if (!rs.some((r) => r.type.startsWith("auth0:"))) args.notApplicable("the stack has no Auth0 resources");
        const of = (types: readonly string[]) => rs.filter((r) => isOneOfTypes(r.type, types));

        const guardians = of(T.auth0Guardian);
        if (guardians.length === 0) report("The stack manages Auth0 but declares no auth0.Guardian: MFA stays at Auth0's default, never required.");
        for (const g of guardians) guardianProblems(g).forEach((p) => report(`auth0.Guardian ${g.name}: ${p}`, g.urn));

        const protections = of(T.auth0AttackProtection);
        if (protections.length === 0) report("The stack manages Auth0 but declares no auth0.AttackProtection: login attacks are not blocked.");
        for (const a of protections) {
            for (const [prop, label] of Object.entries(PROTECTIONS)) {
                const block = a.props[prop] as { enabled?: unknown; shields?: unknown } | undefined;
                if (block?.enabled !== true) report(`auth0.AttackProtection ${a.name}: ${label} is not enabled.`, a.urn);
                else if (!Array.isArray(block.shields) || !block.shields.includes("block")) report(`auth0.AttackProtection ${a.name}: ${label} does not block (no "block" shield).`, a.urn);
            }
        }

        for (const c of of(T.auth0Connection)) {
            if (c.props.strategy !== "auth0") continue;
            const level = (c.props.options as { passwordPolicy?: unknown } | undefined)?.passwordPolicy;
            if (typeof level !== "string" || !STRONG_PASSWORD_POLICIES.includes(level)) {
                report(`auth0.Connection ${c.name}: password policy ${String(level ?? "(unset)")}; it must be one of ${STRONG_PASSWORD_POLICIES.join(", ")}.`, c.urn);
            }
        }
    },
});

/** What is wrong with one Guardian's settings (none when it requires a strong second factor for every login). */
function guardianProblems(g: PolicyResource): string[] {
    const p = g.props;
    const problems: string[] = [];
    if (p.policy !== "all-applications") problems.push(`MFA policy ${String(p.policy ?? "(unset)")}; it must be all-applications (every login).`);
    const enabled = (block: unknown) => (block as { enabled?: unknown } | undefined)?.enabled === true;
    if (!(p.otp === true || enabled(p.webauthnRoaming) || enabled(p.webauthnPlatform))) {
        problems.push("no strong factor: enable OTP or WebAuthn (a security key or the device's biometrics).");
    }
    // A phone block enables SMS or voice codes (per its messageTypes); email codes go where password resets go.
    if (p.phone !== undefined) problems.push("SMS or voice codes are enabled (phone); they can be intercepted.");
    if (p.email === true) problems.push("email codes are enabled; they go to the password's own recovery channel.");
    return problems;
}
