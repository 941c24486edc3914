/**
 * The MongoDB Atlas cluster that stores operational data (data policy clauses "02.operational-data": "Stored in
 * an Atlas-hosted MongoDB cluster located in Australia", "06.operational-backup": "with failover", and
 * "05.encryption-and-access-control": encryption at rest and in transit).
 *
 * | setting | value | why |
 * |---|---|---|
 * | `clusterType` | `REPLICASET` | automatic failover to a secondary when the primary fails |
 * | primary region | electable nodes (≥ 3) at priority 7 | Atlas spreads them over the region's availability zones |
 * | optional second region | electable nodes at priority 6 and/or read-only nodes (priority 0) | a live copy in a second Australian region |
 * | `backupEnabled`, `pitEnabled` | `true` | Cloud Backup with continuous (point-in-time) restore (§06) |
 * | `retainBackupsEnabled` | `true` | snapshots outlive an accidental cluster deletion (§06 "can be restored") |
 * | `terminationProtectionEnabled` | `true` | Atlas refuses to delete the cluster |
 * | `encryptionAtRestProvider` | `AWS` | storage encrypted with the customer-managed KMS key (§05) |
 * | `advancedConfiguration.minimumEnabledTlsProtocol` | `TLS1_2` | no TLS 1.0/1.1 clients (§05, §08 "secure transfer protocols") |
 * | `redactClientLogData` | `true` | documents' field values are not written to server logs (§05) |
 *
 * Every value comes from config, so all of them are known at `pulumi preview` where the policy pack reads them;
 * only `projectId` is not (the project is created in the same update). The cluster is protected in Pulumi too.
 *
 * A two-region topology survives the loss of nodes or of an availability zone automatically. If a whole region
 * holding the majority of electable nodes is lost, Atlas needs a forced reconfiguration (see
 * docs/operational-data.md "Failover"); only three regions (2+2+1) make that automatic as well.
 */
import * as mongodbatlas from "@pulumi/mongodbatlas";
import * as pulumi from "@pulumi/pulumi";
import type { ClauseId } from "../../clauses";
import { ATLAS_REGION_PROVIDER, AU_ATLAS_REGIONS, isListed, REGION_RULE, type AuAtlasRegion } from "../../residency";
import { checkArguments, type ArgumentCheck } from "../shared/argument-checks";

const CLAUSE: ClauseId = "02.operational-data";

/** Election priorities Atlas uses: 7 for the preferred region, then descending; 0 for read-only-only regions. */
const PRIMARY_PRIORITY = 7;
const SECONDARY_PRIORITY = 6;
/** Electable nodes the preferred region needs: with 3, losing any one node (or zone) still leaves a majority. */
const MIN_PRIMARY_ELECTABLE_NODES = 3;

export interface ClusterRegion {
    /** Atlas region name in Australia, e.g. `AP_SOUTHEAST_2`. */
    readonly name: AuAtlasRegion;
    /** Electable nodes in the region. */
    readonly electableNodes: number;
    /** Read-only nodes in the region. Default 0. */
    readonly readOnlyNodes?: number;
}

export interface OperationalClusterArgs {
    /** The project, once its encryption at rest is configured (`AtlasCustomerKeyEncryption.projectId`). */
    readonly projectId: pulumi.Input<string>;
    /** Cluster name. Changing it replaces the cluster. */
    readonly clusterName: string;
    /** Tier of every data-bearing node (Atlas requires one size for all electable and read-only nodes). */
    readonly instanceSize: string;
    /** MongoDB major version, e.g. `"8.0"`. */
    readonly mongoDbMajorVersion: string;
    /** The preferred region: at least 3 electable nodes. */
    readonly primaryRegion: ClusterRegion;
    /** An optional second Australian region. */
    readonly secondaryRegion?: ClusterRegion;
    /** Extra cluster tags. */
    readonly tags?: Record<string, string>;
}

