/**
 * What each provider would compute for a resource (ids, ARNs, self links), for offline runs.
 *
 * Values are shaped like the real ones so that code deriving names from them behaves as it would in a real
 * run, but they are plainly fake (account 000000000000, project number 000000000000). A type missing here
 * still works: its state is its inputs and its id `<name>-id`. A provider *function* missing from
 * `knownInvokes` fails the run, naming the token: a silent default there would hide a wrong call.
 */
import { createHash } from "node:crypto";

export const MOCK_AWS_ACCOUNT = "000000000000";
export const MOCK_GCP_PROJECT_NUMBER = "000000000000";
/** The AWS account Atlas's own IAM principal lives in, for offline runs (plainly fake). */
export const MOCK_ATLAS_AWS_ACCOUNT = "000000000001";

type Inputs = Record<string, any>;
export interface Computed {
    readonly id: string;
    readonly state: Record<string, unknown>;
}
type Compute = (name: string, inputs: Inputs) => Computed;

const s3SideResource: Compute = (name, inputs) => ({ id: String(inputs["bucket"] ?? `${name}-id`), state: {} });

const computers: Record<string, Compute> = {
    "aws:kms/key:Key": (name, inputs) => {
        const keyId = `mock-${name}`;
        const region = inputs["region"] ?? "ap-southeast-2";
        return { id: keyId, state: { keyId, arn: `arn:aws:kms:${region}:${MOCK_AWS_ACCOUNT}:key/${keyId}` } };
    },
    "aws:kms/alias:Alias": (name, inputs) => {
        const alias = String(inputs["name"] ?? `alias/${name}`);
        return { id: alias, state: { arn: `arn:aws:kms:ap-southeast-2:${MOCK_AWS_ACCOUNT}:${alias}` } };
    },
    "aws:s3/bucket:Bucket": (name, inputs) => {
        const bucket = String(inputs["bucket"] ?? `${name}-mock`);
        return {
            id: bucket,
            state: {
                bucket,
                arn: `arn:aws:s3:::${bucket}`,
                bucketDomainName: `${bucket}.s3.amazonaws.com`,
                bucketRegionalDomainName: `${bucket}.s3.ap-southeast-2.amazonaws.com`,
            },
        };
    },
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": s3SideResource,
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": s3SideResource,
    "aws:s3/bucketOwnershipControls:BucketOwnershipControls": s3SideResource,
    "aws:s3/bucketPolicy:BucketPolicy": s3SideResource,
    "aws:s3/bucketVersioning:BucketVersioning": s3SideResource,
    "aws:s3/bucketLogging:BucketLogging": s3SideResource,
    "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration": s3SideResource,
    "gcp:kms/keyRing:KeyRing": (name, inputs) => {
        const project = inputs["project"] ?? "mock-project";
        const id = `projects/${project}/locations/${inputs["location"]}/keyRings/${inputs["name"] ?? name}`;
        return { id, state: {} };
    },
    "gcp:kms/cryptoKey:CryptoKey": (name, inputs) => {
        return { id: `${inputs["keyRing"]}/cryptoKeys/${inputs["name"] ?? name}`, state: {} };
    },
    "gcp:storage/bucket:Bucket": (name, inputs) => {
        const bucket = String(inputs["name"] ?? `${name}-mock`);
        return {
            id: bucket,
            state: {
                url: `gs://${bucket}`,
                selfLink: `https://www.googleapis.com/storage/v1/b/${bucket}`,
                projectNumber: MOCK_GCP_PROJECT_NUMBER,
            },
        };
    },
    "gcp:kms/cryptoKeyIAMMember:CryptoKeyIAMMember": (name) => ({ id: `${name}-id`, state: { etag: "BwMockEtag=" } }),
    // Auth0 (identity): ids shaped like Auth0's prefixes (con_, rol_, lst_, cd_), plainly fake.
    "auth0:index/client:Client": (name) => ({ id: `mock-client-id-${name}`, state: { clientId: `mock-client-id-${name}` } }),
    "auth0:index/connection:Connection": (name) => ({ id: `con_mock-${name}`, state: {} }),
    "auth0:index/role:Role": (name) => ({ id: `rol_mock-${name}`, state: {} }),
    "auth0:index/logStream:LogStream": (name, inputs) => ({
        id: `lst_mock-${name}`,
        // Auth0 names the EventBridge partner event source it creates in the receiving account.
        state: { sink: { ...inputs["sink"], awsPartnerEventSource: `aws.partner/auth0.com/mock-${name}/auth0.logs` } },
    }),
    "auth0:index/customDomain:CustomDomain": (name, inputs) => {
        const target = `mock-${name}.edge.tenants.au.auth0.com`;
        return {
            id: `cd_mock-${name}`,
            state: {
                status: "pending_verification",
                originDomainName: target,
                verifications: [{ methods: [{ name: "CNAME", record: target, domain: inputs["domain"] }], status: "pending", errorMsg: "", lastVerifiedAt: "" }],
            },
        };
    },
    // Operational data (MongoDB Atlas): ids are 24 hex digits like Atlas's, derived from the resource name.
    "mongodbatlas:index/project:Project": (name) => ({ id: mockAtlasId(name), state: {} }),
    "mongodbatlas:index/advancedCluster:AdvancedCluster": (name, inputs) => {
        const host = `${inputs["name"] ?? name}.mock0.mongodb.net`;
        return {
            id: mockAtlasId(name),
            state: {
                clusterId: mockAtlasId(`${name}-cluster`),
                stateName: "IDLE",
                connectionStrings: {
                    standard: `mongodb://${host}:27017/?ssl=true`,
                    standardSrv: `mongodb+srv://${host}`,
                    private: "",
                    privateSrv: "",
                    privateEndpoints: [],
                },
                // Atlas computes each replication spec's zone id (copy settings name it).
                replicationSpecs: ((inputs["replicationSpecs"] ?? []) as Inputs[]).map((spec, i) => ({
                    ...spec,
                    zoneId: mockAtlasId(`${name}-zone-${i}`),
                    externalId: mockAtlasId(`${name}-spec-${i}`),
                })),
            },
        };
    },
    "mongodbatlas:index/cloudProviderAccessSetup:CloudProviderAccessSetup": (name) => ({
        id: mockAtlasId(name),
        state: {
            roleId: mockAtlasId(`${name}-role`),
            // The principal Atlas assumes roles from, and the external id it presents: both Atlas's, here fake.
            awsConfigs: [{ atlasAwsAccountArn: `arn:aws:iam::${MOCK_ATLAS_AWS_ACCOUNT}:root`, atlasAssumedRoleExternalId: `mock-external-id-${name}` }],
        },
    }),
    "aws:iam/role:Role": (name, inputs) => {
        const role = String(inputs["name"] ?? `${name}-mock`);
        return { id: role, state: { arn: `arn:aws:iam::${MOCK_AWS_ACCOUNT}:role/${role}`, uniqueId: `AROAMOCK${role.length}` } };
    },
    // Ephemeral data (Redis Cloud): numeric ids like Redis Cloud's, derived from the resource name. A subscription's
    // region gets the network Redis Cloud creates in its /24; a database's id is `<subscription id>/<db id>` (as in
    // terraform-provider-rediscloud v1.3.1) and its endpoints are shaped like Redis Cloud's, plainly fake.
    "rediscloud:index/subscription:Subscription": (name, inputs) => {
        const cloudProvider = (inputs["cloudProvider"] ?? {}) as Inputs;
        const regions = (cloudProvider["regions"] ?? []) as Inputs[];
        return {
            id: String(mockRedisNumber(name, 1_000_000)),
            state: {
                cloudProvider: {
                    ...cloudProvider,
                    regions: regions.map((r, i) => ({
                        ...r,
                        networks: [
                            {
                                networkingDeploymentCidr: r["networkingDeploymentCidr"],
                                networkingVpcId: `vpc-0mock${i}${mockRedisNumber(name, 1000)}`,
                                networkingSubnetId: `subnet-0mock${i}${mockRedisNumber(name, 1000)}`,
                            },
                        ],
                    })),
                },
            },
        };
    },
    "rediscloud:index/subscriptionDatabase:SubscriptionDatabase": (name, inputs) => {
        const dbId = mockRedisNumber(name, 10_000_000);
        const port = 10000 + (dbId % 10000);
        const host = `c${dbId % 1000}.mock.ec2.redns.redis-cloud.com`;
        return {
            id: `${inputs["subscriptionId"]}/${dbId}`,
            state: { dbId, publicEndpoint: `redis-${port}.${host}:${port}`, privateEndpoint: `redis-${port}.internal.${host}:${port}` },
        };
    },
    // @pulumi/random: the provider's id for a password is "none"; the result is fake but has the requested length.
    "random:index/randomPassword:RandomPassword": (name, inputs) => ({
        id: "none",
        state: { result: `Mock${createHash("sha512").update(name).digest("hex")}`.slice(0, Number(inputs["length"] ?? 16)) },
    }),
    // Guardrails: an SCP id is `p-` and 8+ lower-case characters; its attachment's id is `<target>:<policy id>` (as in
    // terraform-provider-aws); an account-level block's id is the account; an org policy's id is its name. Plainly fake.
    "aws:organizations/policy:Policy": (name) => {
        const id = `p-mock${createHash("sha256").update(name).digest("hex").slice(0, 8)}`;
        return { id, state: { arn: `arn:aws:organizations::${MOCK_AWS_ACCOUNT}:policy/o-mockorg000/service_control_policy/${id}` } };
    },
    "aws:organizations/policyAttachment:PolicyAttachment": (_name, inputs) => ({ id: `${inputs["targetId"]}:${inputs["policyId"]}`, state: {} }),
    "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock": (name, inputs) => ({ id: String(inputs["accountId"] ?? `${name}-id`), state: {} }),
    "gcp:orgpolicy/policy:Policy": (name, inputs) => ({ id: String(inputs["name"] ?? `${name}-id`), state: { etag: "BwMockEtag=" } }),
};

/** A deterministic fake numeric id from `base` up, for Redis Cloud subscriptions and databases. */
export function mockRedisNumber(name: string, base: number): number {
    return base + (parseInt(createHash("sha256").update(`redis:${name}`).digest("hex").slice(0, 8), 16) % base);
}

/** A deterministic fake Atlas object id (24 hex digits) for `name`. */
export function mockAtlasId(name: string): string {
    return createHash("sha256").update(name).digest("hex").slice(0, 24);
}

/** The id and computed outputs of a resource of type `type`. */
export function computedOutputs(type: string, name: string, inputs: Inputs): Computed {
    const compute = computers[type];
    return compute ? compute(name, inputs) : { id: `${name}-id`, state: {} };
}

/** Provider functions the program may call, with what each returns. */
export const knownInvokes: Record<string, (inputs: Inputs) => Record<string, unknown>> = {
    "gcp:storage/getProjectServiceAccount:getProjectServiceAccount": (inputs) => {
        const email = `service-${MOCK_GCP_PROJECT_NUMBER}@gs-project-accounts.iam.gserviceaccount.com`;
        return {
            id: email,
            emailAddress: email,
            member: `serviceAccount:${email}`,
            project: inputs["project"],
        };
    },
};
