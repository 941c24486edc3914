/**
 * The Auth0 database connection that holds users' credentials (data policy "02.identity-data"), with a strong
 * password policy and sign-up by invitation only ("03.tenant-data-access": a customer tenant decides who joins it).
 *
 * | child | setting |
 * |---|---|
 * | `auth0.Connection` (strategy `auth0`), protected | password strength level and minimum length, history, common-password dictionary (plus extra words), no personal data in passwords; brute-force protection; MFA on; public sign-up off |
 * | `auth0.ConnectionClients` | the connection is enabled for exactly the given applications |
 *
 * Sign-up is off on the connection: a person joins through a customer tenant's Organization invitation (the
 * Organization's connection settings allow sign-up for invitees) or is created by the platform. See
 * docs/identity.md.
 *
 * The connection is protected: deleting it deletes every user and their password hashes.
 */
import * as auth0 from "@pulumi/auth0";
import * as pulumi from "@pulumi/pulumi";
import type { ClauseId } from "../../clauses";

const CLAUSE: ClauseId = "02.identity-data";

/** The Auth0 database connection's password policy fields (Auth0 "Password Strength in Auth0 Database Connections"). */
export interface PasswordPolicy {
    /** Auth0 strength level: `good` (8+ characters, 3 of 4 classes) or `excellent` (10+, no runs of 3). */
    readonly strength: "good" | "excellent";
    /** Minimum length, over and above the strength level. */
    readonly minLength: number;
    /** Previous passwords a user may not reuse (1–24). */
    readonly historySize: number;
    /** Words refused on top of Auth0's common-password dictionary. Default none. */
    readonly extraDictionaryWords?: readonly string[];
}

export interface UserDatabaseArgs {
    /** The connection's name. Immutable: a new name replaces the connection (and loses its users). */
    readonly connectionName: string;
    readonly passwordPolicy: PasswordPolicy;
    /** Client ids of the applications that may log users in with this connection. */
    readonly enabledClientIds: pulumi.Input<pulumi.Input<string>[]>;
}

export class UserDatabase extends pulumi.ComponentResource {
    /** The connection's id (`con_…`). */
    public readonly connectionId: pulumi.Output<string>;
    /** The connection's name. */
    public readonly connectionName: pulumi.Output<string>;

    public readonly connection: auth0.Connection;
    public readonly enabledClients: auth0.ConnectionClients;

    constructor(name: string, args: UserDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("data-platform:identity:UserDatabase", name, {}, opts);
        const policy = args.passwordPolicy;

        this.connection = new auth0.Connection(
            name,
            {
                name: args.connectionName,
                strategy: "auth0",
                metadata: { "data-policy-clause": CLAUSE },
                options: {
                    passwordPolicy: policy.strength,
                    passwordComplexityOptions: { minLength: policy.minLength },
                    passwordHistories: [{ enable: true, size: policy.historySize }],
                    passwordDictionary: { enable: true, dictionaries: [...(policy.extraDictionaryWords ?? [])] },
                    passwordNoPersonalInfo: { enable: true },
                    bruteForceProtection: true,
                    mfa: { active: true, returnEnrollSettings: true },
                    // Invitation only: nobody adds themselves to the user store (see the component doc).
                    disableSignup: true,
                    requiresUsername: false,
                },
            },
            { parent: this, protect: true },
        );

        this.enabledClients = new auth0.ConnectionClients(
            `${name}-clients`,
            { connectionId: this.connection.id, enabledClients: args.enabledClientIds },
            { parent: this },
        );

        this.connectionId = this.connection.id;
        this.connectionName = this.connection.name;
        this.registerOutputs({ connectionId: this.connectionId, connectionName: this.connectionName });
    }
}
