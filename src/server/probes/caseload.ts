import type { Probe } from './types.ts';

/** A caseload file of one row: the foreign household as a 低保 case. */
const file = (householdNo: string) => Buffer.from(`户编号,救助项目,类别,批准日期,月保障金额\n${householdNo},低保,B类,2015-03-10,300\n`);

/** Scope-matrix probes of the caseload import (存量对象导入): an upload into the foreign county, of its household; without a county, the caller's own. */
export const caseloadProbes: Record<string, Probe> = {
  'GET /api/v1/cases/import/caseload/template.xlsx': () => ({ method: 'GET', url: '/api/v1/cases/import/caseload/template.xlsx' }),
  'POST /api/v1/cases/import/caseload': (f) => ({ method: 'POST', url: `/api/v1/cases/import/caseload?countyCode=${f.county}&format=csv&firstMonth=2015-12`, payload: file(f.householdNo) }),
  'POST /api/v1/cases/import/caseload/report.xlsx': (f) => ({ method: 'POST', url: `/api/v1/cases/import/caseload/report.xlsx?countyCode=${f.county}&format=csv`, payload: file(f.householdNo) }),
};
