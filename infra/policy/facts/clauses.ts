/**
 * The published data policy (`../shared/data-policy.txt`, "Last updated: 11/09/2024"), one entry per bullet.
 *
 * This is the only place the policy's words live. Components, policies, the processor register and the
 * reports refer to a clause by its id (`ClauseId`), never by free text, so a reader can go from any clause to
 * its component, its policy and its test in one hop, and a typo in a clause id is a type error.
 *
 * Ids are `<section>.<slug>`: the section number as printed in the policy, then a stable slug for the bullet.
 */

/** One bullet of the data policy. */
export interface Clause {
    /** Section number as printed in the policy ("01" … "10"). */
    readonly section: string;
    /** Section heading as printed in the policy. */
    readonly sectionTitle: string;
    /** A short title for reports. */
    readonly title: string;
    /** The bullet's words, verbatim. */
    readonly text: string;
}

export const CLAUSES = {
    "01.user-ownership": {
        section: "01",
        sectionTitle: "Data Ownership",
        title: "Users own their personal data",
        text: "Users retain ownership of their personal data.",
    },
    "01.tenant-ownership": {
        section: "01",
        sectionTitle: "Data Ownership",
        title: "Tenants own their operational data",
        text: "Ownership of most operational data is held by the user's tenant or tenants.",
    },
    "01.tenant-managed-access": {
        section: "01",
        sectionTitle: "Data Ownership",
        title: "Tenants manage access within their data environments",
        text: "Tenants are responsible for managing access and permissions within their own data environments.",
    },
    "01.anonymised-analytics": {
        section: "01",
        sectionTitle: "Data Ownership",
        title: "Only aggregated, anonymised data for internal analytics",
        text: "Allotrac may use aggregated & anonymised data for internal analytics and product development.",
    },
    "02.operational-data": {
        section: "02",
        sectionTitle: "Data Storage",
        title: "Operational data in MongoDB Atlas in Australia, backed up daily, 30-day retention",
        text: "Operational Data: Stored in an Atlas-hosted MongoDB cluster located in Australia. This data is backed up daily, with a 30-day retention period.",
    },
    "02.ephemeral-data": {
        section: "02",
        sectionTitle: "Data Storage",
        title: "Ephemeral pub/sub data in Enterprise Redis in Australia, not retained",
        text: "Ephemeral Pub/Sub Data: Managed using an Enterprise Redis cluster in Australia. This data is transient and not retained long-term.",
    },
    "02.identity-data": {
        section: "02",
        sectionTitle: "Data Storage",
        title: "Identity and authentication data in Auth0",
        text: "Identity & Authentication Data: Managed through Auth0.",
    },
    "02.billing-data": {
        section: "02",
        sectionTitle: "Data Storage",
        title: "Licensing and billing data in Stripe",
        text: "Licensing & Billing Data: Handled through Stripe, ensuring secure storage and management.",
    },
    "02.embedded-finance-data": {
        section: "02",
        sectionTitle: "Data Storage",
        title: "Embedded finance data in SpaceInvoices, Frankfurt",
        text: "Embedded Finance Data: Managed via SpaceInvoices, hosted in Frankfurt, Germany.",
    },
    "02.static-files": {
        section: "02",
        sectionTitle: "Data Storage",
        title: "Static files in AWS S3 and Google Cloud Storage",
        text: "Static Files: Stored in a combination of AWS S3 and Google Cloud Buckets.",
    },
    "02.analytics-support-data": {
        section: "02",
        sectionTitle: "Data Storage",
        title: "User analytics and support data with the named vendors",
        text: "User Analytics & Support Data: User analytics and support data is stored in: Zoho, Twilio Segment, Google, Amazon AWS, Intercom, Microsoft (Bing), Webflow, Facebook, Reddit, LinkedIn, VWO, Userflow",
    },
    "03.user-data-sharing": {
        section: "03",
        sectionTitle: "Data Access & Permissions",
        title: "User data visible to others only when shared by its owner",
        text: "User Data: Only accessible by other users if explicitly shared by the data owner.",
    },
    "03.tenant-data-access": {
        section: "03",
        sectionTitle: "Data Access & Permissions",
        title: "Tenant data limited to the tenant's users, under tenant-managed permissions",
        text: "Tenant Data: Access is limited to users within the tenant and is governed by tenant-managed permissions. Tenants are responsible for configuring and maintaining these permissions.",
    },
    "03.rbac": {
        section: "03",
        sectionTitle: "Data Access & Permissions",
        title: "All data access restricted by role-based access control",
        text: "All data access is restricted by role-based access controls (RBAC) and enforced by the platform’s security policies.",
    },
    "04.allie-openai": {
        section: "04",
        sectionTitle: "Data Processing & Sharing",
        title: "Data submitted to Allie is processed by OpenAI",
        text: "Any data submitted to Allie, the AI feature, will be processed and passed to OpenAI for analysis and response generation.",
    },
    "04.operational-processing": {
        section: "04",
        sectionTitle: "Data Processing & Sharing",
        title: "Operational data processed within the platform",
        text: "Operational data is processed within the platform for operational and analytical purposes in accordance with this policy.",
    },
    "05.encryption-and-access-control": {
        section: "05",
        sectionTitle: "Data Security",
        title: "Encryption at rest and in transit, security audits, access control",
        text: "We follow best practices to secure data, including encryption at rest and in transit, regular security audits, and access control mechanisms.",
    },
    "05.industry-standard-encryption": {
        section: "05",
        sectionTitle: "Data Security",
        title: "Operational data and PII encrypted with industry-standard protocols",
        text: "All operational data and personally identifiable information (PII) are secured using industry-standard encryption protocols.",
    },
    "06.operational-backup": {
        section: "06",
        sectionTitle: "Data Retention & Backup",
        title: "Atlas with failover, daily backups kept 30 days, stored securely, restorable",
        text: "Operational Data: Stored in an Atlas MongoDB cluster with failover. Backed up daily with a 30-day retention policy. Backup copies are securely stored and can be restored in the event of data loss.",
    },
    "06.ephemeral-retention": {
        section: "06",
        sectionTitle: "Data Retention & Backup",
        title: "Redis data never backed up, not retained beyond 24 hours",
        text: "Ephemeral Data: Managed in Redis, which is designed for transient storage and is not backed up or retained beyond necessary operational windows (operational windows are defined as less than 24 hours).",
    },
    "07.third-party-services": {
        section: "07",
        sectionTitle: "Third-Party Services",
        title: "Named third-party providers for specialised services",
        text: "We rely on several third-party providers to handle specialized services such as billing, identity management, and embedded finance: Auth0 for identity and authentication. Stripe for licensing and billing data. Adyen for payment data. SpaceInvoices for embedded finance data. OpenAI for data submitted to Allie for processing. AWS S3 / GCP Cloud Buckets for static file storage.",
    },
    "08.no-third-party-sharing": {
        section: "08",
        sectionTitle: "Data Sharing & Transfers",
        title: "No sharing with third parties beyond what operating the platform needs",
        text: "Data is not shared with third parties except as necessary for the operation of the platform, as described above.",
    },
    "08.secure-transfers": {
        section: "08",
        sectionTitle: "Data Sharing & Transfers",
        title: "Transfers to third parties are lawful and use secure protocols",
        text: "Any data transfers to third-party services comply with applicable data protection laws and are subject to secure transfer protocols.",
    },
    "09.integrity-monitoring": {
        section: "09",
        sectionTitle: "Data Integrity & Monitoring",
        title: "Automated monitoring of data integrity",
        text: "We use automated systems to monitor data integrity and ensure that data is consistent, accurate, and up-to-date.",
    },
    "09.integrity-response": {
        section: "09",
        sectionTitle: "Data Integrity & Monitoring",
        title: "Integrity issues addressed promptly",
        text: "Any detected issues with data integrity are addressed promptly to minimize operational disruptions.",
    },
    "10.staff-access-audit": {
        section: "10",
        sectionTitle: "Data Access by",
        title: "Staff and contractor access strictly controlled, with audit logs",
        text: "Access to data by employees or contractors is strictly controlled and only permitted for troubleshooting, customer support, and platform maintenance, with audit logs maintained for accountability.",
    },
} as const satisfies Record<string, Clause>;

