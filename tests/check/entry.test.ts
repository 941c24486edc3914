/**
 * Loading the entry as the language host does, in a long-lived process (infra/check/entry.ts): module-level code
 * runs on every load, and reused transpiler output never outlives an edit of its source. Run in a child process
 * with TypeScript registered as the check registers it, since both change process-wide module loading.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { REPO_ROOT } from "../harness/stack";

test("each load evaluates the entry afresh; an edited file is transpiled again, an unchanged one is not", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entry-"));
    const file = path.join(dir, "program.ts");
    fs.writeFileSync(file, "const n: number = 1; (globalThis as any).loads = ((globalThis as any).loads ?? 0) + 1; export = () => n;\n");
    const script = `
        const fs = require("node:fs");
        const { evaluateEntry, reuseTranspiledOutput } = require("./infra/check/entry.ts");
        reuseTranspiledOutput();
        let transpiled = 0;
        const service = process[Symbol.for("ts-node.register.instance")];
        const compile = service.compile;
        service.compile = (code, fileName, ...rest) => (fileName === ${JSON.stringify(file)} && transpiled++, compile.call(service, code, fileName, ...rest));
        (async () => {
            const out = [];
            out.push([await evaluateEntry(${JSON.stringify(file)}), globalThis.loads, transpiled]);
            out.push([await evaluateEntry(${JSON.stringify(file)}), globalThis.loads, transpiled]);
            fs.writeFileSync(${JSON.stringify(file)}, "const n: number = 2; (globalThis as any).loads += 1; export = () => n;\\n");
            out.push([await evaluateEntry(${JSON.stringify(file)}), globalThis.loads, transpiled]);
            console.log(JSON.stringify(out));
        })();
    `;
    const out = execFileSync(process.execPath, ["-r", path.join(REPO_ROOT, "infra/check/register-ts.js"), "-e", script], { cwd: REPO_ROOT, encoding: "utf8" });
    const runs = JSON.parse(out.trim()) as [number, number, number][];
    expect(runs.map(([value, loads]) => [value, loads])).toEqual([
        [1, 1],
        [1, 2],
        [2, 3],
    ]);
    // program.ts went through ts-node once for the first load, not for the second (reused), once more after the edit.
    expect(runs.map(([, , transpiled]) => transpiled)).toEqual([1, 1, 2]);
});
