/**
 * How `resourcePolicy` (infra/policy/lib/define.ts) meets @pulumi/policy's server: a policy of one type carries
 * the type mark the server's fast check reads, and "not applicable" is signalled without capturing a stack.
 * The pack-level effect (the server's own reason for a one-type policy) is asserted in static-files.test.ts.
 */
import type { ResourceValidationArgs } from "@pulumi/policy";
import { resourcePolicy } from "../../infra/policy/lib/define";

const BUCKET = "aws:s3/bucket:Bucket";
const KEY = "aws:kms/key:Key";

/** The server's `notApplicable`: it throws, and the server catches the error and reads its reason. */
class NotApplicable extends Error {
    constructor(readonly reason: string | undefined) {
        super(reason);
    }
}

function argsFor(type: string, name: string, config: Record<string, unknown> = {}): ResourceValidationArgs {
    return {
        type,
        name,
        urn: `urn:pulumi:prod::data-platform::${type}::${name}`,
        props: {},
        opts: {} as ResourceValidationArgs["opts"],
        stackTags: new Map(),
        isType: () => false,
        asType: () => undefined,
        getConfig: () => config,
        notApplicable: (reason?: string) => {
            throw new NotApplicable(reason);
        },
    } as unknown as ResourceValidationArgs;
}

function outcome(run: () => unknown): { reason: string | undefined; stack: string | undefined } | "applied" {
    try {
        run();
        return "applied";
    } catch (e) {
        if (!(e instanceof NotApplicable)) throw e;
        return { reason: e.reason, stack: e.stack };
    }
}

const base = { description: "d", clauses: ["02.static-files"] as const, severity: "high" as const, remediation: "r" };

describe("resourcePolicy", () => {
    test("a policy of one type carries the type mark @pulumi/policy's fast check reads; one of several types does not", () => {
        const one = resourcePolicy({ ...base, name: "aws-one-type", types: [BUCKET], validate: () => undefined });
        const two = resourcePolicy({ ...base, name: "aws-two-types", types: [BUCKET, KEY], validate: () => undefined });
        const every = resourcePolicy({ ...base, name: "aws-every-type", validate: () => undefined });
        expect((one.validateResource as { __pulumiType?: string }).__pulumiType).toBe(BUCKET);
        expect((two.validateResource as { __pulumiType?: string }).__pulumiType).toBeUndefined();
        expect((every.validateResource as { __pulumiType?: string }).__pulumiType).toBeUndefined();
    });

    test("says not applicable to another type by itself too (a server that ignores the mark), with no stack captured", () => {
        const validate = jest.fn();
        const p = resourcePolicy({ ...base, name: "aws-two-types", types: [BUCKET, KEY], validate });
        const limit = Error.stackTraceLimit;
        const result = outcome(() => (p.validateResource as (a: ResourceValidationArgs, r: () => void) => void)(argsFor("gcp:storage/bucket:Bucket", "g"), () => undefined));
        expect(result).toEqual({ reason: `applies to ${BUCKET}, ${KEY}`, stack: "Error: applies to aws:s3/bucket:Bucket, aws:kms/key:Key" });
        expect(validate).not.toHaveBeenCalled();
        expect(Error.stackTraceLimit).toBe(limit);
    });

    test("an exempt resource is not applicable, with its reason; the policy's own notApplicable is stackless too", () => {
        const p = resourcePolicy({
            ...base,
            name: "aws-own-reason",
            types: [BUCKET, KEY],
            validate: (args) => (args.name === "keyless" ? args.notApplicable("no key") : undefined),
        });
        const run = (name: string, config: Record<string, unknown> = {}) =>
            outcome(() => (p.validateResource as (a: ResourceValidationArgs, r: () => void) => void)(argsFor(BUCKET, name, config), () => undefined));
        const exemptions = [{ resource: "legacy", reason: "Migrated away in ticket OPS-9, deleted next sprint." }];
        expect(run("legacy", { exemptions })).toEqual({ reason: "exempt: Migrated away in ticket OPS-9, deleted next sprint.", stack: "Error: exempt: Migrated away in ticket OPS-9, deleted next sprint." });
        expect(run("keyless")).toEqual({ reason: "no key", stack: "Error: no key" });
        expect(run("ordinary")).toBe("applied");
    });

    test("an error the policy throws keeps its stack (only not-applicable signals are stackless)", () => {
        const p = resourcePolicy({
            ...base,
            name: "aws-broken",
            types: [BUCKET, KEY],
            validate: () => {
                throw new Error("bug in the policy");
            },
        });
        let thrown: Error | undefined;
        try {
            (p.validateResource as (a: ResourceValidationArgs, r: () => void) => void)(argsFor(BUCKET, "b"), () => undefined);
        } catch (e) {
            thrown = e as Error;
        }
        expect(thrown?.message).toBe("bug in the policy");
        expect(thrown?.stack?.split("\n").length).toBeGreaterThan(1);
    });
});
