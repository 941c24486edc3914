/**
 * The recording runner itself: it keeps every registration whole (options, parent, provider, dependencies,
 * secrets), models preview unknowns, fails on provider functions it does not know, and reports secret outputs.
 */
import * as pulumi from "@pulumi/pulumi";
import { ProgramError, runProgram, UNKNOWN } from "../../infra/check/recorder";

/** A resource with the S3 bucket's token, so the offline mocks compute its ARN from its `bucket` name. */
class Thing extends pulumi.CustomResource {
    declare readonly arn: pulumi.Output<string>;
    constructor(name: string, props: Record<string, pulumi.Input<unknown>>, opts?: pulumi.CustomResourceOptions) {
        super("aws:s3/bucket:Bucket", name, { ...props, arn: undefined }, opts);
    }
}

class TestProvider extends pulumi.ProviderResource {
    constructor(name: string) {
        super("test", name, {});
    }
}

class Box extends pulumi.ComponentResource {
    readonly inner: Thing;
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("test:index:Box", name, {}, opts);
        this.inner = new Thing(`${name}-inner`, { bucket: "inner-bucket" }, { parent: this, protect: true });
        this.registerOutputs({});
    }
}

const base = { project: "data-platform", stack: "test", config: {} };

test("records type, name, parent, provider, options, dependencies and secret inputs", async () => {
    const rec = await runProgram(() => {
        const provider = new TestProvider("p");
        const box = new Box("box", { providers: [provider] });
        const thing = new Thing(
            "t",
            { bucket: "b", password: pulumi.secret("s3cr3t"), nested: { token: pulumi.secret("tok") }, ref: box.inner.arn },
            {
                provider,
                protect: true,
                retainOnDelete: true,
                dependsOn: [box],
                ignoreChanges: ["bucket"],
                additionalSecretOutputs: ["arn"],
                version: "1.2.3",
                pluginDownloadURL: "github://api.github.com/example/pulumi-test",
            },
        );
        return { arn: thing.arn, secret: pulumi.secret("hidden"), plain: "visible" };
    }, base);

    const thing = rec.registrations.find((r) => r.name === "t")!;
    const inner = rec.registrations.find((r) => r.name === "box-inner")!;
    const provider = rec.registrations.find((r) => r.type === "pulumi:providers:test")!;
    expect(thing).toMatchObject({
        urn: "urn:pulumi:test::data-platform::aws:s3/bucket:Bucket::t",
        type: "aws:s3/bucket:Bucket",
        custom: true,
        parent: "urn:pulumi:test::data-platform::pulumi:pulumi:Stack::data-platform-test",
        inputs: { bucket: "b", password: "s3cr3t", nested: { token: "tok" }, ref: "arn:aws:s3:::inner-bucket" },
        secretInputs: ["nested.token", "password"],
        options: {
            protect: true,
            retainOnDelete: true,
            ignoreChanges: ["bucket"],
            additionalSecretOutputs: ["arn"],
            version: "1.2.3",
            pluginDownloadURL: "github://api.github.com/example/pulumi-test",
        },
    });
    expect(thing.provider).toBe(`${provider.urn}::p-id`);
    // dependsOn a component means "on its children": the SDK sends the children's URNs.
    expect(thing.dependencies).toEqual([inner.urn]);
    expect(thing.propertyDependencies["ref"]).toEqual([inner.urn]);
    // Children are parented to the component; a component's providers apply only to their own package, so the
    // "test" provider is not inherited by this aws-typed child (it would use the default provider).
    expect(inner.parent).toBe(rec.registrations.find((r) => r.name === "box")!.urn);
    expect(inner.provider).toBeUndefined();
    expect(inner.options.protect).toBe(true);
    // Stack outputs, and which of them are secret.
    expect(rec.outputs).toEqual({ arn: "arn:aws:s3:::b", secret: "hidden", plain: "visible" });
    expect(rec.secretOutputs).toEqual(["secret"]);
});

test("at preview, computed outputs are unknown and flow into dependents as unknown", async () => {
    const rec = await runProgram(() => {
        const a = new Thing("a", { bucket: "a" });
        new Thing("b", { ref: a.arn, literal: "known" });
    }, { ...base, preview: true });
    const b = rec.registrations.find((r) => r.name === "b")!;
    expect(b.inputs).toEqual({ ref: UNKNOWN, literal: "known" });
    expect(rec.preview).toBe(true);
});

test("a provider function without a mock fails the run, naming the token", async () => {
    const run = runProgram(async () => {
        await pulumi.runtime.invoke("test:index/getThing:getThing", {});
    }, base);
    await expect(run).rejects.toBeInstanceOf(ProgramError);
    await expect(run).rejects.toThrow(
        'The offline run has no mock for the provider function "test:index/getThing:getThing". Add one to infra/check/mock-outputs.ts (knownInvokes) with the fields the program reads.',
    );
});

test("URNs are the engine's: no root-stack prefix, the parent's whole type chain for nested children", async () => {
    const rec = await runProgram(() => {
        class Outer extends pulumi.ComponentResource {
            constructor(name: string) {
                super("test:index:Outer", name, {});
                new Box(`${name}-box`, { parent: this });
                this.registerOutputs({});
            }
        }
        new Outer("o");
    }, base);
    expect(rec.registrations.map((r) => r.urn)).toEqual([
        "urn:pulumi:test::data-platform::pulumi:pulumi:Stack::data-platform-test",
        "urn:pulumi:test::data-platform::test:index:Outer::o",
        "urn:pulumi:test::data-platform::test:index:Outer$test:index:Box::o-box",
        "urn:pulumi:test::data-platform::test:index:Outer$test:index:Box$aws:s3/bucket:Bucket::o-box-inner",
    ]);
});

test("a program error is reported with what was registered before it", async () => {
    const run = runProgram(() => {
        new Thing("before", {});
        throw new Error("boom");
    }, base);
    await expect(run).rejects.toMatchObject({
        message: "boom",
        registrations: [expect.objectContaining({ type: "pulumi:pulumi:Stack" }), expect.objectContaining({ name: "before" })],
    });
});

test("stack config reaches the program, objects as JSON and secrets as secrets", async () => {
    const seen: unknown[] = [];
    await runProgram(
        () => {
            const cfg = new pulumi.Config("data-platform");
            seen.push(cfg.requireObject("section"), pulumi.runtime.getConfig("data-platform:token"));
            return { token: cfg.requireSecret("token") };
        },
        { ...base, config: { "data-platform:section": { a: [1, 2] }, "data-platform:token": "t0k" }, secretKeys: ["data-platform:token"] },
    ).then((rec) => expect(rec.secretOutputs).toEqual(["token"]));
    expect(seen).toEqual([{ a: [1, 2] }, "t0k"]);
});
