import { MAX_KEY_ROTATION_DAYS } from "../facts/rules/key-rotation";
import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

const SECONDS_PER_DAY = 86_400;

/** Cloud KMS keys rotate at least every `maxRotationDays` (default: infra/rules/key-rotation.ts). */
export const gcpKmsKeyRotation = resourcePolicy<{ maxRotationDays: number }>({
    name: "gcp-kms-key-rotation",
    description: `Cloud KMS encryption keys must rotate automatically at least every ${MAX_KEY_ROTATION_DAYS} days.`,
    clauses: ["05.industry-standard-encryption", "05.encryption-and-access-control"],
    severity: "high",
    remediation: `Set \`rotationPeriod\` on the gcp.kms.CryptoKey to at most "${MAX_KEY_ROTATION_DAYS * SECONDS_PER_DAY}s" (${MAX_KEY_ROTATION_DAYS} days).`,
    types: T.gcpCryptoKey,
    config: { maxRotationDays: { type: "integer", minimum: 1, maximum: 365 } },
    defaults: { maxRotationDays: MAX_KEY_ROTATION_DAYS },
    validate: (args, report, { maxRotationDays }) => {
        const purpose = args.props.purpose ?? "ENCRYPT_DECRYPT";
        if (purpose !== "ENCRYPT_DECRYPT") {
            args.notApplicable(`automatic rotation applies to ENCRYPT_DECRYPT keys; this key's purpose is ${purpose}`);
        }
        const period = args.props.rotationPeriod;
        const seconds = typeof period === "string" ? /^(\d+(?:\.\d+)?)s$/.exec(period)?.[1] : undefined;
        if (seconds === undefined) {
            report(`Cloud KMS key ${args.name} has no automatic rotation (rotationPeriod is ${period ?? "unset"}).`);
        } else if (Number(seconds) > maxRotationDays * SECONDS_PER_DAY) {
            report(`Cloud KMS key ${args.name} rotates every ${Number(seconds) / SECONDS_PER_DAY} days; at most ${maxRotationDays} days is allowed.`);
        }
    },
});
