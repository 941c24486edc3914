#!/usr/bin/env node
/**
 * Entry point of `npm run check`: the policy pack's thread first, so that the pack boots while the rest loads
 * (pack-thread-start.js); TypeScript registered as the Pulumi language host registers it (register-ts.js), so the
 * program loads here exactly as under `pulumi up`; then the CLI (cli.ts).
 */
// Not for `--help`, which checks nothing. Any other run that fails before it checks (bad arguments) lets the thread go
// unused: it does not keep the process alive, and its pack ends with the process.
if (!process.argv.slice(2).includes("--help")) {
    require("./pack-thread-start").startPackThreadEarly(require("node:path").resolve(__dirname, "../policy"));
}
const { tsNode } = require("./register-ts");
// What ts-node produced for each file, reused while the file and the toolchain are unchanged (transpile-cache.js).
require("./transpile-cache").cacheTranspiledOutput(tsNode.config.options);
// The SDK loads Arborist eagerly and uses it only to serialize functions; load it when (if) that happens, as the
// pack does (infra/policy/lib/defer-unused.js explains). What the program registers is unchanged.
require("../policy/lib/defer-unused").deferUnusedSdkModules();

require("./cli.ts")
    .main(process.argv.slice(2))
    .then((code) => {
        process.exitCode = code;
    });
