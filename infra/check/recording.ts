/**
 * What a recorded run of a program is made of: every registration whole, the provider functions it called, its
 * outputs and each resource's state. Types only, with no dependency on the Pulumi runtime, so that code which
 * only reads a recording (a failed run's error, the report, the test harness) need not load it.
 */

/** The resource options of one registration, as the engine receives them. */
export interface RecordedOptions {
    readonly protect: boolean | undefined;
    readonly retainOnDelete: boolean | undefined;
    readonly deleteBeforeReplace: boolean | undefined;
    readonly ignoreChanges: readonly string[];
    readonly replaceOnChanges: readonly string[];
    readonly additionalSecretOutputs: readonly string[];
    readonly aliases: readonly unknown[];
    readonly version: string | undefined;
    readonly pluginDownloadURL: string | undefined;
    readonly importId: string | undefined;
    readonly deletedWith: string | undefined;
}

/** One `RegisterResource` call, whole. */
export interface Registration {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** `true` for a provider-managed resource, `false` for a component. */
    readonly custom: boolean;
    /** URN of the parent, or `undefined` for children of the stack. */
    readonly parent: string | undefined;
    /** Provider reference (`<provider urn>::<id>`), `undefined` when the default provider would be used. */
    readonly provider: string | undefined;
    /** Inputs with secrets unwrapped; resource references as their URN; unknowns as the unknown sentinel (`UNKNOWN` in recorder.ts). */
    readonly inputs: Record<string, unknown>;
    /** Inputs exactly as they went over the wire (secret and resource signatures kept), for the analyzer. */
    readonly rawInputs: Record<string, unknown>;
    /** Dotted paths of the inputs that were marked secret, e.g. `password`, `sink.httpAuthorization`. */
    readonly secretInputs: readonly string[];
    readonly dependencies: readonly string[];
    readonly propertyDependencies: Readonly<Record<string, readonly string[]>>;
    readonly options: RecordedOptions;
    /**
     * Where the program declared the resource: the program's frames of the call stack Pulumi recorded at
     * registration, innermost (the `new …` line) first, then its callers; absolute paths, lines and columns
     * 1-based, in the program's source (source-mapped). Empty when no frame is the program's (the stack itself), or
     * when the registration did not come from running a program (a deployed state).
     */
    readonly declaredAt?: readonly SourcePosition[];
}

/** A position in a source file. `line` and `column` are absent when the file's source map was not available. */
export interface SourcePosition {
    readonly file: string;
    readonly line?: number;
    readonly column?: number;
}

/** One provider function call (invoke), as the mock saw it. */
export interface RecordedInvoke {
    readonly token: string;
    readonly inputs: Record<string, unknown>;
    readonly provider: string | undefined;
}

/** A warning or error the program or the SDK logged (`pulumi.log.warn`…), which `pulumi preview` prints. */
export interface LoggedMessage {
    readonly severity: "warning" | "error";
    readonly message: string;
    /** The resource it was logged against, if any. */
    readonly urn?: string;
}

/** What running the program produced. */
export interface Recording {
    /** Whether the run had preview semantics (computed outputs unknown). */
    readonly preview: boolean;
    readonly registrations: readonly Registration[];
    readonly invokes: readonly RecordedInvoke[];
    /** The stack's outputs, resolved (secret outputs unwrapped; see `secretOutputs`). */
    readonly outputs: Record<string, unknown>;
    /** Names of the stack outputs that are secret. */
    readonly secretOutputs: readonly string[];
    /**
     * Each resource's state after registration, in wire form (inputs plus what the provider computed; at
     * preview, computed values are the unknown sentinel). This is what AnalyzeStack sees.
     */
    readonly states: ReadonlyMap<string, Record<string, unknown>>;
    /** Warnings and errors logged during the run, in order. */
    readonly messages: readonly LoggedMessage[];
}
