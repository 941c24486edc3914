/** How a problem with the stack configuration is described, wherever it is found. */

/** One problem with the stack configuration. */
export interface ConfigIssue {
    /** Full key and path, e.g. `data-platform:aws.region` or `data-platform:staticFiles.s3.buckets[0].name`. */
    readonly key: string;
    /** The offending value as JSON, or `undefined` when the key is not set. Never a secret's value. */
    readonly value: string | undefined;
    /** What is allowed. */
    readonly expected: string;
    /** The key itself is not one the schema knows (a misspelling, usually). */
    readonly unknownKey?: boolean;
}

/**
 * A rule that spans sections and secrets, declared beside its area's schema and run by infra/config.ts once every
 * section is valid; its problems join the others in the one ConfigError. `S` is the sections it reads (validated),
 * `secretsSet` the secret keys that have a value.
 */
export type CrossCheck<S> = (sections: S, secretsSet: ReadonlySet<string>) => ConfigIssue[];

/** `data-platform:aws.region = "us-east-1" is not allowed; expected …` */
export function describeIssue(issue: ConfigIssue): string {
    if (issue.unknownKey) {
        return `${issue.key} is not a known key; expected ${issue.expected}.`;
    }
    if (issue.value === undefined) {
        return `${issue.key} is not set; expected ${issue.expected}.`;
    }
    return `${issue.key} = ${issue.value} is not allowed; expected ${issue.expected}.`;
}
