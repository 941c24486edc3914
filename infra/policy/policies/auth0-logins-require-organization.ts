import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { knownString } from "../lib/pairing";
import { auth0Tenants } from "../lib/auth0";
import { flag, isUnknownValue, peek, shown } from "../lib/props";
import { T, TYPES, isOneOfTypes } from "../lib/tokens";

/** The grant types of a machine that logs no person in; a client with any other grant is judged. */
const MACHINE_GRANTS = ["client_credentials"];

/**
 * Data policy §03 "tenant data is limited to the tenant's users": every application people log in to requires an
 * Auth0 Organization at login (`organizationUsage: "require"`), so every session belongs to one customer tenant.
 * An application for staff only is exempted in the pack config, with its reason.
 *
 * | what | must hold |
 * |---|---|
 * | each `auth0.Client` with a grant other than `client_credentials` (or none declared: Auth0 then allows them) | `organizationUsage: "require"` |
 * | each `auth0.OrganizationConnection` / `OrganizationConnections` entry | `assignMembershipOnLogin` not on: it would make anyone of the connection who logs in through that Organization its member |
 * | each `auth0.ConnectionClients` / `ConnectionClient` | its connection is one of the stack's (by reference, or its known id after deployment), and every client it enables is a client of the stack (by reference, or its known clientId) and requires an Organization |
 * | each `auth0.Connection` | not a domain connection (`isDomainConnection`: usable by any client of the tenant, third-party ones included, without being enabled) |
 * | the `auth0.Tenant` settings of each tenant (provider) with clients | `flags.enableClientConnections: false` (otherwise Auth0 enables each new client on every connection) and no dynamic client registration |
 *
 * Every value is read without tripping the unknown-value check (lib/props.ts): in a stack policy one unknown read
 * would turn the whole policy into a preview advisory. A setting that must hold and is unknown is a finding of its
 * own; one that must be off (domain connection, dynamic registration, membership on login) fails only when known to
 * be on, as the provider computes it when unset. An enabled-clients list unknown as a whole (the provider's set may
 * plan so when one id is unknown) is judged by the clients it references; an unreferenced literal id inside it is
 * then unseen until deployment. Not applicable to a stack without Auth0 clients or connections.
 */
