/**
 * The data-policy CrossGuard pack. Run it with the program:
 *
 *     pulumi preview --policy-pack infra/policy --policy-pack-config infra/policy/config/prod.json
 *
 * Each policy enforces named clauses of the published data policy (see `lib/define.ts`); `npm run check` runs
 * the same pack offline against the program's recorded resources.
 */
import { PolicyPack } from "@pulumi/policy";
import { POLICIES } from "./policies";

new PolicyPack("allotrac-data-policy", {
    description: "Makes the published Allotrac data policy true in the stack: Australian residency, encryption at rest and in transit, backups and retention, private access, deletion protection.",
    displayName: "Allotrac data policy",
    enforcementLevel: "mandatory",
    policies: [...POLICIES],
});
