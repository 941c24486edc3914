#!/usr/bin/env node
/**
 * Entry point of `npm run check`: TypeScript registered as the Pulumi language host registers it
 * (register-ts.js), so the program loads here exactly as under `pulumi up`; then the CLI (cli.ts).
 */
require("./register-ts");

require("./cli.ts")
    .main(process.argv.slice(2))
    .then((code) => {
        process.exitCode = code;
    });
