/**
 * How the prod stack turns on Cloud Storage's Data Access audit logs (infra/areas/static-files.ts; data policy
 * "10.staff-access-audit"): once for the data project, with no exemptions. The component on its own, with fixture
 * args, is tests/components/static-files/storage-data-access-audit.test.ts.
 */
import type { Recording } from "../../infra/check/recorder";
import { ofType, runStack } from "../harness/stack";

const PROJECT = "allotrac-data-prod";

let rec: Recording;
beforeAll(async () => {
    rec = await runStack();
});

test("Data Access audit logs for Cloud Storage are on, once for the project, with no exemptions", () => {
    expect(ofType(rec, "gcp:projects/iAMAuditConfig:IAMAuditConfig").map((r) => r.inputs)).toEqual([
        {
            project: PROJECT,
            service: "storage.googleapis.com",
            auditLogConfigs: [{ logType: "ADMIN_READ" }, { logType: "DATA_READ" }, { logType: "DATA_WRITE" }],
        },
    ]);
});