/** The id of a clause of the data policy, e.g. `"06.operational-backup"`. */
export type ClauseId = keyof typeof CLAUSES;

/** Every clause id, in the policy's order. */
export const CLAUSE_IDS = Object.keys(CLAUSES) as ClauseId[];

/** Looks a clause up by id; throws on an unknown id (ids from outside the type system, e.g. a JSON report). */
export function clause(id: string): Clause & { id: ClauseId } {
    if (!Object.prototype.hasOwnProperty.call(CLAUSES, id)) {
        throw new Error(`Unknown data-policy clause id "${id}". Known ids: ${CLAUSE_IDS.join(", ")}.`);
    }
    return { id: id as ClauseId, ...CLAUSES[id as ClauseId] };
}

/**
 * Why a control cannot be checked in code: the evidence lives in a `contract` (terms, DPA), in a vendor's
 * `dashboard` only (no API), in a `vendor-process` we rely on, in an `organisational` process (people, reviews),
 * or in the `application`'s behaviour at run time rather than in infrastructure.
 */
export type ManualReason = "contract" | "dashboard" | "vendor-process" | "organisational" | "application";

/**
 * One control that makes a clause true.
 * - `automated`: a policy of the pack (by name) checks it on every preview; the report says on which resources.
 * - `manual`: it cannot be checked in code; `why` says where the evidence is.
 * - `unchecked`: the stack declares it, but no policy checks it yet, so a change can remove it and still pass;
 *   while a clause has one, it is reported `partial`, never `pass`.
 */
