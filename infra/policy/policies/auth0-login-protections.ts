import type { PolicyResource } from "@pulumi/policy";
import { MIN_PASSWORD_LENGTH, STRONG_PASSWORD_LEVELS } from "../facts/rules/password";
import { stackPolicy } from "../lib/define";
import { auth0Tenants } from "../lib/auth0";
import { flag, peek, shown, type Peeked } from "../lib/props";
import { T, isOneOfTypes } from "../lib/tokens";

/** The three protections of `auth0.AttackProtection`, by their SDK property. */
const PROTECTIONS = {
    bruteForceProtection: "brute-force protection",
    breachedPasswordDetection: "breached password detection",
    suspiciousIpThrottling: "suspicious IP throttling",
} as const;

/**
 * Data policy §05 "access control mechanisms" for each Auth0 tenant the stack manages: every login needs a second
 * factor, attacks on logins are blocked, and user-database passwords are strong. A stack policy, not one per
 * resource: the Guardian (MFA) and attack-protection settings are tenant singletons whose absence leaves Auth0's
 * defaults (MFA never required), and a per-resource policy would pass a stack that simply omits them.
 *
 * A tenant is an Auth0 provider of the stack: each provider that manages any Auth0 resource must have its own
 * Guardian and AttackProtection (a second tenant's users are not protected by the first tenant's settings).
 *
 * | what | must hold |
 * |---|---|
 * | `auth0.Guardian`, per tenant | `policy: "all-applications"`; OTP or a WebAuthn factor (roaming or platform) enabled; no phone (SMS, voice), email or push factor (interceptable, the password's own recovery channel, open to MFA-fatigue prompts) and no Duo (a processor the register does not name) |
 * | `auth0.AttackProtection`, per tenant | brute-force protection, breached password detection and suspicious IP throttling each enabled with the `block` shield and no allowlisted IP; breached passwords also blocked at sign-up and password change |
 * | `auth0.Connection`, strategy `auth0` (a user database) | password policy `good` or `excellent`, at least 12 characters, history on, the common-password dictionary and the personal-data check on; its own MFA (`options.mfa.active`) and brute-force protection on (each can switch the tenant's off for that database); no custom database scripts or import mode (either bypasses the password rules) |
 *
 * Every value is read without tripping @pulumi/policy's unknown-value check: a stack policy that read an unknown
 * value would be reported only as an advisory "can't run during preview", hiding every other finding. A setting that
 * must be on and is unknown at preview is its own mandatory finding (the components set each explicitly, so a real
 * preview knows it); one that must be off fails only when known to be on, as the provider computes it when the
 * program leaves it unset (unknown in a real preview of a new resource), and it is known after deployment.
 * Not bounded: brute-force and throttling thresholds (the component keeps Auth0's defaults). Connections can be exempted (pack config); the tenant singletons
 * cannot. Not applicable to a stack without Auth0 resources.
 */
export const auth0LoginProtections = stackPolicy({
    name: "auth0-login-protections",
    description: "Each Auth0 tenant must require MFA for every login, block login attacks and require strong database passwords.",
    clauses: ["05.encryption-and-access-control"],
    subjects: [...T.auth0Guardian, ...T.auth0AttackProtection, ...T.auth0Connection],
    severity: "critical",
    remediation:
        "Declare the MfaPolicy (auth0.Guardian, policy all-applications, OTP or WebAuthn) and AttackProtection components on each " +
        "Auth0 provider, and declare each user database through the UserDatabase component.",
    validate: (args, report, _config, isExempt) => {
        const rs = args.resources;
        const managed = rs.filter((r) => r.type.startsWith("auth0:"));
        if (managed.length === 0) args.notApplicable("the stack has no Auth0 resources");

        for (const tenant of auth0Tenants(managed)) {
            const who = tenant.label[0]!.toUpperCase() + tenant.label.slice(1);
            const of = (types: readonly string[]) => tenant.resources.filter((r) => isOneOfTypes(r.type, types));
            const guardians = of(T.auth0Guardian);
            if (guardians.length === 0) report(`${who} manages a tenant with no auth0.Guardian: MFA stays at Auth0's default, never required.`, tenant.urn);
            for (const g of guardians) guardianProblems(g).forEach((p) => report(`auth0.Guardian ${g.name}: ${p}`, g.urn));
            const protections = of(T.auth0AttackProtection);
            if (protections.length === 0) report(`${who} manages a tenant with no auth0.AttackProtection: login attacks are not blocked.`, tenant.urn);
            for (const a of protections) attackProtectionProblems(a).forEach((p) => report(`auth0.AttackProtection ${a.name}: ${p}`, a.urn));
        }

        for (const c of managed.filter((r) => isOneOfTypes(r.type, T.auth0Connection))) {
            if (isExempt(c)) continue;
            const strategy = peek(c.props, "strategy");
            if (strategy.state === "unknown") report(`auth0.Connection ${c.name}: its strategy is unknown at preview, so whether it is a user database cannot be shown.`, c.urn);
            if (strategy.state !== "known" || strategy.value !== "auth0") continue;
            userDatabaseProblems(c).forEach((p) => report(`auth0.Connection ${c.name}: ${p}`, c.urn));
        }
    },
});

/** Whether `path` of `r` is known and `true`; `unknown` when it is unknown at preview. */
const isTrue = (r: PolicyResource, path: string): boolean | "unknown" => flag(r.props, path);

const known = (v: Peeked): unknown => (v.state === "known" ? v.value : undefined);

