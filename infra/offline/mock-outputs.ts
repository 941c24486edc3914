/**
 * What each provider would compute for a resource (ids, ARNs, self links), for offline runs.
 *
 * Values are shaped like the real ones so that code deriving names from them behaves as it would in a real
 * run, but they are plainly fake (account 000000000000, project number 000000000000). A type missing here
 * still works: its state is its inputs and its id `<name>-id`. A provider *function* missing from
 * `knownInvokes` fails the run, naming the token: a silent default there would hide a wrong call.
 */

export const MOCK_AWS_ACCOUNT = "000000000000";
export const MOCK_GCP_PROJECT_NUMBER = "000000000000";

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
};

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
