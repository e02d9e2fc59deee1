import { makeIdNumber } from '../kernel/id-number.ts';

/** The last sequence number given per prefix, birth date and sex. */
const issued = new Map<string, number>();
/**
 * A fresh valid ID number (unique within a test file). The sequence counts per prefix, birth date and sex,
 * so 500 numbers of one kind come before any repeats: one counter for every kind wrapped after 500 calls of
 * any kind, and a file (its modules shared with the files before it in the worker) registered the same
 * number twice. The sequence's parity is the sex.
 */
export function idNumber(birthDate = '1970-03-15', sex: 'male' | 'female' = 'male', prefix = '522701'): string {
  const key = `${prefix}${birthDate}${sex}`;
  const seq = ((issued.get(key) ?? 0) + 1) % 500;
  issued.set(key, seq);
  return makeIdNumber(prefix, birthDate, seq * 2 + (sex === 'male' ? 1 : 0), sex);
}

export function memberInput(over: Record<string, unknown> = {}) {
  return {
    idNumber: idNumber(),
    name: '罗建国',
    relation: 'head',
    hukou: 'urban',
    workCapacity: 'partial',
    disabilityKind: null,
    disabilityGrade: null,
    seriousIllness: false,
    student: false,
    categories: [],
    leftBehind: null,
    ...over,
  };
}

export function householdInput(villageCode: string, members: Record<string, unknown>[], over: Record<string, unknown> = {}) {
  return {
    household: {
      villageCode,
      hukou: 'urban',
      address: '广惠路12号',
      phone: '13812345678',
      bankName: '农村信用社',
      bankAccount: '6230123412341234',
      povertyFile: false,
      agricultural: false,
      categories: [],
      ...over,
    },
    members,
    incomes: [],
    assets: [],
  };
}
