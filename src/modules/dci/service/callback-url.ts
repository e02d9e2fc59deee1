// Where results may be sent (SSRF guard): a callback URL must be on the client's allowed list, https, and
// resolve only to public addresses — checked when a request names it and again at each connection (the
// delivery's DNS lookup goes through `guardedLookup`, so a name that changes to a private address is refused).
// Test mode lifts the https and address rules (loopback http callbacks), never the allowed list.
import dns from 'node:dns';
import net from 'node:net';
import { AppError } from '../../../kernel/errors.ts';

const BLOCKED = new net.BlockList();
for (const [a, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) BLOCKED.addSubnet(a, bits, 'ipv4');
for (const [a, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96], ['100::', 64]] as const) BLOCKED.addSubnet(a, bits, 'ipv6');

/** Whether an address is a public unicast one (not loopback, private, link-local, shared, documentation, multicast…). */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return !BLOCKED.check(address, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]!);
  return !BLOCKED.check(address, 'ipv6');
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Whether `url` is on the allowed list: equal to an entry, or under an entry that ends with `/`. */
export function allowedUrl(url: string, allowed: readonly string[]): boolean {
  return allowed.some((a) => a === url || (a.endsWith('/') && url.startsWith(a)));
}

export type Resolve = (host: string) => Promise<string[]>;
export const systemResolve: Resolve = async (host) => (await dns.promises.lookup(host, { all: true, verbatim: true })).map((r) => r.address);

const refuse = (message: string) => new AppError('err.sender_uri.invalid', `sender_uri: ${message}`, 400);

/**
 * Checks a callback URL before anything is queued for it. `anyLoopback`: the fixed test client's rule (every
 * loopback URL is on its list).
 */
export async function checkCallbackUrl(url: string, allowed: readonly string[], opts: { testMode: boolean; anyLoopback?: boolean; resolve?: Resolve }): Promise<void> {
  if (!URL.canParse(url)) throw refuse('不是有效的地址');
  const u = new URL(url);
  if (u.username || u.password) throw refuse('地址不得含用户名或密码');
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw refuse('只接受 https 地址');
  const onList = allowedUrl(url, allowed) || (opts.anyLoopback === true && LOOPBACK.has(u.hostname));
  if (!onList) throw refuse('不在该接入系统登记的回调地址中');
  if (opts.testMode) return;
  if (u.protocol !== 'https:') throw refuse('只接受 https 地址（http 仅限测试模式下的本机地址）');
  const host = u.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : await (opts.resolve ?? systemResolve)(host);
  } catch {
    throw refuse(`无法解析主机 ${host}`);
  }
  if (addresses.length === 0 || !addresses.every(isPublicAddress)) throw refuse(`主机 ${host} 指向本机或内网地址`);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A `lookup` for http(s).request that refuses non-public addresses outside test mode (checked at connect time). */
export function guardedLookup(testMode: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const list = addresses as dns.LookupAddress[];
      const bad = list.find((a) => !testMode && !isPublicAddress(a.address));
      if (bad || list.length === 0) return callback(Object.assign(new Error(`refused callback address ${bad?.address ?? hostname}`), { code: 'EREFUSED' }), []);
      if (options.all) return callback(null, list);
      const first = list[0]!;
      return callback(null, first.address, first.family);
    });
  };
}

/** The callback URL of an async request (`header.sender_uri`), checked for `client`. */
export async function senderUri(client: { callbackUrls: readonly string[]; isTestClient: boolean }, header: { sender_uri?: string | undefined }, testMode: boolean): Promise<string> {
  if (!header.sender_uri) throw refuse('异步请求须给出回调地址');
  await checkCallbackUrl(header.sender_uri, client.callbackUrls, { testMode, anyLoopback: client.isTestClient });
  return header.sender_uri;
}
