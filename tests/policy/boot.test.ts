/**
 * The pack's JavaScript entry (infra/policy/boot.js). Every pack test boots the pack through it (the CLI's
 * runner, tests/harness/global.ts); these check what it changes. Run in child processes: it changes
 * process-wide module loading.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const PACK = path.resolve(__dirname, "../../infra/policy");
const node = (script: string) => execFileSync(process.execPath, ["-e", script], { cwd: PACK, encoding: "utf8" }).trim();

test("the pack's entry is boot.js, which the CLI's runner requires as the pack directory's main", () => {
    expect(require(path.join(PACK, "package.json")).main).toBe("boot.js");
});

test("Arborist is not loaded with the SDK, and is the real module the moment anything reads it", () => {
    const out = node(`
        // Its index file is where the stand-in sits; any other file of it means the real module has loaded.
        const loaded = () => Object.keys(require.cache).some((k) => k.includes("/@npmcli/arborist/lib/") && !k.endsWith("/lib/index.js"));
        require("./lib/defer-unused").deferUnusedSdkModules();
        require("@pulumi/pulumi");
        const before = loaded();
        const arborist = require(require.resolve("@npmcli/arborist", { paths: [require.resolve("@pulumi/pulumi/runtime/closure/codePaths.js")] }));
        console.log(JSON.stringify({ before, type: typeof arborist.Arborist, after: loaded() }));
    `);
    expect(JSON.parse(out)).toEqual({ before: false, type: "function", after: true });
});

test("without the deferral, the SDK loads Arborist at once (what the deferral saves)", () => {
    const out = node(`require("@pulumi/pulumi"); console.log(Object.keys(require.cache).some((k) => k.includes("/@npmcli/arborist/lib/") && !k.endsWith("/lib/index.js")));`);
    expect(out).toBe("true");
});

describe("the SDK's Automation API", () => {
    // Any file of it but its index (where the stand-in sits) means the real module has loaded.
    const loaded = `() => Object.keys(require.cache).some((k) => k.includes("/@pulumi/pulumi/automation/") && !k.endsWith("/automation/index.js"))`;

    test("is not loaded with the SDK, and is the real module the moment anything reads it", () => {
        const out = node(`
            const loaded = ${loaded};
            require("./lib/defer-unused").deferUnusedSdkModules();
            const pulumi = require("@pulumi/pulumi");
            const before = loaded();
            console.log(JSON.stringify({ before, type: typeof pulumi.automation.LocalWorkspace, after: loaded() }));
        `);
        expect(JSON.parse(out)).toEqual({ before: false, type: "function", after: true });
    });

    test("without the deferral, the SDK loads it at once (what the deferral saves)", () => {
        expect(node(`const loaded = ${loaded}; require("@pulumi/pulumi"); console.log(loaded());`)).toBe("true");
    });
});
