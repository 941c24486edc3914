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

/** The string a human reads: `§06 Data Retention & Backup — Atlas with failover, …`. */
export function cite(id: ClauseId): string {
    const c = CLAUSES[id];
    return `§${c.section} ${c.sectionTitle} — ${c.title}`;
}
