import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

const AUTHZ_DIALECTS = ["access_token_authz", "rfc9068_profile_authz"];

/**
 * Every API (resource server) enforces RBAC: a token carries only the permissions the user's roles grant
 * (`enforcePolicies`), and carries them in the token (`…_authz` dialects) so the platform can check them.
 */
export const auth0ApiRbacEnforced = resourcePolicy({
    name: "auth0-api-rbac-enforced",
    description: "Auth0 APIs must enforce role-based access control and put permissions in access tokens.",
    clauses: ["03.rbac", "03.tenant-data-access"],
    severity: "critical",
    remediation: 'Set `enforcePolicies: true` and `tokenDialect: "access_token_authz"` on the auth0.ResourceServer.',
    types: T.auth0ResourceServer,
    validate: (args, report) => {
        if (args.props.enforcePolicies !== true) {
            report(`Auth0 API ${args.name} does not enforce RBAC (enforcePolicies must be true).`);
        }
        if (!AUTHZ_DIALECTS.includes(args.props.tokenDialect)) {
            report(`Auth0 API ${args.name} uses token dialect ${args.props.tokenDialect ?? "(unset)"}; it must be one of ${AUTHZ_DIALECTS.join(", ")}.`);
        }
    },
});
