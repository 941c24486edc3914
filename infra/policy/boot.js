/**
 * The pack's entry (package.json `main`), in plain JavaScript so that it runs before any TypeScript can.
 *
 * `@pulumi/pulumi/cmd/run-policy-pack` (how `pulumi preview --policy-pack` starts a pack) always registers
 * ts-node with type-checking on; ts-node then builds a TypeScript program of the pack and of everything it
 * imports before the first line runs (~3 s here). The repo type-checks the pack in `npm test`
 * (TypeScript 7, with infra/ and tests/), so at boot the pack only needs its TypeScript stripped. This entry
 * hands `.ts` files to swc (the same transpiler jest uses, @swc/core, a dependency of this pack) instead, one
 * file at a time, straight from source: there is no build step to forget and nothing stale to run.
 *
 * So ts-node compiles nothing here, and the pack has no tsconfig.json on purpose: installed on its own (the
 * tarball `pulumi policy publish` uploads), it has no `typescript` (an optional peer of @pulumi/pulumi), the runner
 * falls back to its vendored TypeScript 3.8 and ts-node 7, and those reject a tsconfig written for TypeScript 5
 * (`noCheck`, an `extends` outside the pack). Without one, the runner registers ts-node with its own defaults.
 */
"use strict";
/** Deferred loading of one module that Pulumi's SDK loads eagerly but a policy pack never uses. */
require("./lib/defer-unused").deferUnusedSdkModules();

// Replaces the `.ts` loader ts-node installed (registered before this file ran).
require("./lib/swc-loader").registerSwcLoader();

require("./index.ts");
