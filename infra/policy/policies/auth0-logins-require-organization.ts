import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { knownString } from "../lib/pairing";
import { isUnknownValue, peek, type Peeked } from "../lib/props";
import { T, TYPES, isOneOfTypes } from "../lib/tokens";

/** Grant types through which a person logs in (not a machine's client credentials). */
const INTERACTIVE_GRANTS = ["authorization_code", "implicit", "password", "http://auth0.com/oauth/grant-type/password-realm"];

/**
 * Data policy §03 "tenant data is limited to the tenant's users": every application people log in to requires an
 * Auth0 Organization at login (`organizationUsage: "require"`), so every session belongs to one customer tenant.
 * An application for staff only is exempted in the pack config, with its reason.
 *
 * | what | must hold |
 * |---|---|
 * | each interactive `auth0.Client` (an interactive grant type, or no grant types: Auth0 then allows them) | `organizationUsage: "require"` |
 * | each `auth0.ConnectionClients` / `ConnectionClient` | its connection is one of the stack's (by reference, or its known id after deployment), and every client it enables is a client of the stack (by reference, or its known clientId) and requires an Organization |
 * | the user databases (`auth0.Connection`, strategy `auth0`) | not a domain connection (`isDomainConnection`: usable by any client of the tenant, third-party ones included, without being enabled) |
 * | the `auth0.Tenant` settings, where the stack manages clients | `flags.enableClientConnections: false` (otherwise Auth0 enables each new client on every connection) and no dynamic client registration |
 *
 * Every value is read without tripping the unknown-value check (lib/props.ts): in a stack policy one unknown read
 * would turn the whole policy into a preview advisory; here an unknown value is a finding of its own. Not applicable
 * to a stack without Auth0 clients.
 */
