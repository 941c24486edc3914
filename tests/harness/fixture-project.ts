/**
 * A throwaway Pulumi project directory whose Pulumi.yaml runs `main`, with one `Pulumi.<stack>.yaml` per stack
 * given: how the offline-check tests point the real loader at fixture programs and configs.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import YAML from "yaml";
import { REPO_ROOT } from "./stack";

export function fixtureProject(main: string, stacks: Record<string, Record<string, unknown>>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "data-platform-fixture-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), YAML.stringify({ name: "data-platform", runtime: "nodejs", main: path.resolve(REPO_ROOT, main) }));
    for (const [stack, config] of Object.entries(stacks)) {
        fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), YAML.stringify({ config }));
    }
    return dir;
}
