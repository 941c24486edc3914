/**
 * How the prod stack turns on Cloud Storage's Data Access audit logs (infra/areas/static-files.ts; data policy
 * "10.staff-access-audit"): once for the data project, with no exemptions. The component on its own, with fixture
 * args, is tests/components/static-files/storage-data-access-audit.test.ts.
 */
import { ofType, runStack } from "../harness/stack";
import { recordOnce } from "../harness/record-once";
import { storageAuditConfigInputs } from "../harness/expected-inputs";

const PROJECT = "allotrac-data-prod";

const rec = recordOnce(() => runStack());

test("Data Access audit logs for Cloud Storage are on, once for the project, with no exemptions", () => {
    expect(ofType(rec, "gcp:projects/iAMAuditConfig:IAMAuditConfig").map((r) => r.inputs)).toEqual([storageAuditConfigInputs(PROJECT)]);
});