export type Control =
    | { readonly kind: "automated"; readonly policy: string }
    | { readonly kind: "manual"; readonly control: string; readonly reason: ManualReason; readonly why: string }
    | { readonly kind: "unchecked"; readonly control: string; readonly why: string };

const auto = (...policies: readonly string[]): Control[] => policies.map((policy) => ({ kind: "automated", policy }));
const manual = (control: string, reason: ManualReason, why: string): Control => ({ kind: "manual", control, reason, why });
// No control is unchecked today; one is written `{ kind: "unchecked", control, why }` until a policy checks it.

/**
 * The controls of every clause (the type makes it total). A clause is `pass` only when every automated control
 * evaluated at least one resource with no mandatory violation and it has no `unchecked` control; `partial` when
 * a control is `unchecked` or an automated control evaluated nothing; `pass-automated` when, besides passing
 * automated controls, it rests on manual ones; `manual` when it has only manual controls
 * (see `clauseStatus` in infra/check/report-model.ts). The pack refuses to load when a policy's `clauses` and
 * this table disagree (infra/policy/policies/index.ts).
 */
export const CONTROLS: { readonly [K in ClauseId]: readonly Control[] } = {
    "01.user-ownership": [manual("Users own their personal data under the terms of service", "contract", "A legal right granted by the customer terms; no cloud setting expresses ownership.")],
    "01.tenant-ownership": [manual("Tenants own their operational data under the customer agreement", "contract", "Ownership is assigned by the customer agreement, not by infrastructure.")],
    "01.tenant-managed-access": [
        ...auto("auth0-logins-require-organization"),
        manual(
            "Tenant administrators grant and revoke access in the platform",
            "application",
            "The Organizations, their members and their role assignments are customer data, created at run time by onboarding and the platform's tenant administration screens, not by this stack.",
        ),
    ],
    "01.anonymised-analytics": [manual("Internal analytics use only aggregated, anonymised data", "organisational", "A data-engineering rule applied in analytics pipelines outside this stack.")],
    "02.operational-data": auto(
        "atlas-clusters-in-australia",
        "atlas-cluster-backup-enabled",
        "atlas-cluster-has-backup-schedule",
        "atlas-backup-daily-retention",
        "atlas-cluster-encryption-customer-key",
        "atlas-project-data-services-off",
    ),
    "02.ephemeral-data": auto("redis-subscriptions-in-australia", "redis-database-ephemeral"),
    "02.identity-data": auto("auth0-tenant-in-australia"),
    "02.billing-data": [manual("Licensing and billing data is handled by Stripe", "contract", "Stripe is a processor in infra/processors.ts with its contract; the platform sends billing data through Stripe's API, not through this stack.")],
    "02.embedded-finance-data": [manual("Embedded finance data is handled by SpaceInvoices in Frankfurt", "contract", "SpaceInvoices is a processor in infra/processors.ts with its contract and location (Germany).")],
    "02.static-files": auto(
        "aws-resources-in-australia",
        "gcp-resources-in-australia",
        "aws-s3-bucket-controls-paired",
        "aws-s3-bucket-encryption-customer-key",
        "aws-s3-versioning-enabled",
        "gcp-storage-bucket-cmek",
        "gcp-storage-bucket-versioning-enabled",
        "stateful-resources-protected",
        "gcp-storage-bucket-soft-delete-on",
        "aws-s3-noncurrent-version-retention",
    ),
    "02.analytics-support-data": [manual("Analytics and support data is stored only with the named vendors", "contract", "Each vendor is a processor in infra/processors.ts with its contract; the data flows from the application, not from this stack.")],
    "03.user-data-sharing": [manual("User data is visible to other users only when its owner shares it", "application", "Sharing is a feature of the platform's application code.")],
    "03.tenant-data-access": [
        ...auto(
            "auth0-api-rbac-enforced",
            "atlas-access-list-not-open",
            "redis-database-source-ips-restricted",
            "aws-s3-public-access-blocked",
            "gcp-storage-bucket-private",
            "auth0-logins-require-organization",
        ),
    ],
    "03.rbac": [
        ...auto("auth0-api-rbac-enforced", "aws-s3-ownership-enforced", "gcp-storage-bucket-private", "atlas-database-users-least-privilege"),
        manual(
            "Atlas organisation and project access (teams, API keys, invitations) is granted through Atlas SSO and reviewed",
            "dashboard",
            "The stack declares no Atlas teams, API keys or project assignments; people and keys that can reach data through Atlas itself (Data Explorer) are managed in the Atlas console (docs/operational-data.md, Staff access).",
        ),
    ],
    "04.allie-openai": [manual("Data submitted to Allie is processed by OpenAI", "contract", "OpenAI is a processor in infra/processors.ts with its contract; the application calls it, not this stack.")],
    "04.operational-processing": [manual("Operational data is processed within the platform", "application", "Where processing happens is a property of the application's code.")],
    "05.encryption-and-access-control": [
        ...auto(
            "atlas-cluster-tls-1-2",
            "redis-database-tls-enabled",
            "aws-s3-bucket-policy-denies-insecure-transport",
            "aws-s3-bucket-controls-paired",
            "aws-s3-bucket-encryption-customer-key",
            "aws-s3-public-access-blocked",
            "aws-s3-ownership-enforced",
            "aws-kms-key-rotation-enabled",
            "aws-kms-key-policy-explicit",
            "gcp-kms-key-rotation",
            "gcp-storage-bucket-cmek",
            "gcp-storage-bucket-private",
            "atlas-access-list-not-open",
            "redis-database-source-ips-restricted",
            "auth0-login-protections",
            "atlas-database-users-least-privilege",
        ),
        manual("Regular security audits", "organisational", "An audit schedule kept by the security team; nothing in a stack shows it happened."),
    ],
    "05.industry-standard-encryption": [
        ...auto("atlas-cluster-encryption-customer-key", "aws-s3-bucket-encryption-customer-key", "gcp-storage-bucket-cmek", "aws-kms-key-rotation-enabled", "aws-kms-key-policy-explicit", "gcp-kms-key-rotation"),
        manual("Redis Cloud and Auth0 encrypt their storage at rest", "vendor-process", "Neither exposes a setting: Redis Cloud Pro encrypts its disks and Auth0 its tenant storage by default (vendor security documentation)."),
    ],
    "06.operational-backup": [
        ...auto(
            "atlas-cluster-backup-enabled",
            "atlas-cluster-has-backup-schedule",
            "atlas-backup-daily-retention",
            "atlas-clusters-in-australia",
            "stateful-resources-protected",
            "atlas-cluster-pit-enabled",
            "atlas-cluster-integrity-alerts",
            "gcp-storage-bucket-soft-delete-on",
            "aws-s3-noncurrent-version-retention",
        ),
        manual(
            "The Backup Compliance Policy (snapshots nobody can delete or shorten) is turned on once an authorized person is named",
            "organisational",
            "Irreversible without MongoDB Support, so it stays behind data-platform:atlas.backup.compliancePolicy.enabled, off in prod " +
                "until security/legal name the authorized user (docs/operational-data.md \"Backup Compliance Policy\").",
        ),
        manual("Restores are rehearsed", "organisational", "The restore procedure in docs/operational-data.md is run on a schedule; a stack cannot show that it was."),
    ],
    "06.ephemeral-retention": auto("redis-database-ephemeral", "redis-database-dataset-size-alert"),
    "07.third-party-services": [
        ...auto("data-flows-to-declared-processors"),
        manual("A signed agreement with every named provider", "contract", "infra/processors.ts records each contract's status; the contracts themselves live outside the repository."),
    ],
    "08.no-third-party-sharing": auto("data-flows-to-declared-processors", "atlas-project-data-services-off"),
    "08.secure-transfers": [
        ...auto(
            "data-flows-to-declared-processors",
            "atlas-project-data-services-off",
            "atlas-cluster-tls-1-2",
            "redis-database-tls-enabled",
            "aws-s3-bucket-policy-denies-insecure-transport",
            "atlas-clusters-in-australia",
            "redis-subscriptions-in-australia",
            "auth0-tenant-in-australia",
            "aws-resources-in-australia",
            "gcp-resources-in-australia",
        ),
        manual("Transfers abroad comply with the Privacy Act (APP 8)", "contract", "The overseas processors' contracts bind them to the APPs; see infra/processors.ts."),
    ],
    "09.integrity-monitoring": [
        ...auto("aws-s3-versioning-enabled", "gcp-storage-bucket-versioning-enabled", "atlas-cluster-integrity-alerts", "redis-database-dataset-size-alert"),
    ],
    "09.integrity-response": [
        ...auto("stateful-resources-protected"),
        manual("Integrity alerts are answered promptly", "organisational", "The on-call rota and runbooks receive the alerts; response times are tracked outside the stack."),
    ],
    "10.staff-access-audit": [
        ...auto("aws-s3-bucket-controls-paired"),
        // A trail records every data store (CloudTrail, Data Access logs, Atlas auditing + export, the Auth0 stream's
        // archive), each trail is kept in Australia at least the audit retention, and its S3 bucket locks every log
        // version (Object Lock) for that retention, so no one deletes or rewrites the record.
        ...auto("audit-trail-records-every-data-store", "audit-logs-kept-in-australia", "audit-logs-object-locked"),
        manual("Staff access only for troubleshooting, support and maintenance", "organisational", "Access requests and reviews are kept by the security team."),
    ],
};

