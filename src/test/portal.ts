// Signing a citizen in to the portal in tests: the code is read back from the file SMS provider's log.
import fs from 'node:fs';
import { expect } from 'vitest';
import type { BuiltApp } from '../server/app.ts';

/** The sign-in code last sent to `phone` (JIUZHU_SMS_PROVIDER=file writes one JSON line per message). */
export function lastSmsCode(smsFile: string, phone: string): string {
  const lines = fs.readFileSync(smsFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { phone: string; text: string });
  const m = lines.filter((s) => s.phone === phone).at(-1)?.text.match(/验证码为 (\d{6})/);
  if (!m?.[1]) throw new Error(`no code sent to ${phone}`);
  return m[1];
}

/** Asks a code for the person, signs in with it and answers the portal session token. */
export async function signInCitizen(built: BuiltApp, smsFile: string, person: { idNumber: string; phone: string }, ip = '10.30.0.1'): Promise<string> {
  const asked = await built.app.inject({ method: 'POST', url: '/api/portal/v1/auth/code', remoteAddress: ip, payload: { idNumber: person.idNumber, phone: person.phone } });
  expect(asked.statusCode, asked.body).toBe(200);
  const res = await built.app.inject({ method: 'POST', url: '/api/portal/v1/auth/verify', remoteAddress: ip, payload: { idNumber: person.idNumber, code: lastSmsCode(smsFile, person.phone) } });
  expect(res.statusCode, res.body).toBe(200);
  return res.cookies.find((c) => c.name === 'jiuzhu_portal')?.value ?? '';
}