export class OperationalCluster extends pulumi.ComponentResource {
    /** The cluster's name (known at preview: it echoes config). */
    public readonly clusterName: pulumi.Output<string>;
    /** Atlas's id of the cluster. */
    public readonly clusterId: pulumi.Output<string>;
    /** The project the cluster is in (depends on the cluster: use it for settings that need a cluster). */
    public readonly projectId: pulumi.Output<string>;
    /** The replica set's zone id, which snapshot copies name. */
    public readonly zoneId: pulumi.Output<string | undefined>;
    /** `mongodb+srv://` connection string (no credentials in it; secret all the same, it names the hosts). */
    public readonly connectionString: pulumi.Output<string>;

    public readonly cluster: mongodbatlas.AdvancedCluster;

    constructor(name: string, args: OperationalClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        const electable = args.primaryRegion.electableNodes;
        checkArguments("OperationalCluster", name, opts, [
            {
                field: "primaryRegion.electableNodes",
                value: electable,
                ok: Number.isInteger(electable) && electable >= MIN_PRIMARY_ELECTABLE_NODES,
                allowed: `a whole number, at least ${MIN_PRIMARY_ELECTABLE_NODES} (automatic failover, data policy §06)`,
            },
            australianRegion("primaryRegion.name", args.primaryRegion.name),
            ...(args.secondaryRegion ? [australianRegion("secondaryRegion.name", args.secondaryRegion.name)] : []),
        ]);
        super("data-platform:operational-data:OperationalCluster", name, {}, opts);

        this.cluster = new mongodbatlas.AdvancedCluster(
            name,
            {
                projectId: args.projectId,
                name: args.clusterName,
                clusterType: "REPLICASET",
                mongoDbMajorVersion: args.mongoDbMajorVersion,
                backupEnabled: true,
                pitEnabled: true,
                retainBackupsEnabled: true,
                terminationProtectionEnabled: true,
                encryptionAtRestProvider: "AWS",
                redactClientLogData: true,
                advancedConfiguration: { minimumEnabledTlsProtocol: "TLS1_2" },
                replicationSpecs: [
                    {
                        regionConfigs: [
                            regionConfig(args.primaryRegion, PRIMARY_PRIORITY, args.instanceSize),
                            ...(args.secondaryRegion ? [regionConfig(args.secondaryRegion, SECONDARY_PRIORITY, args.instanceSize)] : []),
                        ],
                    },
                ],
                tags: { ...args.tags, "data-policy-clause": CLAUSE },
            },
            // `connectionStrings` names every host of the cluster; the provider stores it in plain state unless it
            // is marked secret here (the component's own connectionString output is secret as well).
            { parent: this, protect: true, additionalSecretOutputs: ["connectionStrings"] },
        );

        this.clusterName = this.cluster.name;
        this.clusterId = this.cluster.clusterId;
        this.projectId = this.cluster.projectId;
        // One replication spec for a replica set; the docs' generated example (`zoneId?.[0]`) takes a character.
        this.zoneId = this.cluster.replicationSpecs.apply((specs) => specs[0]?.zoneId);
        this.connectionString = pulumi.secret(this.cluster.connectionStrings.apply((c) => c.standardSrv));
        this.registerOutputs({
            clusterName: this.clusterName,
            clusterId: this.clusterId,
            projectId: this.projectId,
            zoneId: this.zoneId,
            connectionString: this.connectionString,
        });
    }
}

function australianRegion(field: string, region: string): ArgumentCheck {
    return {
        field,
        value: region,
        ok: isListed(region, AU_ATLAS_REGIONS),
        allowed: REGION_RULE.atlas,
    };
}

/** One region of the replica set: electable nodes at `priority` (or 0 when it only has read-only nodes). */
function regionConfig(region: ClusterRegion, priority: number, instanceSize: string): mongodbatlas.types.input.AdvancedClusterReplicationSpecRegionConfig {
    const readOnlyNodes = region.readOnlyNodes ?? 0;
    return {
        providerName: ATLAS_REGION_PROVIDER[region.name],
        regionName: region.name,
        priority: region.electableNodes > 0 ? priority : 0,
        ...(region.electableNodes > 0 ? { electableSpecs: { instanceSize, nodeCount: region.electableNodes } } : {}),
        ...(readOnlyNodes > 0 ? { readOnlySpecs: { instanceSize, nodeCount: readOnlyNodes } } : {}),
    };
}
