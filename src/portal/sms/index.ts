// Pluggable SMS sending for the portal's sign-in codes, chosen by JIUZHU_SMS_PROVIDER (README: SMS).
import fs from 'node:fs/promises';
import type { SmsConfig } from '../../kernel/config.ts';
import { AppError } from '../../kernel/errors.ts';
import { maskPhone } from '../../kernel/mask.ts';

export interface SmsProvider {
  send(phone: string, text: string): Promise<void>;
}

/** The slice of the server's logger the providers use. */
export interface SmsLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** What the citizen sees when the gateway fails; the cause goes to the log only. */
export const SMS_FAILED = '短信发送失败，请稍后再试';
const failed = () => new AppError('sms_failed', SMS_FAILED, 500);

/** Logs the message (development and demo; the default). The phone is masked, the text is not. */
export function consoleProvider(log: SmsLog): SmsProvider {
  return {
    async send(phone, text) {
      log.info({ sms: { to: maskPhone(phone), text } }, 'sms (console provider)');
    },
  };
}

/** Appends one JSON line `{phone, text, at}` per message to `file` (tests read the codes from it). */
export function fileProvider(file: string, log: SmsLog): SmsProvider {
  return {
    async send(phone, text) {
      try {
        await fs.appendFile(file, `${JSON.stringify({ phone, text, at: new Date().toISOString() })}\n`, 'utf8');
      } catch (err) {
        log.error({ err, to: maskPhone(phone) }, 'sms file provider failed');
        throw failed();
      }
    },
  };
}

/** POSTs `{phone, text}` as JSON to the gateway with a bearer token; a non-2xx answer is a failure. */
export function httpProvider(url: string, token: string | null, log: SmsLog, fetcher: typeof fetch = fetch): SmsProvider {
  return {
    async send(phone, text) {
      let status: number | null = null;
      try {
        const res = await fetcher(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ phone, text }),
          signal: AbortSignal.timeout(10_000),
        });
        status = res.status;
        if (res.ok) return;
      } catch (err) {
        log.error({ err, to: maskPhone(phone) }, 'sms gateway unreachable');
        throw failed();
      }
      log.error({ status, to: maskPhone(phone) }, 'sms gateway refused the message');
      throw failed();
    },
  };
}

/** The provider the configuration names (loadConfig has already refused an unknown one). */
export function smsProvider(config: SmsConfig, log: SmsLog): SmsProvider {
  switch (config.provider) {
    case 'console':
      return consoleProvider(log);
    case 'file':
      if (!config.file) throw new Error('JIUZHU_SMS_FILE is required for the file SMS provider');
      return fileProvider(config.file, log);
    case 'http':
      if (!config.url) throw new Error('JIUZHU_SMS_URL is required for the http SMS provider');
      return httpProvider(config.url, config.token, log);
    default:
      throw new Error(`unknown SMS provider: ${String(config.provider satisfies never)}`);
  }
}
