// The SSRF guard: which addresses count as public, and which callback URLs a client may name.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../kernel/errors.ts';
import { allowedUrl, checkCallbackUrl, isPublicAddress } from './callback-url.ts';

describe('callback URLs (SSRF)', () => {
  it.each([
    ['93.184.216.34', true], ['8.8.8.8', true], ['2606:4700::1111', true],
    ['127.0.0.1', false], ['127.8.9.10', false], ['10.1.2.3', false], ['172.16.0.1', false], ['172.31.255.255', false], ['192.168.1.1', false],
    ['169.254.169.254', false], ['100.64.0.1', false], ['0.0.0.0', false], ['224.0.0.1', false], ['255.255.255.255', false], ['198.51.100.7', false],
    ['::1', false], ['::', false], ['fe80::1', false], ['fd00::1', false], ['::ffff:127.0.0.1', false], ['::ffff:10.0.0.1', false], ['::ffff:93.184.216.34', true],
    ['not-an-ip', false],
  ])('%s is public: %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });

  it.each([
    ['https://a.example/cb', ['https://a.example/cb'], true],
    ['https://a.example/cb/x', ['https://a.example/cb'], false],
    ['https://a.example/dci/on-search', ['https://a.example/dci/'], true],
    ['https://a.example/dcix', ['https://a.example/dci/'], false],
    ['https://b.example/dci/', ['https://a.example/dci/'], false],
  ])('%s on %j: %s', (url, list, expected) => {
    expect(allowedUrl(url, list)).toBe(expected);
  });

  const refusal = async (p: Promise<void>) => {
    try {
      await p;
    } catch (e) {
      if (e instanceof AppError) return `${e.code} ${e.message}`;
      throw e;
    }
    return 'accepted';
  };
  const publicDns = async () => ['93.184.216.34'];
  const privateDns = async () => ['93.184.216.34', '10.0.0.8'];

  it.each([
    ['a public https URL on the list', 'https://a.example/cb', false, publicDns, 'accepted'],
    ['a name with one private address among public ones', 'https://a.example/cb', false, privateDns, '内网'],
    ['a name that does not resolve', 'https://a.example/cb', false, async () => { throw new Error('ENOTFOUND'); }, '无法解析'],
    ['credentials in the URL', 'https://u:p@a.example/cb', false, publicDns, '用户名'],
    ['ftp', 'ftp://a.example/cb', false, publicDns, 'https'],
    ['a private name in test mode', 'https://a.example/cb', true, privateDns, 'accepted'],
  ])('%s', async (_what, url, testMode, resolve, expected) => {
    const got = await refusal(checkCallbackUrl(url, ['https://a.example/cb', 'https://u:p@a.example/cb', 'ftp://a.example/cb'], { testMode, resolve }));
    expect(got).toContain(expected);
    if (expected !== 'accepted') expect(got).toMatch(/^err\.sender_uri\.invalid sender_uri:/);
  });

  it('refuses an unlisted URL even in test mode, except loopback for the test client', async () => {
    expect(await refusal(checkCallbackUrl('http://127.0.0.1:9/cb', [], { testMode: true }))).toContain('登记的回调地址');
    expect(await refusal(checkCallbackUrl('http://127.0.0.1:9/cb', [], { testMode: true, anyLoopback: true }))).toBe('accepted');
    expect(await refusal(checkCallbackUrl('http://127.0.0.1:9/cb', [], { testMode: false, anyLoopback: true }))).toContain('https');
  });
});
