import { describe, expect, it } from 'vitest';
import { householdRecordSchema, householdSchema, incomeItemSchema, memberSchema } from './schemas.ts';
import type { Household } from './types.ts';

const household: Household = {
  householdNo: '52270100000001', countyCode: '522701', villageCode: '522701001001', hukou: 'urban',
  address: '广惠路街道广惠社区文峰路12号', phone: '13812345678', bankName: '中国农业银行',
  bankAccount: '6228480012345678901', povertyFile: false, agricultural: false, categories: ['single_parent'],
};
const head = {
  idNumber: '522701199001011238', name: '王国华', relation: 'head', hukou: 'urban', workCapacity: 'full',
  disabilityKind: null, disabilityGrade: null, seriousIllness: false, student: false, categories: [], leftBehind: null,
};
const messages = (r: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('memberSchema', () => {
  it('normalises the ID number and fills sex and birth date from it', () => {
    expect(memberSchema.parse({ ...head, idNumber: '522701900101123' })).toMatchObject({
      idNumber: '522701199001011238', sex: 'male', birthDate: '1990-01-01',
    });
    expect(memberSchema.parse({ ...head, idNumber: '11010519491231002x' }).idNumber).toBe('11010519491231002X');
  });

  it('names the ID number error in Chinese', () => {
    expect(messages(memberSchema.safeParse({ ...head, idNumber: '522701199001011234' })))
      .toEqual(['idNumber: 身份证号码校验码错误，应为8']);
    expect(messages(memberSchema.safeParse({ ...head, idNumber: '5227' })))
      .toEqual(['idNumber: 身份证号码长度应为18位（旧号码15位），实际为4位']);
  });

  it('rejects a sex or birth date that contradicts the ID number', () => {
    expect(messages(memberSchema.safeParse({ ...head, sex: 'female', birthDate: '1990-01-02' }))).toEqual([
      'sex: 性别与身份证号码不符', 'birthDate: 出生日期与身份证号码不符',
    ]);
  });

  it('checks names, enums and disability consistency', () => {
    expect(messages(memberSchema.safeParse({ ...head, name: 'Li', relation: 'boss', disabilityKind: 'visual' }))).toEqual([
      'name: 姓名应为2–20个汉字（少数民族姓名可含“·”）',
      'relation: 与户主关系无效，应为 head / spouse / child / parent / grandchild / sibling / other 之一',
    ]);
    expect(messages(memberSchema.safeParse({ ...head, disabilityKind: 'visual' })))
      .toEqual(['disabilityGrade: 残疾类别与残疾等级须同时填写或同时为空']);
    expect(messages(memberSchema.safeParse({ ...head, disabilityKind: 'visual', disabilityGrade: 5 })))
      .toEqual(['disabilityGrade: 残疾等级应为1–4级']);
    expect(memberSchema.safeParse({ ...head, name: '阿依古丽·买买提', disabilityKind: 'visual', disabilityGrade: 2 }).success).toBe(true);
  });
});

describe('householdSchema and items', () => {
  it('accepts a valid household and names bad fields', () => {
    expect(householdSchema.parse(household)).toEqual(household);
    expect(messages(householdSchema.safeParse({ ...household, phone: '12345', bankName: '', bankAccount: '' }))).toEqual([
      'phone: 联系电话格式不正确，应为11位手机号码或带区号的固定电话',
    ]);
    expect(messages(householdSchema.safeParse({ ...household, bankName: '', bankAccount: '6228480012345678901' })))
      .toEqual(['bankAccount: 开户银行与银行账号须同时填写']);
  });

  it('keeps money in integer fen', () => {
    const item = { memberIdNumber: null, kind: 'agriculture', amountFen: 1_200_000, period: 'year', source: '种植玉米' };
    expect(incomeItemSchema.parse(item)).toEqual(item);
    expect(messages(incomeItemSchema.safeParse({ ...item, amountFen: 12.5 }))).toEqual(['amountFen: 收入金额应为以分计的整数']);
    expect(messages(incomeItemSchema.safeParse({ ...item, amountFen: -1 }))).toEqual(['amountFen: 收入金额不能为负数']);
  });

  it('checks a whole household: one head, unique members, own incomes', () => {
    const record = {
      household,
      members: [head, { ...head, relation: 'child' }],
      incomes: [{ memberIdNumber: '11010519491231002X', kind: 'wage', amountFen: 100, period: 'month', source: '务工' }],
      assets: [],
    };
    expect(messages(householdRecordSchema.safeParse(record))).toEqual([
      'members.1.idNumber: 家庭成员身份证号码重复',
      'incomes.0.memberIdNumber: 该身份证号码不是本家庭成员',
    ]);
    expect(messages(householdRecordSchema.safeParse({ ...record, members: [{ ...head, relation: 'spouse' }], incomes: [] })))
      .toEqual(['members: 家庭须有且只有一名户主']);
  });
});
