/**
 * Starts a policy pack as the Pulumi CLI does: `@pulumi/pulumi/cmd/run-policy-pack`, resolved from the pack's own
 * node_modules, with the pack's directory as the working directory. The first argument is the engine address the
 * CLI passes; the pack never calls back into the engine. JavaScript, not TypeScript, so that the pack's thread
 * (pack-thread-worker.js) can start the pack before it spends its first half-second registering TypeScript.
 * policy-pack.ts reads the port the pack prints.
 */
const { spawn } = require("node:child_process");

exports.spawnPolicyPack = function spawnPolicyPack(packDir) {
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    return spawn(process.execPath, [runner, "127.0.0.1:0", "."], {
        cwd: packDir,
        env: { ...process.env, PULUMI_NODEJS_TYPESCRIPT: "true" },
        stdio: ["ignore", "pipe", "pipe"],
    });
};
