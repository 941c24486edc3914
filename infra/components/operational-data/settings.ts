/**
 * The operational-data settings that combine config sections with secrets, checked as a whole before the
 * program registers anything. `loadConfig()` validates each section and each secret on its own; these rules
 * span them:
 *
 * - the Atlas API key pair is set both or neither (neither: the provider reads `MONGODB_ATLAS_PUBLIC_KEY` and
 *   `MONGODB_ATLAS_PRIVATE_KEY` from the environment);
 * - a PagerDuty or Slack alert target has its token (`data-platform:atlasAlertToken`);
 * - each application's IAM role is in the production AWS account (`data-platform:aws.accountId`), the account
 *   whose roles can actually sign in.
 *
 * Problems are thrown together as one {@link ConfigError}, in the same words as every other config problem.
 */
import type * as mongodbatlas from "@pulumi/mongodbatlas";
import { CONFIG_NAMESPACE, ConfigError, type ConfigIssue, type StackConfig } from "../../config";
import type { AlertNotificationTarget } from "./integrity-alerts";

export interface OperationalDataSettings {
    /** Arguments of the explicit Atlas provider (credentials only when set in config; secret Outputs). */
    readonly provider: mongodbatlas.ProviderArgs;
    /** Where integrity alerts go, with its token when it has one. */
    readonly alertNotification: AlertNotificationTarget;
}

const PUBLIC_KEY = "mongodbatlas:publicKey";
const PRIVATE_KEY = "mongodbatlas:privateKey";
const ALERT_TOKEN = `${CONFIG_NAMESPACE}:atlasAlertToken`;

/** Resolves the settings; throws {@link ConfigError} listing every problem. */
export function operationalDataSettings(config: StackConfig): OperationalDataSettings {
    const issues: ConfigIssue[] = [];
    const { secrets, atlas } = config;

    const publicKey = secrets[PUBLIC_KEY];
    const privateKey = secrets[PRIVATE_KEY];
    if ((publicKey === undefined) !== (privateKey === undefined)) {
        const missing = publicKey === undefined ? PUBLIC_KEY : PRIVATE_KEY;
        const present = publicKey === undefined ? PRIVATE_KEY : PUBLIC_KEY;
        issues.push({
            key: missing,
            value: undefined,
            expected:
                `to be set together with ${present} (set both with \`pulumi config set --secret\`, or neither and export ` +
                "MONGODB_ATLAS_PUBLIC_KEY and MONGODB_ATLAS_PRIVATE_KEY)",
        });
    }

    const target = atlas.alerts.notification;
    const token = secrets[ALERT_TOKEN];
    let alertNotification: AlertNotificationTarget | undefined;
    switch (target.type) {
        case "EMAIL":
            alertNotification = { typeName: "EMAIL", emailAddress: target.emailAddress };
            break;
        case "PAGER_DUTY":
        case "SLACK":
            if (token === undefined) {
                issues.push({
                    key: ALERT_TOKEN,
                    value: undefined,
                    expected:
                        `the ${target.type === "PAGER_DUTY" ? "PagerDuty service key" : "Slack API token"} that Atlas alerts are sent with ` +
                        `(${CONFIG_NAMESPACE}:atlas.alerts.notification.type is ${target.type}), set with \`pulumi config set --secret ${ALERT_TOKEN}\``,
                });
            } else if (target.type === "PAGER_DUTY") {
                alertNotification = { typeName: "PAGER_DUTY", serviceKey: token };
            } else {
                alertNotification = { typeName: "SLACK", channelName: target.channelName, apiToken: token };
            }
            break;
    }

    const account = config.aws.accountId;
    atlas.databaseUsers.forEach((user, i) => {
        if (user.awsIamRoleArn.split(":")[4] !== account) {
            issues.push({
                key: `${CONFIG_NAMESPACE}:atlas.databaseUsers[${i}].awsIamRoleArn`,
                value: JSON.stringify(user.awsIamRoleArn),
                expected: `an IAM role in the production AWS account ${account} (${CONFIG_NAMESPACE}:aws.accountId)`,
            });
        }
    });

    if (issues.length > 0 || alertNotification === undefined) {
        throw new ConfigError(issues);
    }
    return {
        provider: publicKey !== undefined && privateKey !== undefined ? { publicKey, privateKey } : {},
        alertNotification,
    };
}
