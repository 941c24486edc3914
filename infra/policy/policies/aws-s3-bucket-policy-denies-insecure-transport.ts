import { resourcePolicy } from "../lib/define";
import { parseJson } from "../lib/props";
import { T } from "../lib/tokens";

interface Statement {
    Effect?: string;
    Principal?: unknown;
    Action?: string | string[];
    Condition?: Record<string, Record<string, unknown>>;
}

function list(v: unknown): unknown[] {
    return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

function isDenyAllForEveryone(s: Statement): boolean {
    const everyone = s.Principal === "*" || list((s.Principal as { AWS?: unknown } | undefined)?.AWS).includes("*");
    const actions = list(s.Action);
    return s.Effect === "Deny" && everyone && (actions.includes("s3:*") || actions.includes("*"));
}

/** A statement that denies everything to everyone when the request is not over TLS (Security Hub S3.5). */
export function deniesInsecureTransport(statements: readonly Statement[]): boolean {
    return statements.some((s) => isDenyAllForEveryone(s) && String(s.Condition?.["Bool"]?.["aws:SecureTransport"]) === "false");
}

/** A statement that denies everything to everyone below TLS 1.2. */
export function deniesOutdatedTls(statements: readonly Statement[]): boolean {
    return statements.some((s) => isDenyAllForEveryone(s) && Number(s.Condition?.["NumericLessThan"]?.["s3:TlsVersion"]) >= 1.2);
}

/**
 * The bucket policy refuses plain HTTP (`aws:SecureTransport` false) and TLS below 1.2 for every principal and
 * action. The policy document must be known at preview; our components build it from the bucket's name.
 */
export const awsS3BucketPolicyDeniesInsecureTransport = resourcePolicy({
    name: "aws-s3-bucket-policy-denies-insecure-transport",
    description: "An S3 bucket policy must deny requests that are not over TLS 1.2 or later.",
    clauses: ["05.encryption-and-access-control", "08.secure-transfers"],
    severity: "high",
    remediation:
        'Add Deny statements for Principal "*", Action "s3:*" on the bucket and its objects, with Condition ' +
        '{ Bool: { "aws:SecureTransport": "false" } } and { NumericLessThan: { "s3:TlsVersion": "1.2" } }.',
    types: T.s3Policy,
    validate: (args, report) => {
        const doc = parseJson(args.props.policy) as { Statement?: Statement | Statement[] } | undefined;
        if (doc === undefined || typeof doc !== "object") {
            report(`Bucket policy ${args.name} is not a JSON policy document.`);
            return;
        }
        const statements = list(doc.Statement) as Statement[];
        if (!deniesInsecureTransport(statements)) {
            report(`Bucket policy ${args.name} does not deny requests without TLS (aws:SecureTransport = false).`);
        }
        if (!deniesOutdatedTls(statements)) {
            report(`Bucket policy ${args.name} does not deny requests below TLS 1.2 (s3:TlsVersion < 1.2).`);
        }
    },
});
