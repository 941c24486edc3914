/**
 * What the operational-data components are given, derived from the validated config: the explicit Atlas
 * provider's credentials and the integrity-alert target with its token. Validation happened in
 * `loadConfig()` (the API key pair via `pairWith`, the alert token and IAM accounts via `atlasStackChecks` in
 * infra/schema/operational-data.ts), so nothing here can fail.
 */
import type * as mongodbatlas from "@pulumi/mongodbatlas";
import type { StackConfig } from "../../config";
import type { AlertNotificationTarget } from "./integrity-alerts";

export interface OperationalDataSettings {
    /** Arguments of the explicit Atlas provider: the key pair as secret Outputs when set, else none (environment). */
    readonly provider: mongodbatlas.ProviderArgs;
    /** Where integrity alerts go, with its token when it has one. */
    readonly alertNotification: AlertNotificationTarget;
}

export function operationalDataSettings(config: StackConfig): OperationalDataSettings {
    const publicKey = config.secrets["mongodbatlas:publicKey"];
    const privateKey = config.secrets["mongodbatlas:privateKey"];
    const token = config.secrets["data-platform:atlasAlertToken"];
    const target = config.atlas.alerts.notification;
    let alertNotification: AlertNotificationTarget;
    switch (target.type) {
        case "EMAIL":
            alertNotification = { typeName: "EMAIL", emailAddress: target.emailAddress };
            break;
        case "PAGER_DUTY":
            alertNotification = { typeName: "PAGER_DUTY", serviceKey: requireChecked(token) };
            break;
        case "SLACK":
            alertNotification = { typeName: "SLACK", channelName: target.channelName, apiToken: requireChecked(token) };
            break;
    }
    return {
        provider: publicKey !== undefined && privateKey !== undefined ? { publicKey, privateKey } : {},
        alertNotification,
    };
}

function requireChecked<T>(value: T | undefined): T {
    if (value === undefined) throw new Error("internal: loadConfig() lets no PAGER_DUTY/SLACK target through without its token");
    return value;
}