export const auth0LoginsRequireOrganization = stackPolicy({
    name: "auth0-logins-require-organization",
    description: "Every Auth0 application people log in to must require an Organization at login, and only the stack's applications may log in its users.",
    clauses: ["03.tenant-data-access", "01.tenant-managed-access"],
    subjects: [...T.auth0Client, ...T.auth0ConnectionClients, ...T.auth0Connection, ...T.auth0Tenant],
    severity: "critical",
    remediation:
        'Set `organizationUsage: "require"` on each auth0.Client people log in to (the Application component with customerFacing: true), ' +
        "enable only the stack's clients, by reference, on its connections, and keep the TenantSettings component (enableClientConnections: false).",
    validate: (args, report, _config, isExempt) => {
        const rs = args.resources;
        const of = (types: readonly string[]) => rs.filter((r) => isOneOfTypes(r.type, types));
        const clients = of(T.auth0Client);
        const enabling = of(T.auth0ConnectionClients);
        if (clients.length === 0 && enabling.length === 0) args.notApplicable("the stack has no Auth0 clients");

        const judged = new Set<string>();
        const judge = (c: PolicyResource) => {
            if (judged.has(c.urn) || isExempt(c)) return;
            judged.add(c.urn);
            const usage = peek(c.props, "organizationUsage");
            if (usage.state !== "known" || usage.value !== "require") {
                report(`auth0.Client ${c.name} logs people in with organizationUsage ${shown(usage, "(unset: deny)")}; it must be require (one customer tenant per session).`, c.urn);
            }
        };
        for (const c of clients) {
            const grants = peek(c.props, "grantTypes");
            const list = grants.state === "known" && Array.isArray(grants.value) ? (grants.value as unknown[]) : undefined;
            // No grant types, or unknown ones: Auth0 may allow interactive logins, so the client is judged.
            if (list === undefined || list.length === 0 || list.some((g) => isUnknownValue(g) || INTERACTIVE_GRANTS.includes(String(g)))) judge(c);
        }

        const connections = of(T.auth0Connection);
        for (const e of enabling) {
            const label = `auth0.${e.type.split(":").pop()} ${e.name}`;
            const refs = new Set((e.propertyDependencies["connectionId"] ?? []).map((d) => d.urn));
            const id = knownString(e, "connectionId");
            const connection = connections.find((c) => refs.has(c.urn) || (id !== undefined && knownString(c, "id") === id));
            if (!connection) report(`${label} enables clients on a connection this stack does not declare: whether it holds the tenants' users cannot be checked.`, e.urn);

            const property = e.type === TYPES.auth0ConnectionClient ? "clientId" : "enabledClients";
            const entries = entriesOf(e, property);
            if (entries === "unknown") {
                report(`${label}: its ${property} is unknown at preview as a whole, so the clients it enables cannot be told apart; list each client's id (\`client.clientId\`) directly.`, e.urn);
                continue;
            }
            // A known id pairs with the client of the stack whose known clientId it is (after deployment), and with no
            // other; the unknown ones (at preview) with the clients referenced and not named by a known id.
            const referenced = (e.propertyDependencies[property] ?? []).map((d) => clients.find((c) => c.urn === d.urn)).filter((c): c is PolicyResource => c !== undefined);
            const named = entries.known.map((known) => ({ known, client: clients.find((c) => knownString(c, "clientId") === known) }));
            const paired = named.flatMap((n) => (n.client ? [n.client] : []));
            const rest = referenced.filter((c) => !paired.includes(c));
            const strangers = named.filter((n) => !n.client).map((n) => n.known);
            const unpaired = strangers.length + Math.max(0, entries.unknown - rest.length);
            if (unpaired > 0) {
                const literal = strangers.length > 0 ? ` (${strangers.join(", ")})` : "";
                report(`${label} enables ${unpaired} client(s)${literal} that are not clients of this stack by reference: whether they require an Organization cannot be checked.`, e.urn);
            }
            for (const c of [...paired, ...(entries.unknown > 0 ? rest : [])]) judge(c);
        }

        for (const c of connections) {
            const strategy = peek(c.props, "strategy");
            if (strategy.state === "known" && strategy.value !== "auth0") continue;
            const domain = peek(c.props, "isDomainConnection");
            if (domain.state === "unknown" || (domain.state === "known" && domain.value !== false)) {
                report(`auth0.Connection ${c.name} is a domain connection (isDomainConnection ${shown(domain, "")}): any client of the tenant could log its users in without being enabled.`, c.urn);
            }
        }

        if (clients.length > 0) {
            const tenants = of(T.auth0Tenant);
            if (tenants.length === 0) report("The stack manages Auth0 clients but no auth0.Tenant settings: Auth0 enables each new client on every connection (enableClientConnections).");
            for (const t of tenants) {
                const auto = peek(t.props, "flags.enableClientConnections");
                if (auto.state !== "known" || auto.value !== false) {
                    report(`auth0.Tenant ${t.name}: flags.enableClientConnections ${shown(auto, "(unset: true)")}; it must be false, or Auth0 enables each new client on every connection.`, t.urn);
                }
                const dynamic = peek(t.props, "flags.enableDynamicClientRegistration");
                if (dynamic.state === "unknown" || (dynamic.state === "known" && dynamic.value === true)) {
                    report(`auth0.Tenant ${t.name}: flags.enableDynamicClientRegistration ${shown(dynamic, "")}; anyone could register a client.`, t.urn);
                }
            }
        }
    },
});

const shown = (v: Peeked, absent: string): string => (v.state === "unknown" ? "(unknown at preview)" : v.state === "absent" ? absent : String(v.value));

/** The entries of a list input (or the single value of a scalar one): known strings, and how many are unknown at preview. */
function entriesOf(r: PolicyResource, property: string): { known: string[]; unknown: number } | "unknown" {
    const v = peek(r.props, property);
    if (v.state === "absent") return { known: [], unknown: 0 };
    if (v.state === "unknown") return "unknown";
    const list = Array.isArray(v.value) ? (v.value as unknown[]) : [v.value];
    const known = list.filter((x): x is string => typeof x === "string" && !isUnknownValue(x));
    return { known, unknown: list.length - known.length };
}
