import { isIP } from 'node:net';

/** Names Express (proxy-addr) knows for address ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** What Express's `trust proxy` setting gets: nothing, a hop count, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

/**
 * Parses WHARF_TRUST_PROXY: empty (trust no proxy), a hop count (`1` = the nearest proxy), or
 * a comma-separated list of addresses, CIDRs and the names `loopback`, `linklocal`,
 * `uniquelocal`. `true` (trust every hop) is refused: any client could then choose its own
 * address and scheme, defeating the sign-in rate limit and the Origin check.
 * Returns an error message for a bad value.
 */
export function parseTrustProxy(raw: string): TrustProxy | { error: string } {
  const value = raw.trim();
  if (value === '' || value === '0' || value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  if (value === 'true') {
    return {
      error:
        'trusting every hop lets any client forge its address; give a hop count or the proxy addresses',
    };
  }
  const entries = value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = entries.filter((e) => !RANGE_NAMES.has(e) && !isAddressOrCidr(e));
  if (bad.length > 0) {
    return { error: `not an address, CIDR, hop count or range name: ${bad.join(', ')}` };
  }
  return entries;
}

function isAddressOrCidr(entry: string): boolean {
  const [addr = '', bits, ...rest] = entry.split('/');
  const family = isIP(addr);
  if (family === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n <= (family === 4 ? 32 : 128);
}
