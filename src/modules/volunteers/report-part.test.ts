// The volunteers' paragraph of the annual report: zero clauses left out, large counts in 万.
import { describe, expect, it } from 'vitest';
import { volunteersParagraph, type VolunteerCounts } from './service/report-part.ts';

const none: VolunteerCounts = { charities: 0, volunteerOrgs: 0, socialWork: 0, teams: 0, volunteers: 0, hours: 0, servingVolunteers: 0 };

describe('the volunteers paragraph', () => {
  const cases: [string, Partial<VolunteerCounts>, string | null][] = [
    ['nothing registered, nothing served', {}, null],
    ['everything', { charities: 117, volunteerOrgs: 60, socialWork: 3, teams: 1400, volunteers: 130_500, hours: 2345.5, servingVolunteers: 800 },
      '2015年，全州有慈善组织117个、志愿服务组织60个、社会工作服务机构3个，志愿服务队伍1400支，注册志愿者13.05万人；全年800名志愿者参与志愿服务，经确认的服务时长2345.5小时。'],
    ['no charity, no social work, no service', { volunteerOrgs: 2, teams: 3, volunteers: 40 }, '2015年，全州有志愿服务组织2个，志愿服务队伍3支，注册志愿者40人。'],
    ['volunteers only', { volunteers: 5 }, '2015年，全州有注册志愿者5人。'],
    ['service only', { hours: 12.25, servingVolunteers: 2 }, '2015年，全州2名志愿者参与志愿服务，经确认的服务时长12.25小时。'],
  ];
  it.each(cases)('%s', (_name, counts, expected) => {
    expect(volunteersParagraph(2015, '全州', { ...none, ...counts })).toBe(expected);
  });
});
