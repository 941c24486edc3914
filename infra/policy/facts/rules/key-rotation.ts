/**
 * How often a Cloud KMS key that encrypts static files rotates: at least every 90 days (CIS Google Cloud Platform
 * Foundations 1.10/1.11; data policy §05 "industry-standard encryption").
 *
 * Read by the config schema (`data-platform:staticFiles.gcs.keyRotationDays`, also its default), by
 * `EncryptedGcsBucket` and by the `gcp-kms-key-rotation` policy's default.
 */
export const MAX_KEY_ROTATION_DAYS = 90;

/** The rule in words, for messages. */
export const KEY_ROTATION_RULE = `a whole number of days from 1 to ${MAX_KEY_ROTATION_DAYS} (CIS GCP 1.11)`;

/** `true` when `days` is an allowed rotation period. */
export function isAllowedKeyRotation(days: number): boolean {
    return Number.isInteger(days) && days >= 1 && days <= MAX_KEY_ROTATION_DAYS;
}
