/**
 * Which IPv4 networks may reach stateful services (data policy §03: tenant data reachable only from named
 * networks; §05 access control). One rule, used by config validation and by the components' own argument checks:
 *
 * - never 0.0.0.0/0, nor anything wider than /16;
 * - a public block no wider than /24 (a public /16 is 65,536 addresses of somebody else's network);
 * - a private RFC 1918 block (a peered VPC) up to /16.
 *
 * Address matching uses Node's `net.BlockList` rather than hand-written bit arithmetic.
 */
import { BlockList } from "node:net";

/** Widest prefix for a private (RFC 1918) block, and for a public one. */
export const PRIVATE_MIN_PREFIX = 16;
export const PUBLIC_MIN_PREFIX = 24;

/** RFC 1918 ranges, each in its own list so that containment also checks the prefix. */
const PRIVATE_RANGES: readonly { list: BlockList; prefix: number }[] = (
    [
        ["10.0.0.0", 8],
        ["172.16.0.0", 12],
        ["192.168.0.0", 16],
    ] as const
).map(([network, prefix]) => {
    const list = new BlockList();
    list.addSubnet(network, prefix, "ipv4");
    return { list, prefix };
});

/** `[network, prefix]` of an IPv4 CIDR block, or `undefined` when it is not one. */
export function parseCidr(cidr: string): [string, number] | undefined {
    const m = /^(\d{1,3}(?:\.\d{1,3}){3})\/(\d{1,2})$/.exec(cidr);
    if (!m || m[1]!.split(".").some((o) => Number(o) > 255) || Number(m[2]) > 32) return undefined;
    return [m[1]!, Number(m[2])];
}

/** `true` when the whole block lies inside an RFC 1918 range. */
export function isPrivateCidr(cidr: string): boolean {
    const parsed = parseCidr(cidr);
    if (!parsed) return false;
    const [network, prefix] = parsed;
    return PRIVATE_RANGES.some((r) => prefix >= r.prefix && r.list.check(network, "ipv4"));
}

/** The widest blocks allowed (the policy pack makes them tunable; config validation uses the defaults). */
export interface NetworkLimits {
    readonly privateMinPrefix: number;
    readonly publicMinPrefix: number;
}

const DEFAULT_LIMITS: NetworkLimits = { privateMinPrefix: PRIVATE_MIN_PREFIX, publicMinPrefix: PUBLIC_MIN_PREFIX };

/** Why a block may not reach a stateful service, or `undefined` when it may. */
export function networkAccessProblem(cidr: string, limits: NetworkLimits = DEFAULT_LIMITS): string | undefined {
    const parsed = parseCidr(cidr);
    if (!parsed) return "not an IPv4 CIDR block such as 10.20.0.0/16";
    const [, prefix] = parsed;
    if (prefix < limits.privateMinPrefix) return `wider than /${limits.privateMinPrefix} (0.0.0.0/0 and other internet-wide ranges are refused)`;
    if (prefix < limits.publicMinPrefix && !isPrivateCidr(cidr)) return `a public block wider than /${limits.publicMinPrefix}`;
    return undefined;
}

/** The rule in words, for messages. */
export const NETWORK_ACCESS_RULE =
    `an IPv4 CIDR block naming a network: a public block no wider than /${PUBLIC_MIN_PREFIX}, or a private RFC 1918 block ` +
    `no wider than /${PRIVATE_MIN_PREFIX}; never 0.0.0.0/0 (data policy §03)`;
