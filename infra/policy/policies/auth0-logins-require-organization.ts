import type { PolicyResource } from "@pulumi/policy";
import { stackPolicy } from "../lib/define";
import { knownString } from "../lib/pairing";
import { isUnknownValue, peek } from "../lib/props";
import { T, TYPES, isOneOfTypes } from "../lib/tokens";

/**
 * Data policy §03 "tenant data is limited to the tenant's users": every application that can log in the users of a
 * user database of the stack (an `auth0.Connection` with strategy `auth0`, enabled for the application by
 * `auth0.ConnectionClients` or `auth0.ConnectionClient`) requires an Auth0 Organization at login
 * (`organizationUsage: "require"`), so every session belongs to one customer tenant.
 *
 * Pairing is by reference (property dependencies), as client and connection ids are unknown at preview: the
 * connection the enabling resource's `connectionId` references, the clients its `enabledClients` (or `clientId`)
 * references; after deployment, when the ids are known, a known id pairs with the client whose clientId it is (as
 * lib/pairing.ts pairs). An enabled client that is not a client of this stack (a literal id of another client, or
 * a value from elsewhere) cannot be judged and fails, as does a list unknown as a whole at preview. Connections this stack does
 * not declare are not seen.
 */
export const auth0LoginsRequireOrganization = stackPolicy({
    name: "auth0-logins-require-organization",
    description: "Every Auth0 application enabled on a user database of the stack must require an Organization at login.",
    clauses: ["03.tenant-data-access", "01.tenant-managed-access"],
    subjects: [...T.auth0Client, ...T.auth0ConnectionClients],
    severity: "critical",
    remediation: 'Set `organizationUsage: "require"` on the auth0.Client (the Application component with customerFacing: true), and enable only clients of this stack, by reference, on the user database.',
    validate: (args, report, _config, isExempt) => {
        const rs = args.resources;
        // Read without tripping the unknown-value check (lib/props.ts): in a stack policy one unknown read would turn the
        // whole policy into a preview advisory. A connection whose strategy is unknown counts as a user database.
        const userDatabases = new Set(
            rs.filter((r) => isOneOfTypes(r.type, T.auth0Connection) && ["auth0", "unknown"].includes(strategyOf(r))).map((r) => r.urn),
        );
        const enabling = rs.filter((r) => isOneOfTypes(r.type, T.auth0ConnectionClients) && (r.propertyDependencies["connectionId"] ?? []).some((d) => userDatabases.has(d.urn)));
        if (enabling.length === 0) args.notApplicable("no application is enabled on a user database of the stack");

        const clients = new Map(rs.filter((r) => isOneOfTypes(r.type, T.auth0Client)).map((c) => [c.urn, c]));
        const judged = new Set<string>();
        for (const e of enabling) {
            const property = e.type === TYPES.auth0ConnectionClient ? "clientId" : "enabledClients";
            const referenced = (e.propertyDependencies[property] ?? []).map((d) => clients.get(d.urn)).filter((c): c is PolicyResource => c !== undefined);
            const entries = entriesOf(e, property);
            if (entries === "unknown") {
                report(`${e.type.split(":").pop()} ${e.name}: its ${property} is unknown at preview as a whole, so the clients it enables cannot be told apart; list each client's id (\`client.clientId\`) directly.`, e.urn);
                continue;
            }
            // A known id pairs with the client of the stack whose known clientId it is (after deployment), and with no
            // other; the unknown ones (at preview) with the clients referenced and not named by a known id.
            const named = entries.known.map((id) => ({ id, client: [...clients.values()].find((c) => knownString(c, "clientId") === id) }));
            const paired = named.flatMap((n) => (n.client ? [n.client] : []));
            const rest = referenced.filter((c) => !paired.includes(c));
            const strangers = named.filter((n) => !n.client).map((n) => n.id);
            const unpaired = strangers.length + Math.max(0, entries.unknown - rest.length);
            if (unpaired > 0) {
                const literal = strangers.length > 0 ? ` (${strangers.join(", ")})` : "";
                report(`${e.type.split(":").pop()} ${e.name} enables ${unpaired} client(s)${literal} on a user database that are not clients of this stack by reference: whether they require an Organization cannot be checked.`, e.urn);
            }
            for (const c of [...paired, ...(entries.unknown > 0 ? rest : [])]) {
                if (judged.has(c.urn) || isExempt(c)) continue;
                judged.add(c.urn);
                const usage = peek(c.props, "organizationUsage");
                if (usage.state !== "known" || usage.value !== "require") {
                    const shown = usage.state === "unknown" ? "(unknown at preview)" : usage.state === "absent" ? "(unset: deny)" : String(usage.value);
                    report(`auth0.Client ${c.name} logs in users of a user database with organizationUsage ${shown}; it must be require (one customer tenant per session).`, c.urn);
                }
            }
        }
    },
});

/** The entries of a list input (or the single value of a scalar one): known strings, and how many are unknown at preview. */
function entriesOf(r: PolicyResource, property: string): { known: string[]; unknown: number } | "unknown" {
    const v = peek(r.props, property);
    if (v.state === "absent") return { known: [], unknown: 0 };
    if (v.state === "unknown") return "unknown";
    const list = Array.isArray(v.value) ? (v.value as unknown[]) : [v.value];
    const known = list.filter((x): x is string => typeof x === "string" && !isUnknownValue(x));
    return { known, unknown: list.length - known.length };
}

/** A connection's strategy, `unknown` at preview when it is not known yet. */
function strategyOf(r: PolicyResource): string {
    const v = peek(r.props, "strategy");
    return v.state === "unknown" ? "unknown" : v.state === "known" ? String(v.value) : "";
}
