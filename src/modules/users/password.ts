import argon2 from 'argon2';

/**
 * argon2id with the library's defaults (64 MiB, t=3, p=4). JIUZHU_INSECURE_FAST_HASH=1 — for the test
 * suite only, where hundreds of logins would otherwise spend minutes hashing — takes 4 MiB, t=2, p=1;
 * the server warns at start when it is set. Read at each call, so a test can switch it.
 */
export function hashParameters(): { memoryCost?: number; timeCost?: number; parallelism?: number } {
  return process.env.JIUZHU_INSECURE_FAST_HASH === '1' ? { memoryCost: 4096, timeCost: 2, parallelism: 1 } : {};
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id, ...hashParameters() });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

export const PASSWORD_MIN_LENGTH = 10;
