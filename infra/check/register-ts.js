/**
 * Registers TypeScript exactly as the Pulumi Node.js language host does for this project
 * (node_modules/@pulumi/pulumi/cmd/run/run.js): ts-node with the project's own `typescript`, the tsconfig named
 * by Pulumi.yaml `runtime.options.tsconfig`, transpile-only when that file's own compilerOptions set `noCheck`,
 * and the same default compiler options. Required by `npm run check` (run-check.js) and by anything else that
 * must load the program as `pulumi up` does (`node -r ./infra/check/register-ts.js …`).
 */
const fs = require("node:fs");
const path = require("node:path");
const YAML = require("yaml");

const root = path.resolve(__dirname, "../..");
const project = YAML.parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8"));
const tsconfig = path.join(root, project?.runtime?.options?.tsconfig ?? "tsconfig.json");
const ts = require("typescript");
const own = ts.parseConfigFileTextToJson(tsconfig, fs.readFileSync(tsconfig, "utf8")).config?.compilerOptions ?? {};
// The service is exported for the transpile cache (transpile-cache.js), which keys on the options it resolved.
exports.tsNode = require("ts-node").register({
    project: tsconfig,
    transpileOnly: own.noCheck === true,
    compilerOptions: { target: "ES2020", module: "nodenext", moduleResolution: "nodenext", sourceMap: "true", ...own },
});