/** The names of the policies that are automated controls of `id`. */
export function policiesOf(id: ClauseId): string[] {
    return CONTROLS[id].flatMap((c) => (c.kind === "automated" ? [c.policy] : []));
}

/**
 * Where the pack's policies and the table above disagree: a policy citing a clause that does not list it, a
 * clause listing a policy that does not exist or does not cite it, or a clause with no control. Empty when none.
 */
export function controlMismatches(policies: readonly { readonly name: string; readonly clauses: readonly ClauseId[] }[]): string[] {
    const problems: string[] = [];
    const byName = new Map(policies.map((p) => [p.name, p]));
    for (const p of policies) {
        for (const id of p.clauses) {
            if (!policiesOf(id).includes(p.name)) problems.push(`policy ${p.name} cites ${id}, whose controls (CONTROLS in infra/clauses.ts) do not list it`);
        }
    }
    for (const id of CLAUSE_IDS) {
        if (CONTROLS[id].length === 0) problems.push(`${id} lists no control: every clause says what makes it true, even if only a contract`);
        for (const name of policiesOf(id)) {
            const p = byName.get(name);
            if (!p) problems.push(`${id} lists the policy ${name}, which the pack does not have`);
            else if (!p.clauses.includes(id)) problems.push(`${id} lists the policy ${name}, which does not cite ${id}`);
        }
    }
    return problems;
}

/** The string a human reads: `§06 Data Retention & Backup — Atlas with failover, …`. */
export function cite(id: ClauseId): string {
    const c = CLAUSES[id];
    return `§${c.section} ${c.sectionTitle} — ${c.title}`;
}
