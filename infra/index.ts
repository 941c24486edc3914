/**
 * Composition root: read and validate the stack config (nothing is registered if it is wrong), build one explicit
 * provider per cloud, wire each area of the data policy (infra/areas/), export the areas' outputs.
 *
 * Every resource uses an explicit provider built here from validated config; `Pulumi.<stack>.yaml` sets
 * `pulumi:disable-default-providers: ["*"]`, so a resource that forgot its provider fails instead of landing in
 * whatever region the environment points at.
 */
import * as auth0 from "@pulumi/auth0";
import * as aws from "@pulumi/aws";
import * as gcp from "@pulumi/gcp";
import * as mongodbatlas from "@pulumi/mongodbatlas";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { ephemeralData } from "./areas/ephemeral-data";
import { guardrails } from "./areas/guardrails";
import { identity } from "./areas/identity";
import { operationalData } from "./areas/operational-data";
import { staticFiles } from "./areas/static-files";
import { GcpProjectServices, type GcpServiceKey } from "./components/shared/project-services";
import { labelValue } from "./components/static-files/encrypted-gcs-bucket";
import { credentialPair, loadConfig } from "./config";
import { atlasOrgProviderArgs, awsOrgProviderArgs, gcpOrgProviderArgs, pinnedAccount } from "./providers/org-level";
import * as rediscloud from "./providers/rediscloud";
import { whenEnabled } from "./schema/guardrails";

export = async function main() {
    const config = loadConfig();
    const stack = pulumi.getStack();
    const project = pulumi.getProject();

    const awsProvider = new aws.Provider("aws-au", {
        region: config.aws.region,
        // Pinned to the production account; a placeholder id is left out so that `pulumi preview` does not fail on
        // it (loadConfig() refuses it at `pulumi up`): infra/providers/org-level.ts.
        ...pinnedAccount(config.aws.accountId),
        defaultTags: { tags: { "managed-by": "pulumi", "pulumi-project": project, "pulumi-stack": stack } },
    });
    const gcpProvider = new gcp.Provider("gcp-au", {
        project: config.gcp.project,
        region: config.gcp.region,
        defaultLabels: { "managed-by": "pulumi", "pulumi-project": labelValue(project), "pulumi-stack": labelValue(stack) },
    });
    // Auth0: always the tenant's canonical domain (validated `*.au.auth0.com`), never the custom domain, because the
    // Management API lives there. The client secret is a secret Output from secret config (the SDK marks no provider
    // input secret itself); when that key is unset the plugin reads AUTH0_CLIENT_SECRET from the environment.
    const auth0Provider = new auth0.Provider("auth0-au", {
        domain: config.auth0.domain,
        clientId: config.auth0.clientId,
        clientSecret: config.secrets["auth0:clientSecret"],
    });
    // Atlas and Redis Cloud: the API key pair from secret config, or nothing, and then the plugin (Atlas) or the
    // binding in providers/rediscloud (Redis Cloud) reads the pair from the environment, both or neither.
    const atlasProvider = new mongodbatlas.Provider(
        "atlas",
        credentialPair({ publicKey: config.secrets["mongodbatlas:publicKey"], privateKey: config.secrets["mongodbatlas:privateKey"] }),
    );
    const rediscloudProvider = new rediscloud.Provider(
        "rediscloud",
        credentialPair({ apiKey: config.secrets["rediscloud:apiKey"], secretKey: config.secrets["rediscloud:secretKey"] }),
    );
    // Random (the generated Redis password): default providers are disabled, so it needs its own explicit one.
    const randomRedisProvider = new random.Provider("random-redis", {});

    // Org-level providers (docs/guardrails.md "Org-level providers"): their own credentials, only while their
    // guardrail is on, so the workload providers above never hold organization rights.
    const regionDeny = whenEnabled(config.guardrails.aws.regionDenyScp, "targetId", "organizationsRoleArn");
    const awsOrgProvider = regionDeny ? new aws.Provider("aws-org", awsOrgProviderArgs(config.aws.region, regionDeny.organizationsRoleArn)) : undefined;
    const orgPolicies = whenEnabled(config.guardrails.gcp.orgPolicies, "parent", "policyAdminServiceAccount");
    const gcpOrgProvider = orgPolicies ? new gcp.Provider("gcp-org", gcpOrgProviderArgs(config, orgPolicies.policyAdminServiceAccount)) : undefined;
    const atlasOrgProvider = config.atlas.resourcePolicy.enabled ? new mongodbatlas.Provider("atlas-org", atlasOrgProviderArgs(config)) : undefined;

    // Google Cloud APIs the stack calls (a fresh project refuses them with SERVICE_DISABLED).
    const gcpServiceKeys: GcpServiceKey[] = ["cloudkms", "storage", "logging", "cloudresourcemanager", ...(orgPolicies ? (["orgpolicy"] as const) : [])];
    const gcpServices = new GcpProjectServices("gcp-services", { project: config.gcp.project, services: gcpServiceKeys }, { providers: [gcpProvider] });

    const files = staticFiles(config, { aws: awsProvider, gcp: gcpProvider, gcpServices });
    const identityOutputs = identity(config, { auth0: auth0Provider, aws: awsProvider });
    const operational = operationalData(config, { atlas: atlasProvider, atlasOrg: atlasOrgProvider, aws: awsProvider }, { auditBucket: files.auditBucket });
    const ephemeral = ephemeralData(config, { rediscloud: rediscloudProvider, random: randomRedisProvider });
    const guardrailOutputs = guardrails(config, { aws: awsProvider, awsOrg: awsOrgProvider, gcpOrg: gcpOrgProvider, gcpServices });

    return {
        ...files.outputs,
        ...operational,
        ...ephemeral,
        identity: identityOutputs,
        guardrails: guardrailOutputs,
    };
};
