import { isIPv4, isIPv6 } from "node:net";

/**
 * Parses a comma-separated list of CIDR blocks ("10.244.0.0/16, 10.96.0.0/12",
 * IPv6 too). Blanks around entries and empty entries are ignored; every bad
 * entry is named in `problems`.
 */
export function parseCidrList(text: string): { cidrs: string[]; problems: string[] } {
  const cidrs: string[] = [];
  const problems: string[] = [];
  for (const entry of text.split(",").map((e) => e.trim()).filter((e) => e.length > 0)) {
    const problem = cidrProblem(entry);
    if (problem) problems.push(`"${entry}" ${problem}`);
    else if (!cidrs.includes(entry)) cidrs.push(entry);
  }
  return { cidrs, problems };
}

function cidrProblem(entry: string): string | null {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(entry);
  if (!match) return 'is not a CIDR block: expected an address and a prefix length, like "10.244.0.0/16"';
  const [, address, prefixText] = match as unknown as [string, string, string];
  const prefix = Number(prefixText);
  if (isIPv4(address)) return prefix <= 32 ? null : "has a prefix length above 32";
  if (isIPv6(address)) {
    if (address.includes(".")) return 'mixes IPv4 into an IPv6 address; write it in hex, like "::ffff:a00:0/104"';
    return prefix <= 128 ? null : "has a prefix length above 128";
  }
  return `does not start with an IPv4 or IPv6 address (like "10.244.0.0/16" or "fd00::/8")`;
}
