/**
 * No import circle in infra/: a module graph with a cycle loads in an order that depends on who is imported first
 * (a half-initialised module reads `undefined`), and it hides which layer depends on which. Imports are read with
 * TypeScript's own pre-processor (the same reader the publishable-pack guard uses), type-only imports included.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ts from "typescript";
import { REPO_ROOT } from "./harness/stack";

const INFRA = path.join(REPO_ROOT, "infra");

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(p);
        return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [p] : [];
    });
}

function resolveLocal(from: string, spec: string): string | undefined {
    if (!spec.startsWith(".")) return undefined;
    const base = path.resolve(path.dirname(from), spec);
    return [`${base}.ts`, path.join(base, "index.ts"), base].find((c) => c.endsWith(".ts") && fs.existsSync(c));
}

function importGraph(files: readonly string[]): Map<string, string[]> {
    return new Map(
        files.map((f) => [
            f,
            ts
                .preProcessFile(fs.readFileSync(f, "utf8"), true, true)
                .importedFiles.map((i) => resolveLocal(f, i.fileName))
                .filter((r): r is string => r !== undefined),
        ]),
    );
}

/** Strongly connected components with more than one module, or a module importing itself (Tarjan's algorithm). */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
    let next = 0;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const found: string[][] = [];
    const visit = (v: string): void => {
        index.set(v, next);
        low.set(v, next++);
        stack.push(v);
        onStack.add(v);
        for (const w of graph.get(v) ?? []) {
            if (!index.has(w)) {
                visit(w);
                low.set(v, Math.min(low.get(v)!, low.get(w)!));
            } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        }
        if (low.get(v) === index.get(v)) {
            const scc: string[] = [];
            let w: string;
            do {
                w = stack.pop()!;
                onStack.delete(w);
                scc.push(w);
            } while (w !== v);
            if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.sort());
        }
    };
    for (const v of graph.keys()) if (!index.has(v)) visit(v);
    return found;
}

test("the reader finds a two-module circle, a longer one and a self-import, and nothing in a tree", () => {
    const g = new Map<string, string[]>([
        ["config", ["schema"]],
        ["schema", ["config", "rules"]],
        ["a", ["b"]],
        ["b", ["c"]],
        ["c", ["a"]],
        ["self", ["self"]],
        ["rules", []],
    ]);
    expect(cycles(g)).toEqual([["config", "schema"], ["a", "b", "c"], ["self"]]);
    expect(cycles(new Map([["index", ["areas", "config"]], ["areas", ["config"]], ["config", []]]))).toEqual([]);
});

test("it reads the program's real imports (the composition root imports its areas and config)", () => {
    const graph = importGraph(sourceFiles(INFRA));
    expect(graph.get(path.join(INFRA, "index.ts"))).toEqual(expect.arrayContaining([path.join(INFRA, "config.ts")]));
    expect(graph.size).toBeGreaterThan(100);
});

test("no two modules under infra/ import each other, directly or around a circle", () => {
    const rel = (f: string) => path.relative(REPO_ROOT, f);
    // The only self-imports are the Redis Cloud binding's type modules, which name their own nested types through
    // an alias of themselves exactly as Pulumi's Node.js generator writes them (types only: nothing runs).
    expect(cycles(importGraph(sourceFiles(INFRA))).map((c) => c.map(rel))).toEqual([
        ["infra/providers/rediscloud/types/input.ts"],
        ["infra/providers/rediscloud/types/output.ts"],
    ]);
});
