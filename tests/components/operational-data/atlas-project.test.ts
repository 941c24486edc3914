/**
 * `AtlasProject` on its own, with fixture args (data policy "02.operational-data"): the project in the given org,
 * Atlas's default alerts kept, every feature that moves database content off, the clause tag over the given tags,
 * protected, on the given Atlas provider. How the prod stack wires it from config is
 * tests/areas/operational-data-stack-wiring.test.ts.
 */
import { AtlasProject } from "../../../infra/components/operational-data/atlas-project";
import { mockAtlasId } from "../../../infra/check/mock-outputs";
import { TYPES } from "../../../infra/policy/lib/tokens";
import { buildAlone } from "../../harness/build-alone";
import { childrenOf, named } from "../../harness/stack";
import { onAtlas, providersOf } from "./helpers";
import { atlasProjectInputs } from "../../harness/expected-inputs";
import { recordOnce } from "../../harness/record-once";

const COMPONENT = "data-platform:operational-data:AtlasProject";

const rec = recordOnce(() => buildAlone(() => new AtlasProject("p", { orgId: "fixture-org", projectName: "fixture-project", tags: { team: "fixture" } }, onAtlas())));

test("the project alone, on the given Atlas provider: default alerts kept, every feature that moves database content off, tagged, protected", () => {
    const project = named(rec, "p", TYPES.atlasProject);
    expect(childrenOf(rec, named(rec, "p", COMPONENT))).toEqual([project]);
    expect(providersOf([project])).toEqual([{ name: "p", provider: named(rec, "atlas", TYPES.atlasProvider).urn }]);
    expect(project.inputs).toEqual(atlasProjectInputs("fixture-org", "fixture-project", { team: "fixture" }));
    expect(project.options.protect).toBe(true);
});

test("the component's output is the project id", () => {
    expect(rec.states.get(named(rec, "p", COMPONENT).urn)).toEqual({ projectId: mockAtlasId("p") });
});
