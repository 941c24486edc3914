import { AU_AUTH0_DOMAIN_SUFFIX } from "../facts/residency";
import { resourcePolicy } from "../lib/define";
import { present } from "../lib/props";
import { T } from "../lib/tokens";

/**
 * The Auth0 tenant is in Auth0's Australian region. The region is fixed when the tenant is created and cannot be
 * set in code; the only signal at preview is the provider's canonical domain, `<tenant>.au.auth0.com`. A custom
 * domain would hide it, so the provider must use the canonical domain.
 */
export const auth0TenantInAustralia = resourcePolicy({
    name: "auth0-tenant-in-australia",
    description: "Auth0 providers and resources must target a tenant in Auth0's Australian region.",
    clauses: ["02.identity-data", "08.secure-transfers"],
    severity: "critical",
    remediation: `Set the Auth0 provider's domain to the tenant's canonical domain, ending in ${AU_AUTH0_DOMAIN_SUFFIX}.`,
    validate: (args, report) => {
        const check = (domain: unknown, who: string) => {
            if (typeof domain !== "string" || !domain.toLowerCase().endsWith(AU_AUTH0_DOMAIN_SUFFIX)) {
                report(`${who} targets Auth0 domain ${String(domain ?? "(unset)")}, which is not an Australian-region tenant (*${AU_AUTH0_DOMAIN_SUFFIX}).`);
            }
        };
        if (args.type === T.auth0Provider) {
            check(present(args.props, "domain") ? args.props.domain : undefined, `The Auth0 provider ${args.name}`);
            return;
        }
        if (!args.type.startsWith("auth0:")) {
            args.notApplicable("not an Auth0 resource");
        }
        if (args.provider) {
            check(present(args.provider.props, "domain") ? args.provider.props.domain : undefined, `${args.type} ${args.name}`);
        }
    },
});
