/** infra/network.ts: which networks may reach stateful services. */
import { isPrivateCidr, networkAccessProblem, parseCidr } from "../infra/network";

test.each([
    ["10.20.0.0/16", undefined],
    ["172.16.4.0/24", undefined],
    ["192.168.0.0/16", undefined],
    ["203.0.113.16/28", undefined],
    ["52.64.10.0/24", undefined],
    ["0.0.0.0/0", "wider than /16 (0.0.0.0/0 and other internet-wide ranges are refused)"],
    ["10.0.0.0/8", "wider than /16 (0.0.0.0/0 and other internet-wide ranges are refused)"],
    ["52.64.0.0/16", "a public block wider than /24"],
    ["172.32.0.0/20", "a public block wider than /24"],
    ["10.0.0.0", "not an IPv4 CIDR block such as 10.20.0.0/16"],
    ["300.1.1.0/24", "not an IPv4 CIDR block such as 10.20.0.0/16"],
])("%s → %s", (cidr, problem) => {
    expect(networkAccessProblem(cidr)).toBe(problem);
});

test("private means wholly inside an RFC 1918 range", () => {
    expect([isPrivateCidr("172.16.0.0/12"), isPrivateCidr("172.16.0.0/11"), isPrivateCidr("11.0.0.0/24")]).toEqual([true, false, false]);
    expect(parseCidr("10.1.2.0/24")).toEqual(["10.1.2.0", 24]);
});
