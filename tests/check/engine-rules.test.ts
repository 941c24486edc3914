/**
 * What the engine refuses, applied by the offline run's monitor (infra/check/engine-rules.ts). Each case
 * registers through the real SDK under runProgram and expects the engine's own message, naming the resource.
 */
import * as pulumi from "@pulumi/pulumi";
import { disabledDefaultProviders, providerUrn } from "../../infra/check/engine-rules";
import { ProgramError, runProgram, type Recording } from "../../infra/check/recorder";

class Bucket extends pulumi.CustomResource {
    constructor(name: string, opts?: pulumi.CustomResourceOptions) {
        super("aws:s3/bucket:Bucket", name, { bucket: name }, opts);
    }
}
class GcsBucket extends pulumi.CustomResource {
    constructor(name: string, opts?: pulumi.CustomResourceOptions) {
        super("gcp:storage/bucket:Bucket", name, { location: "AUSTRALIA-SOUTHEAST1" }, opts);
    }
}
class AwsProvider extends pulumi.ProviderResource {
    constructor(name: string) {
        super("aws", name, { region: "ap-southeast-2" });
    }
}
class Box extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Box", name, {}, opts);
        new Bucket(`${name}-bucket`, { parent: this });
        this.registerOutputs({});
    }
}

const URN = (type: string, name: string) => `urn:pulumi:test::data-platform::${type}::${name}`;
const run = (program: () => unknown, disabled: unknown = ["*"]) =>
    runProgram(program, { project: "data-platform", stack: "test", config: { "pulumi:disable-default-providers": disabled } });

/** The refusals of a run that must fail. */
async function refusals(program: () => unknown, disabled?: unknown): Promise<string> {
    const err = await run(program, disabled).then(
        () => undefined,
        (e: unknown) => e,
    );
    if (!(err instanceof ProgramError)) throw new Error(`expected the engine to refuse the program, got ${String(err)}`);
    return err.message;
}

describe("default providers disabled by pulumi:disable-default-providers", () => {
    test("a resource without an explicit provider is refused, naming the package and the resource", async () => {
        expect(await refusals(() => new Bucket("rogue"))).toBe(
            "the engine refuses this registration:\n" +
                `  Default provider for 'aws' disabled. '${URN("aws:s3/bucket:Bucket", "rogue")}' must use an explicit provider.`,
        );
    });

    test("with the package listed by name, only that package is refused", async () => {
        await expect(run(() => new Bucket("ok"), ["gcp"])).resolves.toBeDefined();
        expect(await refusals(() => new GcsBucket("media"), '["gcp"]')).toBe(
            "the engine refuses this registration:\n" +
                `  Default provider for 'gcp' disabled. '${URN("gcp:storage/bucket:Bucket", "media")}' must use an explicit provider.`,
        );
    });

    test("an explicit provider, or one inherited from a component's providers, is accepted", async () => {
        const rec: Recording = await run(() => {
            const aws = new AwsProvider("aws-au");
            new Bucket("direct", { provider: aws });
            new Box("box", { providers: [aws] });
        });
        const provider = rec.registrations.find((r) => r.type === "pulumi:providers:aws")!.urn;
        expect(rec.registrations.filter((r) => r.custom && !r.type.startsWith("pulumi:providers:")).map((r) => [r.name, providerUrn(r.provider)])).toEqual([
            ["direct", provider],
            ["box-bucket", provider],
        ]);
    });

    test("a provider function called without a provider is refused", async () => {
        expect(await refusals(() => pulumi.runtime.invoke("gcp:storage/getProjectServiceAccount:getProjectServiceAccount", {}))).toBe(
            "the engine refuses this registration:\n" +
                "  Invoke: Default provider for 'gcp' disabled. 'gcp:storage/getProjectServiceAccount:getProjectServiceAccount' must use an explicit provider.",
        );
    });

    test("nothing disabled: a provider-less resource is accepted (its default provider would be used)", async () => {
        const rec = await run(() => new Bucket("plain"), "");
        expect(rec.registrations.find((r) => r.name === "plain")!.provider).toBeUndefined();
    });

    test("the setting is read as the engine reads it", () => {
        expect([...disabledDefaultProviders({ "pulumi:disable-default-providers": '["*"]' })]).toEqual(["*"]);
        expect([...disabledDefaultProviders({ "pulumi:disable-default-providers": [" aws ", "gcp"] })]).toEqual(["aws", "gcp"]);
        expect([...disabledDefaultProviders({})]).toEqual([]);
        expect(() => disabledDefaultProviders({ "pulumi:disable-default-providers": "aws" })).toThrow(/^Failed to parse pulumi:disable-default-providers: /);
        expect(() => disabledDefaultProviders({ "pulumi:disable-default-providers": { aws: true } })).toThrow(
            'Failed to parse pulumi:disable-default-providers: expected a list of package names or "*", got {"aws":true}',
        );
        expect(() => disabledDefaultProviders({ "pulumi:disable-default-providers": ["aws", 1] })).toThrow("pulumi:disable-default-providers[1] must be a string");
    });
});

