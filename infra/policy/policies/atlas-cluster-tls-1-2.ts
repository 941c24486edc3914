import { resourcePolicy } from "../lib/define";
import { T } from "../lib/tokens";

const ALLOWED = ["TLS1_2", "TLS1_3"];

/** Connections to the cluster use TLS 1.2 or later (Atlas requires TLS; this pins the minimum version). */
export const atlasClusterTls12 = resourcePolicy({
    name: "atlas-cluster-tls-1-2",
    description: "Atlas clusters must refuse TLS versions below 1.2.",
    clauses: ["05.encryption-and-access-control", "08.secure-transfers"],
    severity: "high",
    remediation: 'Set `advancedConfiguration: { minimumEnabledTlsProtocol: "TLS1_2" }` on the cluster.',
    types: T.atlasAdvancedCluster,
    validate: (args, report) => {
        const min = args.props.advancedConfiguration?.minimumEnabledTlsProtocol;
        if (!ALLOWED.includes(min)) {
            report(`Atlas cluster ${args.name} has minimumEnabledTlsProtocol ${min ?? "(unset)"}; it must be TLS1_2 or TLS1_3.`);
        }
    },
});
