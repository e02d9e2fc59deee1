import { makeIdNumber } from '../kernel/id-number.ts';

let seq = 0;
/**
 * A fresh valid ID number (unique within a test file; the sequence's parity is the sex, so each call takes
 * a pair of sequence numbers: two calls never share one, as `n` and `n ^ 1` would for the same sex).
 */
export function idNumber(birthDate = '1970-03-15', sex: 'male' | 'female' = 'male', prefix = '522701'): string {
  seq = (seq + 1) % 500;
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