describe("references the engine cannot resolve", () => {
    const ghost = URN("aws:s3/bucket:Bucket", "ghost");

    test("two resources with the same URN", async () => {
        expect(
            await refusals(() => {
                const aws = new AwsProvider("aws-au");
                new Bucket("twice", { provider: aws });
                new Bucket("twice", { provider: aws });
            }),
        ).toBe(`the engine refuses this registration:\n  Duplicate resource URN '${URN("aws:s3/bucket:Bucket", "twice")}'; try giving it a unique name`);
    });

    test("a parent that was never registered", async () => {
        const message = await refusals(() => new Bucket("orphan", { parent: new pulumi.DependencyResource(ghost), provider: new AwsProvider("aws-au") }));
        expect(message).toBe(`the engine refuses this registration:\n  ${URN("aws:s3/bucket:Bucket$aws:s3/bucket:Bucket", "orphan")}: could not find parent resource ${ghost}`);
    });

    test("an explicit provider that was never registered", async () => {
        const ref = `${URN("pulumi:providers:aws", "elsewhere")}::04da6b54-80e4-46f7-96ec-b56ff0331ba9`;
        expect(await refusals(() => new Bucket("stray", { provider: new pulumi.DependencyProviderResource(ref) }))).toBe(
            `the engine refuses this registration:\n  unknown provider '${ref}' for resource '${URN("aws:s3/bucket:Bucket", "stray")}'`,
        );
    });

    test("dependsOn a resource that was never registered (pulumi up would fail verifying the snapshot)", async () => {
        const message = await refusals(() => new Bucket("waits", { provider: new AwsProvider("aws-au"), dependsOn: [new pulumi.DependencyResource(ghost)] }));
        expect(message).toBe(`the engine refuses this registration:\n  resource ${URN("aws:s3/bucket:Bucket", "waits")} refers to missing dependency ${ghost}`);
    });

    test("every refusal of a run is listed at once", async () => {
        const message = await refusals(() => {
            new Bucket("one");
            new GcsBucket("two");
        });
        expect(message.split("\n")).toEqual([
            "the engine refuses 2 registrations:",
            `  Default provider for 'aws' disabled. '${URN("aws:s3/bucket:Bucket", "one")}' must use an explicit provider.`,
            `  Default provider for 'gcp' disabled. '${URN("gcp:storage/bucket:Bucket", "two")}' must use an explicit provider.`,
        ]);
    });
});

describe("what the engine adds, and what it prints", () => {
    test("a child inherits retainOnDelete from its parent, as the engine applies it; its own setting wins", async () => {
        const rec = await run(() => {
            const aws = new AwsProvider("aws-au");
            const box = new Box("kept", { providers: [aws], retainOnDelete: true });
            new Bucket("own", { parent: box, provider: aws, retainOnDelete: false });
        });
        const byName = Object.fromEntries(rec.registrations.map((r) => [r.name, r.options.retainOnDelete]));
        expect([byName["kept"], byName["kept-bucket"], byName["own"], byName["aws-au"]]).toEqual([true, true, false, undefined]);
    });

    test("warnings the program logs are kept for the report, with the resource they name", async () => {
        const rec = await run(() => {
            const aws = new AwsProvider("aws-au");
            const b = new Bucket("noisy", { provider: aws });
            pulumi.log.warn("this bucket is noisy", b);
            pulumi.log.info("not kept");
        });
        expect(rec.messages).toEqual([{ severity: "warning", message: "this bucket is noisy", urn: URN("aws:s3/bucket:Bucket", "noisy") }]);
    });
});
