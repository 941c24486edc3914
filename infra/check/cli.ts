/**
 * `npm run check -- [--stack prod] [--format text|json|markdown|sarif|github] [--output FILE] [--no-preview]
 *                   [--policy-pack-config FILE] [--state FILE] [--cwd DIR] [--timings]`
 *
 * Exit codes: 0 no mandatory violation; 1 mandatory violations; 2 the program, its config or the pack failed
 * (the error is printed). See README "The offline check".
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { runCheck, type CheckTimings } from "./check";
import { renderJson, renderMarkdown, renderText } from "./report";
import type { CheckReport } from "./report-model";
import { renderGithubAnnotations } from "./github-annotations";
import { loadProject } from "./project";
import type { SourcePosition } from "./recording";
import { renderSarif } from "./sarif";
import { entryFile, sourceRootOf, type SourceContext } from "./source-context";
import { EngineError, ProgramError } from "./program-error";
import { readPolicyPackConfig } from "./policy-pack";

export const EXIT = { clean: 0, violations: 1, error: 2 } as const;

const DEFAULT_STACK = "prod";

const FORMATS = ["text", "json", "markdown", "sarif", "github"];

const USAGE = `usage: npm run check -- [options]

  --stack NAME                 stack to check (reads Pulumi.NAME.yaml); default prod; with --state, the
                               export's stack (a different --stack is refused)
  --format FORMAT              text (default), json, markdown, sarif (SARIF 2.1.0, for code scanning) or
                               github (workflow commands that annotate the pull request)
  --output FILE                also write the report to FILE
  --report FORMAT=FILE         also write the report in another format to FILE, from the same run; repeatable
                               (e.g. --format github --report sarif=check.sarif --report markdown=check.md)
  --no-preview                 analyse with update semantics (computed outputs known) instead of preview
  --state FILE                 judge a deployed state (a pulumi stack export file) instead of running the
                               program; project and stack come from the file; findings carry the
                               resource's URN and no file or line
  --policy-pack-config FILE    policy config, as for pulumi preview --policy-pack-config;
                               default infra/policy/config/STACK.json when it exists
  --cwd DIR                    directory holding Pulumi.yaml; default the current directory
  --timings                    print phase timings and peak memory (JSON) to stderr
  --help                       this text

exit codes: 0 compliant, 1 mandatory violations, 2 program, config or policy pack error`;

export async function main(argv: string[]): Promise<number> {
    let args;
    try {
        args = parseArgs({
            args: argv,
            options: {
                // No default here: with --state, only an explicit --stack is compared with the export's.
                stack: { type: "string" },
                format: { type: "string", default: "text" },
                output: { type: "string" },
                report: { type: "string", multiple: true, default: [] },
                preview: { type: "boolean", default: true },
                "no-preview": { type: "boolean", default: false },
                "policy-pack-config": { type: "string" },
                state: { type: "string" },
                cwd: { type: "string" },
                timings: { type: "boolean", default: false },
                help: { type: "boolean", default: false },
            },
            strict: true,
            allowPositionals: false,
        }).values;
    } catch (err) {
        process.stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
        return EXIT.error;
    }
    if (args.help) {
        process.stdout.write(`${USAGE}\n`);
        return EXIT.clean;
    }
    const format = args.format!;
    if (!FORMATS.includes(format)) {
        process.stderr.write(`--format ${format} is not one of ${FORMATS.join(", ")}.\n`);
        return EXIT.error;
    }
    const extra: { format: string; file: string }[] = [];
    for (const value of args.report!) {
        const eq = value.indexOf("=");
        const [extraFormat, file] = eq < 0 ? [value, ""] : [value.slice(0, eq), value.slice(eq + 1)];
        if (!FORMATS.includes(extraFormat) || file === "") {
            process.stderr.write(`--report ${value} is not FORMAT=FILE with FORMAT one of ${FORMATS.join(", ")} and a file name.\n`);
            return EXIT.error;
        }
        extra.push({ format: extraFormat, file });
    }
    const root = path.resolve(args.cwd ?? process.cwd());
    const started = process.hrtime.bigint();
    try {
        // Without --policy-pack-config, runCheck reads the stack's own (infra/policy/config/<stack>.json), as CI passes it.
        const configFile = args["policy-pack-config"];
        const policyPackConfig = configFile ? readPolicyPackConfig(configFile) : undefined;
        const progress = process.stderr.isTTY
            ? (done: number, total: number) => {
                  if (total >= 200 && (done % 100 === 0 || done === total)) process.stderr.write(`\ranalysed ${done}/${total} resources`);
                  if (total >= 200 && done === total) process.stderr.write("\n");
              }
            : undefined;
        const timings: CheckTimings = {};
        const declarations = new Map<string, readonly SourcePosition[]>();
        const report = await runCheck({
            timings,
            declarations,
            root,
            ...(args.stack !== undefined || !args.state ? { stack: args.stack ?? DEFAULT_STACK } : {}),
            preview: !args["no-preview"],
            ...(args.state ? { state: path.resolve(args.state) } : {}),
            ...(policyPackConfig ? { policyPackConfig } : {}),
            ...(progress ? { onProgress: progress } : {}),
        });
        let sources: SourceContext | undefined;
        const sourcesOnce = () => (sources ??= sourceContext(root, args.state !== undefined, declarations));
        const rendered = render(format, report, sourcesOnce);
        process.stdout.write(rendered);
        if (args.output) fs.writeFileSync(args.output, rendered);
        for (const { format: extraFormat, file } of extra) fs.writeFileSync(file, render(extraFormat, report, sourcesOnce));
        if (args.timings) {
            const seconds = Number(process.hrtime.bigint() - started) / 1e9;
            process.stderr.write(
                JSON.stringify({
                    resources: report.summary.resources,
                    seconds,
                    ...timings,
                    checkPeakRssMiB: process.resourceUsage().maxRSS / 1024,
                }) + "\n",
            );
        }
        return report.result === "pass" ? EXIT.clean : EXIT.violations;
    } catch (err) {
        const cause = err instanceof ProgramError ? err.cause : err;
        const what =
            cause instanceof EngineError ? "pulumi preview would stop" : err instanceof ProgramError ? "The program failed" : "The check could not run";
        process.stderr.write(`${what}: ${cause instanceof Error ? cause.message : String(cause)}\n`);
        return EXIT.error;
    }
}
function render(format: string, report: CheckReport, sources: () => SourceContext): string {
    switch (format) {
        case "json":
            return renderJson(report);
        case "markdown":
            return renderMarkdown(report);
        case "sarif":
            return renderSarif(report, sources());
        case "github":
            return renderGithubAnnotations(report, sources());
        default:
            return renderText(report);
    }
}

/**
 * Where findings point: the program's lines, relative to the repository. A deployed state has none, and pointing its
 * findings at the entry would claim a line that says nothing about them: they carry their URN only (a SARIF result
 * with a logical location and no physical one, an annotation without a file).
 */
export function sourceContext(root: string, fromState: boolean, declarations: ReadonlyMap<string, readonly SourcePosition[]>): SourceContext {
    if (fromState) return { sourceRoot: root, entry: undefined, declarations };
    const main = entryFile(loadProject(root).main);
    return { sourceRoot: sourceRootOf(root, main), entry: main, declarations };
}
