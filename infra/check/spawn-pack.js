/**
 * Starts a policy pack as the Pulumi CLI does: `@pulumi/pulumi/cmd/run-policy-pack`, resolved from the pack's own
 * node_modules, with the pack's directory as the working directory. The first argument is the engine address the
 * CLI passes; the pack never calls back into the engine. JavaScript, not TypeScript, so that the pack's thread
 * (pack-thread-worker.js) can start the pack before it spends its first half-second registering TypeScript.
 * policy-pack.ts reads the port the pack prints. The one addition: the pack's stdin is a pipe from this process, and
 * pack-watchdog.js (preloaded) ends the pack when it closes, so that no pack outlives the check (pack-thread-start.js).
 */
const { spawn } = require("node:child_process");

exports.spawnPolicyPack = function spawnPolicyPack(packDir) {
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    return spawn(process.execPath, ["--require", require.resolve("./pack-watchdog"), runner, "127.0.0.1:0", "."], {
        cwd: packDir,
        env: { ...process.env, PULUMI_NODEJS_TYPESCRIPT: "true" },
        stdio: ["pipe", "pipe", "pipe"],
    });
};
