import { makeIdNumber } from '../kernel/id-number.ts';

let seq = 0;
/** A fresh valid ID number (unique within the test process). */
export function idNumber(birthDate = '1970-03-15', sex: 'male' | 'female' = 'male', prefix = '522701'): string {
  seq = (seq + 1) % 1000;
  return makeIdNumber(prefix, birthDate, seq, sex);
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
