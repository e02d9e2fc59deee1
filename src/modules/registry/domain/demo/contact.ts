/** Plausible phone numbers, bank accounts and addresses of 黔南 households. */
import type { Random } from '../../../../kernel/random.ts';

const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '134', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155',
  '156', '157', '158', '159', '180', '181', '182', '183', '184', '185', '186', '187', '188', '189',
];

export function randomMobile(rng: Random): string {
  return rng.pick(MOBILE_PREFIXES) + String(rng.int(0, 99_999_999)).padStart(8, '0');
}

// Bank names and debit card BINs (plausible 6-digit prefixes); 农信社 pays most rural benefits.
const BANKS: readonly (readonly [string, string])[] = [
  ['贵州省农村信用社', '622469'], ['中国农业银行', '622848'], ['中国邮政储蓄银行', '621799'],
  ['中国建设银行', '621700'], ['中国工商银行', '621226'], ['贵州银行', '621590'],
];
const RURAL_WEIGHTS = [70, 15, 12, 3, 0, 0];
const URBAN_WEIGHTS = [25, 20, 12, 16, 15, 12];

export function randomBankAccount(rng: Random, urban: boolean): { bankName: string; bankAccount: string } {
  const weights = urban ? URBAN_WEIGHTS : RURAL_WEIGHTS;
  const [bankName, bin] = rng.weighted(BANKS.map((b, i) => [b, weights[i] ?? 0] as const));
  const body = bin + String(rng.int(0, 999_999)).padStart(6, '0') + String(rng.int(0, 999_999)).padStart(6, '0');
  return { bankName, bankAccount: body + luhnDigit(body) };
}

/** The Luhn check digit that bank card numbers end with. */
export function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = body.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** `西园村村民委员会` and `良亩村委会` → `西园村`, `良亩村`; `广惠社区居民委员会` → `广惠社区`. */
export function villageShortName(name: string): string {
  return name.replace(/村?(村民委员会|村委会)$/, '村').replace(/(居民委员会|居委会)$/, '');
}

const ROADS = ['剑江路', '民族路', '斗篷山路', '环东路', '新华路', '人民路', '中山路', '建设路', '文化路', '青年路', '桥城路', '沿河路'];

export function randomAddress(rng: Random, townshipName: string, villageName: string, urban: boolean): string {
  const place = townshipName + villageShortName(villageName);
  if (!urban) return `${place}${rng.int(1, 12)}组`;
  return `${place}${rng.pick(ROADS)}${rng.int(1, 280)}号`;
}
