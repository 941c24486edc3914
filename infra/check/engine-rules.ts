/**
 * What the Pulumi engine refuses, and what it adds, when a program registers resources, applied by the check's
 * mock monitor. Pulumi's own `MockMonitor` (runtime/mocks.js) accepts all of this silently: it overwrites a
 * duplicate URN, has no notion of default providers, and never looks at parents or dependencies. Read from
 * pulumi/pulumi's engine (pkg/resource/deploy: step_generator.go, source_eval.go, providers/registry.go and
 * pkg/resource/deploy/snapshot integrity checks); the messages are the engine's.
 *
 * Errors (the check exits 2, naming the resource, as `pulumi preview`/`up` would stop):
 * - a custom resource (or an invoke) of a package whose default provider is disabled by the stack config
 *   `pulumi:disable-default-providers`, without an explicit provider;
 * - two registrations with the same URN;
 * - a `parent` that was never registered;
 * - an explicit `provider` that was never registered;
 * - a `dependsOn`, property dependency or `deletedWith` naming a resource that was never registered. `pulumi
 *   preview` lets this through and `pulumi up` fails when it writes the snapshot ("failed to verify snapshot");
 *   the check refuses it in both modes, because a PASS promises that `up` succeeds.
 *
 * Added, as the engine adds it before the policy pack sees a resource: `retainOnDelete` and `deletedWith`
 * inherited from the parent when the child leaves them unset (the SDK already inherits `protect` itself).
 */
import type { Registration } from "./recording";

/** The URN part of a provider reference (`<urn>::<id>`), as the engine splits it (providers.ParseReference). */
export function providerUrn(ref: string): string;
export function providerUrn(ref: string | undefined): string | undefined;
export function providerUrn(ref: string | undefined): string | undefined {
    if (ref === undefined || ref === "") return undefined;
    const at = ref.lastIndexOf("::");
    return at < 0 ? ref : ref.slice(0, at);
}

/** The package of a type token (`aws:s3/bucket:Bucket` → `aws`; `pulumi:providers:aws` → `pulumi`). */
export function packageOf(token: string): string {
    return token.split(":")[0] ?? "";
}

const DISABLE_DEFAULT_PROVIDERS = "pulumi:disable-default-providers";

/**
 * The packages whose default provider the stack disables (`*` for all), read from its config as the engine
 * reads it: a JSON list of strings (the CLI hands config to the engine as strings; the empty string is none).
 */
export function disabledDefaultProviders(config: Readonly<Record<string, unknown>>): ReadonlySet<string> {
    const raw = config[DISABLE_DEFAULT_PROVIDERS];
    if (raw === undefined || raw === "") return new Set();
    let list: unknown = raw;
    if (typeof raw === "string") {
        try {
            list = JSON.parse(raw);
        } catch (err) {
            throw new Error(`Failed to parse ${DISABLE_DEFAULT_PROVIDERS}: ${(err as Error).message}`);
        }
    }
    if (!Array.isArray(list)) {
        throw new Error(`Failed to parse ${DISABLE_DEFAULT_PROVIDERS}: expected a list of package names or "*", got ${JSON.stringify(raw)}`);
    }
    return new Set(
        list.map((item, i) => {
            if (typeof item !== "string") throw new Error(`${DISABLE_DEFAULT_PROVIDERS}[${i}] must be a string`);
            return item.trim();
        }),
    );
}

/** The engine's view of one run: what has registered so far, and what it refused. */
export class EngineRules {
    /** Every registered URN (resources, components, providers, the stack), with the options children inherit. */
    private readonly registered = new Map<string, Registration>();
    /** The engine's errors, in the order it would have raised them. */
    readonly errors: string[] = [];

    constructor(private readonly disabled: ReadonlySet<string>) {}

    private defaultProviderDisabled(pkg: string): boolean {
        return pkg !== "pulumi" && (this.disabled.has("*") || this.disabled.has(pkg));
    }

    /** Checks one registration against what came before it, records it, and returns it with inherited options. */
    register(reg: Registration): Registration {
        const errors: string[] = [];
        if (this.registered.has(reg.urn)) errors.push(`Duplicate resource URN '${reg.urn}'; try giving it a unique name`);
        const parent = reg.parent === undefined ? undefined : this.registered.get(reg.parent);
        if (reg.parent !== undefined && parent === undefined) errors.push(`${reg.urn}: could not find parent resource ${reg.parent}`);
        const isProvider = reg.type.startsWith("pulumi:providers:");
        if (reg.custom && !isProvider && reg.provider === undefined && this.defaultProviderDisabled(packageOf(reg.type))) {
            errors.push(`Default provider for '${packageOf(reg.type)}' disabled. '${reg.urn}' must use an explicit provider.`);
        }
        if (reg.provider !== undefined && !this.registered.get(providerUrn(reg.provider))?.type.startsWith("pulumi:providers:")) {
            errors.push(`unknown provider '${reg.provider}' for resource '${reg.urn}'`);
        }
        for (const dep of reg.dependencies) {
            if (!this.registered.has(dep)) errors.push(`resource ${reg.urn} refers to missing dependency ${dep}`);
        }
        for (const deps of Object.values(reg.propertyDependencies)) {
            for (const dep of deps) {
                if (!this.registered.has(dep)) errors.push(`resource ${reg.urn} refers to missing property dependency ${dep}`);
            }
        }
        if (reg.options.deletedWith !== undefined && !this.registered.has(reg.options.deletedWith)) {
            errors.push(`resource ${reg.urn} is specified as being deleted with ${reg.options.deletedWith}, which is missing`);
        }
        this.errors.push(...errors);
        const inherited: Registration = parent
            ? {
                  ...reg,
                  options: {
                      ...reg.options,
                      retainOnDelete: reg.options.retainOnDelete ?? parent.options.retainOnDelete,
                      deletedWith: reg.options.deletedWith ?? parent.options.deletedWith,
                  },
              }
            : reg;
        if (!this.registered.has(reg.urn)) this.registered.set(reg.urn, inherited);
        return inherited;
    }

    /** Checks a provider function call (`Invoke`), which obeys the same default-provider rule. */
    invoke(token: string, provider: string | undefined): void {
        if (!provider && this.defaultProviderDisabled(packageOf(token))) {
            this.errors.push(`Invoke: Default provider for '${packageOf(token)}' disabled. '${token}' must use an explicit provider.`);
        }
    }
}
