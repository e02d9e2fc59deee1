import { idNumber } from '../../test/households.ts';
import type { Probe } from './types.ts';

/** A settlement file of one row for the foreign person (a registered member there). */
const file = (id: string) => Buffer.from(
  '结算单号,姓名,公民身份号码,人员类别,医疗机构名称,就诊类别,重特大疾病,入院（就诊）日期,出院日期,结算日期,医疗总费用,基本医保支付,大病保险支付,政策范围内个人自付,医疗救助支付,倾斜救助支付\n'
  + `PROBE1,越权,${id},低保边缘家庭成员,越权医院,门诊,否,2015-10-01,,2015-10-01,100,50,0,50,10,0\n`,
);

/** Scope-matrix probes of the settlement import: each aims at the foreign county (its import numbers, its figures, an upload for it). */
export const medicalSettlementProbes: Record<string, Probe> = {
  'GET /api/v1/medical/settlements/template.xlsx': () => ({ method: 'GET', url: '/api/v1/medical/settlements/template.xlsx' }),
  'GET /api/v1/medical/settlements': (f) => ({ method: 'GET', url: `/api/v1/medical/settlements?county=${f.county}` }),
  'GET /api/v1/medical/settlements/:importNo': (f) => ({ method: 'GET', url: `/api/v1/medical/settlements/JS${f.county}2015000001` }),
  'GET /api/v1/medical/settlement-figures': (f) => ({ method: 'GET', url: `/api/v1/medical/settlement-figures?area=${f.township}&year=2015` }),
  'POST /api/v1/medical/settlements': (f) => ({ method: 'POST', url: `/api/v1/medical/settlements?countyCode=${f.county}&format=csv`, payload: file(f.idNumber) }),
  'POST /api/v1/medical/settlements/errors.xlsx': (f) => ({ method: 'POST', url: `/api/v1/medical/settlements/errors.xlsx?countyCode=${f.county}&format=csv`, payload: file(idNumber('1977-07-07')) }),
};
