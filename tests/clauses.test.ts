/**
 * The clause → controls table (infra/clauses.ts CONTROLS) and how a clause's status follows from it
 * (infra/check/report-model.ts clauseStatus).
 */
import { CLAUSE_IDS, CONTROLS, controlMismatches, policiesOf } from "../infra/clauses";
import { clauseStatus, type ReportControl } from "../infra/check/report-model";
import { POLICIES } from "../infra/policy/policies";

describe("the controls table", () => {
    test("agrees with the pack: every policy is a control of exactly the clauses it cites", () => {
        expect(controlMismatches(POLICIES)).toEqual([]);
        for (const p of POLICIES) {
            expect(CLAUSE_IDS.filter((id) => policiesOf(id).includes(p.name))).toEqual(CLAUSE_IDS.filter((id) => p.clauses.includes(id)));
        }
    });

    test("gives every clause at least one control, and every manual control a reason", () => {
        for (const id of CLAUSE_IDS) {
            expect(CONTROLS[id].length).toBeGreaterThan(0);
            for (const c of CONTROLS[id]) if (c.kind !== "automated") expect(c.why.length).toBeGreaterThan(20);
        }
    });

    test("names each disagreement: a citation the table lacks, a listed policy that is missing or does not cite, a clause with no control", () => {
        const policies = [
            { name: "redis-database-ephemeral", clauses: ["06.ephemeral-retention", "02.ephemeral-data", "03.rbac"] as const },
            { name: "auth0-tenant-in-australia", clauses: ["02.identity-data"] as const },
        ];
        const problems = controlMismatches(policies);
        expect(problems).toContain("policy redis-database-ephemeral cites 03.rbac, whose controls (CONTROLS in infra/clauses.ts) do not list it");
        expect(problems).toContain("08.secure-transfers lists the policy auth0-tenant-in-australia, which does not cite 08.secure-transfers");
        expect(problems).toContain("02.operational-data lists the policy atlas-backup-daily-retention, which the pack does not have");
        expect(problems.every((p) => !p.includes("lists no control"))).toBe(true);
    });
});

describe("clauseStatus", () => {
    const evaluated = (policy: string, urns: string[] = ["urn:pulumi:prod::p::t::a"]): ReportControl => ({
        kind: "automated",
        policy,
        status: urns.length ? "pass" : "not-applicable",
        evaluated: urns,
        violations: 0,
    });
    const manual: ReportControl = { kind: "manual", control: "c", reason: "contract", why: "w" };
    const unchecked: ReportControl = { kind: "unchecked", control: "c", why: "w" };
    const mandatory = { enforcementLevel: "mandatory" } as const;
    const advisory = { enforcementLevel: "advisory" } as const;

    test.each([
        ["every control automated, each evaluated something", [evaluated("a"), evaluated("b")], [], "pass"],
        ["automated controls evaluated something, and a manual control remains", [evaluated("a"), evaluated("b"), manual], [], "pass-automated"],
        ["one automated control evaluated nothing", [evaluated("a"), evaluated("b", [])], [], "partial"],
        ["a declared control is unchecked", [evaluated("a"), unchecked], [], "partial"],
        ["unchecked and no automated control", [unchecked, manual], [], "partial"],
        ["manual controls only", [manual], [], "manual"],
        ["a mandatory violation", [evaluated("a"), unchecked], [advisory, mandatory], "fail"],
        ["advisory violations only", [evaluated("a")], [advisory], "warn"],
    ] as [string, ReportControl[], { enforcementLevel: "mandatory" | "advisory" }[], string][])("%s", (_what, controls, violations, status) => {
        expect(clauseStatus(controls, violations)).toBe(status);
    });
});