/** What is wrong with one Guardian's settings (none when it requires a strong second factor for every login). */
function guardianProblems(g: PolicyResource): string[] {
    const problems: string[] = [];
    const policy = peek(g.props, "policy");
    if (known(policy) !== "all-applications") problems.push(`MFA policy ${shown(policy)}; it must be all-applications (every login).`);
    const strong = [isTrue(g, "otp"), isTrue(g, "webauthnRoaming.enabled"), isTrue(g, "webauthnPlatform.enabled")];
    if (!strong.includes(true)) {
        problems.push(
            strong.includes("unknown")
                ? "whether a strong factor (OTP or WebAuthn) is enabled is unknown at preview."
                : "no strong factor: enable OTP or WebAuthn (a security key or the device's biometrics).",
        );
    }
    // Off unless known to be on: a factor the program leaves unset is computed by the provider, so a real preview of a
    // new Guardian shows it unknown, and failing on that would fail every first preview. After deployment it is known.
    const weak: [string, boolean | "unknown", string][] = [
        ["phone (SMS or voice codes)", isTrue(g, "phone.enabled"), "they can be intercepted"],
        ["email codes", isTrue(g, "email"), "they go to the password's own recovery channel"],
        ["push notifications", isTrue(g, "push.enabled"), "a user can approve an attacker's prompt (MFA fatigue)"],
        ["Duo", isTrue(g, "duo.enabled"), "it sends logins to Duo, a processor infra/processors.ts does not declare"],
    ];
    for (const [factor, on, why] of weak) if (on === true) problems.push(`${factor} enabled; ${why}.`);
    return problems;
}

/** What is wrong with one AttackProtection's settings. */
function attackProtectionProblems(a: PolicyResource): string[] {
    const problems: string[] = [];
    const blocks = (path: string): boolean | "unknown" => {
        const shields = peek(a.props, path);
        if (shields.state === "unknown") return "unknown";
        return Array.isArray(known(shields)) && (known(shields) as unknown[]).includes("block");
    };
    for (const [prop, label] of Object.entries(PROTECTIONS)) {
        const enabled = isTrue(a, `${prop}.enabled`);
        if (enabled !== true) {
            problems.push(enabled === "unknown" ? `whether ${label} is enabled is unknown at preview.` : `${label} is not enabled.`);
            continue;
        }
        const block = blocks(`${prop}.shields`);
        if (block !== true) problems.push(block === "unknown" ? `whether ${label} blocks is unknown at preview.` : `${label} does not block (no "block" shield).`);
        const allow = peek(a.props, `${prop}.allowlists`);
        if (allow.state === "unknown") problems.push(`${label}'s allowlist is unknown at preview.`);
        else if (Array.isArray(known(allow)) && (known(allow) as unknown[]).length > 0) {
            problems.push(`${label} exempts ${(known(allow) as unknown[]).join(", ")}; no IP may be exempt.`);
        }
    }
    if (isTrue(a, "breachedPasswordDetection.enabled") === true) {
        for (const [stage, label] of [["preUserRegistration", "sign-up"], ["preChangePassword", "password change"]] as const) {
            const block = blocks(`breachedPasswordDetection.${stage}.shields`);
            if (block !== true) problems.push(block === "unknown" ? `whether breached passwords are blocked at ${label} is unknown at preview.` : `breached passwords are not blocked at ${label} (no "block" shield on ${stage}).`);
        }
    }
    return problems;
}

/** What is wrong with one user database's password and login settings. */
function userDatabaseProblems(c: PolicyResource): string[] {
    const problems: string[] = [];
    const options = peek(c.props, "options");
    if (options.state === "unknown") return ["its options are unknown at preview, so its password policy and MFA cannot be shown."];
    const at = (path: string) => peek(c.props, `options.${path}`);
    const level = at("passwordPolicy");
    if (!(STRONG_PASSWORD_LEVELS as readonly unknown[]).includes(known(level))) {
        problems.push(`password policy ${shown(level)}; it must be one of ${STRONG_PASSWORD_LEVELS.join(", ")}.`);
    }
    const minLength = at("passwordComplexityOptions.minLength");
    if (!(typeof known(minLength) === "number" && (known(minLength) as number) >= MIN_PASSWORD_LENGTH)) {
        problems.push(`minimum password length ${shown(minLength)}; it must be at least ${MIN_PASSWORD_LENGTH}.`);
    }
    const histories = at("passwordHistories");
    const historyOn = Array.isArray(known(histories)) && (known(histories) as { enable?: unknown; size?: unknown }[]).some((h) => h.enable === true && typeof h.size === "number" && h.size >= 1);
    if (!historyOn) problems.push(histories.state === "unknown" ? "its password history is unknown at preview." : "password history is off (passwordHistories: enable, size at least 1).");
    // Ways around the password rules, off unless known to be on (provider-computed when unset, as the weak factors).
    for (const [path, label] of [["enabledDatabaseCustomization", "custom database scripts (a login script decides what a valid password is)"], ["importMode", "import mode (users' passwords checked by a legacy database)"]] as const) {
        if (isTrue(c, `options.${path}`) === true) problems.push(`${label} is on; the password rules are then bypassed.`);
    }
    for (const [path, label] of [["passwordDictionary.enable", "the common-password dictionary"], ["passwordNoPersonalInfo.enable", "the personal-data check on passwords"], ["mfa.active", "MFA for this database"], ["bruteForceProtection", "brute-force protection for this database"]] as const) {
        const on = isTrue(c, `options.${path}`);
        if (on !== true) problems.push(on === "unknown" ? `whether ${label} is on is unknown at preview.` : `${label} is off (options.${path} must be true).`);
    }
    return problems;
}