export const auth0LoginsRequireOrganization = stackPolicy({
    name: "auth0-logins-require-organization",
    description: "Every Auth0 application people log in to must require an Organization at login, and only the stack's applications may log in its users.",
    clauses: ["03.tenant-data-access", "01.tenant-managed-access"],
    subjects: [...T.auth0Client, ...T.auth0ConnectionClients, ...T.auth0Connection, ...T.auth0Tenant, ...T.auth0OrganizationConnections],
    severity: "critical",
    remediation:
        'Set `organizationUsage: "require"` on each auth0.Client people log in to (the Application component with customerFacing: true), ' +
        "enable only the stack's clients, by reference, on its connections, and keep the TenantSettings component (enableClientConnections: false).",
    validate: (args, report, _config, isExempt) => {
        const rs = args.resources;
        const of = (types: readonly string[]) => rs.filter((r) => isOneOfTypes(r.type, types));
        const clients = of(T.auth0Client);
        const enabling = of(T.auth0ConnectionClients);
        const connections = of(T.auth0Connection);
        if (clients.length === 0 && enabling.length === 0 && connections.length === 0) args.notApplicable("the stack has no Auth0 clients or connections");

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
            if (list === undefined || list.length === 0 || list.some((g) => isUnknownValue(g) || !MACHINE_GRANTS.includes(String(g)))) judge(c);
        }

        for (const e of enabling) {
            const label = `auth0.${e.type.split(":").pop()} ${e.name}`;
            // A known id names the connection (lib/pairing.ts): the one whose known id it is, referenced or not. An id
            // unknown at preview, or one that no connection's id can be compared with (none is known), pairs by reference.
            const refs = new Set((e.propertyDependencies["connectionId"] ?? []).map((d) => d.urn));
            const id = knownString(e, "connectionId");
            const byId = id !== undefined && connections.some((c) => knownString(c, "id") !== undefined);
            const connection = connections.find((c) => (byId ? knownString(c, "id") === id : refs.has(c.urn)));
            if (!connection) report(`${label} enables clients on a connection this stack does not declare: whether it holds the tenants' users cannot be checked.`, e.urn);

            const property = e.type === TYPES.auth0ConnectionClient ? "clientId" : "enabledClients";
            const referenced = (e.propertyDependencies[property] ?? []).map((d) => clients.find((c) => c.urn === d.urn)).filter((c): c is PolicyResource => c !== undefined);
            const entries = entriesOf(e, property);
            if (entries === "unknown") {
                if (referenced.length === 0) report(`${label}: its ${property} is unknown at preview and references no client of this stack, so the clients it enables cannot be checked.`, e.urn);
                referenced.forEach(judge);
                continue;
            }
            // A known id pairs with the client of the stack whose known clientId it is (after deployment), and with no
            // other; the unknown ones (at preview) with the clients referenced and not named by a known id.
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
            if (!isExempt(c) && isOn(c, "isDomainConnection")) {
                report(`auth0.Connection ${c.name} is a domain connection (isDomainConnection true): any client of the tenant could log its users in without being enabled.`, c.urn);
            }
        }
        for (const o of of(T.auth0OrganizationConnections)) {
            const entries = o.type === TYPES.auth0OrganizationConnection ? [""] : listOf(o, "enabledConnections").map((_, i) => `enabledConnections.${i}.`);
            for (const prefix of entries) {
                if (isOn(o, `${prefix}assignMembershipOnLogin`)) {
                    report(`auth0.${o.type.split(":").pop()} ${o.name}: ${prefix}assignMembershipOnLogin is true: anyone of that connection who logs in through the Organization becomes its member.`, o.urn);
                }
            }
        }

        // Per tenant (provider), as auth0-login-protections judges them (lib/auth0.ts).
        for (const { label, resources } of auth0Tenants(rs)) {
            if (!resources.some((r) => isOneOfTypes(r.type, T.auth0Client))) continue;
            const tenants = resources.filter((r) => isOneOfTypes(r.type, T.auth0Tenant));
            if (tenants.length === 0) report(`The clients of ${label} have no auth0.Tenant settings in the stack: Auth0 enables each new client on every connection (enableClientConnections).`);
            for (const t of tenants) {
                const auto = peek(t.props, "flags.enableClientConnections");
                if (auto.state !== "known" || auto.value !== false) {
                    report(`auth0.Tenant ${t.name}: flags.enableClientConnections ${shown(auto, "(unset: true)")}; it must be false, or Auth0 enables each new client on every connection.`, t.urn);
                }
                if (isOn(t, "flags.enableDynamicClientRegistration")) report(`auth0.Tenant ${t.name}: flags.enableDynamicClientRegistration true; anyone could register a client.`, t.urn);
            }
        }
    },
});

/** Whether `path` of `r` is known to be `true` (an unknown or absent value is not). */
const isOn = (r: PolicyResource, path: string): boolean => flag(r.props, path) === true;

/** The known list at `path` of `r`, or none. */
const listOf = (r: PolicyResource, path: string): unknown[] => {
    const v = peek(r.props, path);
    return v.state === "known" && Array.isArray(v.value) ? v.value : [];
};

/** The entries of a list input (or the single value of a scalar one): known strings, and how many are unknown at preview. */
function entriesOf(r: PolicyResource, property: string): { known: string[]; unknown: number } | "unknown" {
    const v = peek(r.props, property);
    if (v.state === "absent") return { known: [], unknown: 0 };
    if (v.state === "unknown") return "unknown";
    const list = Array.isArray(v.value) ? (v.value as unknown[]) : [v.value];
    const known = list.filter((x): x is string => typeof x === "string" && !isUnknownValue(x));
    return { known, unknown: list.length - known.length };
}
