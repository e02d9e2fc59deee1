// The seed's year at 1% scale (the full scale is `jiuzhu demo --scenario qiannan-2015`): loaded through the
// modules' use cases, then the annual report of 黔南州 for 2015 must state the seed's part-one figures — the
// reduction on last year (29.2%), the average standards and their growth, the gap per person and its growth,
// the 特困 persons, institutional rate and its change in points, the nursing homes — from the data alone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import { systemScope, userScope } from '../../kernel/scope.ts';
import { confirmSample } from '../../modules/disaster/index.ts';
import { annualReport } from '../../modules/stats/index.ts';
import { importRecords } from '../../modules/relief-station/index.ts';
import { importVolunteers } from '../../modules/volunteers/index.ts';
import { docxText } from '../../modules/cases/testing.ts';
import { testDatabase } from '../../test/db.ts';
import { loadQiannan2015, type ScenarioResult } from '../index.ts';

let db: Database;
let loaded: ScenarioResult;
let text: string;
let figure: (programme: string, key: string) => { value: number | null; prev: number | null };

beforeAll(async () => {
  db = await testDatabase();
  loaded = await loadQiannan2015(db, { scale: 0.01 });
  const r = await annualReport(db, systemScope(), { year: 2015, area: '522700' });
  text = docxText(r.buffer);
  figure = (programme, key) => {
    const f = r.figures.programmes.find((p) => p.code === programme)?.total.find((x) => x.key === key);
    if (!f) throw new Error(`no figure ${programme}.${key}`);
    return { value: f.value, prev: f.prev };
  };
}, 240_000);
afterAll(async () => db?.close());

describe('scenario qiannan-2015 at 1%', () => {
  it('loads the planned households and imports every case, nothing skipped', () => {
    const t = loaded.plan;
    const hardship = Object.values(t.hardship).reduce((a, b) => a + b, 0);
    expect(loaded.members).toBe(t.dibao2014 + hardship);
    expect(loaded.cases.hardship).toBe(hardship);
    expect(loaded.homes).toBe(43);
    expect(loaded.rerated.changed).toBeGreaterThan(0);
  });

  it('states the 低保 persons and their reduction on last year as the seed does (比上年减少29.2%)', () => {
    const persons = figure('dibao', 'persons');
    expect(persons.value).toBe(loaded.plan.dibao2015);
    expect(persons.prev).toBe(loaded.plan.dibao2014);
    expect(text).toContain(`全州有城乡低保对象`);
    expect(text).toContain(`${loaded.plan.dibao2015}人，比上年减少29.20%`);
  });

  it('states the counties that used up their six-year 减量 plan in one year (省州部署规划6年的减量计划在一年全部减完)', () => {
    const used = /([^。；]*)把6年的减量计划在一年全部减完。/.exec(text);
    expect(used?.[1]?.split('、')).toHaveLength(8);
    expect(text).toContain('低保减量超过建议数');
  });

  it('states the average standards and their growth (453元/月、2594元/年，增长17.35%和30.47%)', () => {
    expect(text).toContain('全州城市、农村平均低保标准为453元/月/人和2594元/年/人，分别增长17.35%和增长30.47%');
  });

  it('states the gap per person and month and its growth (305.24元、135.6元，增长15.5%、50%)', () => {
    expect(text).toContain('城市低保、农村低保月人均补差305.24元、135.60元，分别增长15.50%、增长50.00%');
  });

  it('states the 分类施保 persons at the seed\'s share (9.34万 of 29.7万) and the causes of poverty', () => {
    expect(figure('dibao', 'topupPersons').value).toBe(Math.round(93_400 * 0.01));
    expect(text).toContain(`享受增发补助金的特殊困难对象${Math.round(93_400 * 0.01)}人`);
    expect(text).toMatch(/4、致贫原因。全州低保户中，因病致贫返贫\d+户，占\d+\.\d{2}%/);
  });

  it('states the 特困 persons, the institutional ones, the rate and its change in points', () => {
    const h = loaded.plan.hardship;
    const persons = h.stayHome + h.stayInstitution + h.newInstitution + h.newHome;
    const institutional = h.stayInstitution + h.newInstitution;
    expect(figure('hardship', 'persons').value).toBe(persons);
    expect(figure('hardship', 'institutional').value).toBe(institutional);
    const rate = institutional / persons;
    const prevRate = h.stayInstitution / (h.stayHome + h.stayInstitution + h.leftHome);
    expect(rate).toBeCloseTo(0.39, 2);
    expect((rate - prevRate) * 100).toBeGreaterThan(25);
    expect(text).toContain(`供养特困人员${persons}人`);
    // 五保 (rural) and 三无 (urban) from the file's 供养类别, counted by the entitlements' summaries.
    const origins = /供养特困人员\d+人，其中农村五保对象(\d+)人、城市三无人员(\d+)人，/.exec(text);
    expect(Number(origins?.[1]) + Number(origins?.[2])).toBe(persons);
    expect(Number(origins?.[1])).toBeGreaterThan(Number(origins?.[2]) * 5);
    expect(text).toContain(`集中供养对象${institutional}人，集中供养率达${(rate * 100).toFixed(2)}%，集中供养率比上年同期提高${((rate - prevRate) * 100).toFixed(2)}个百分点`);
  });

  it('states the nursing homes as the seed does (43所、32所登记74%、编制74个、302人、星级4/2/3、新建20所)', () => {
    expect(text).toContain('全州新建（改扩建）敬老院20所（中央彩票公益金补助13所、省级补助7所）');
    expect(text).toContain('全州敬老院43所，其中32所完成事业单位法人登记，占74.4%，有编制人员74个、管理服务人员302人');
    expect(text).toContain('2015年评定五星级敬老院4个、四星级2个、三星级3个');
  });

  it('refuses to load twice (the database is no longer empty) and changes nothing', async () => {
    const before = await db.kysely.selectFrom('households').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await expect(loadQiannan2015(db, { scale: 0.01 })).rejects.toMatchObject({ code: 'scenario_not_empty' });
    const after = await db.kysely.selectFrom('households').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('scenario qiannan-2015 at 1% (社会力量参与, 一门受理: stage social)', () => {
  // Organisations, teams and campaigns are counts (not scaled); volunteers and requests are scaled.
  const volunteers = Math.round(131_000 * 0.01);
  const requests = Math.round(4_399 * 0.01);

  it('states the organisations, teams and registered volunteers (慈善组织117个、志愿服务组织60余个、队伍1400余支、13万余人)', () => {
    expect(loaded.extras.social).toMatchObject({ organisations: 117 + 62, teams: 1_420, volunteers, requests });
    expect(text).toContain(`2015年，全州有慈善组织117个、志愿服务组织62个，志愿服务队伍1420支，注册志愿者${volunteers}人。`);
    expect(text).toContain('2015年全州开展“点亮微心愿、情暖千万家”“德润黔南·邻里守望”等活动。');
  });

  it('states the one-window requests, every one closed (办结) by its due date (求助事项4399件，已全部办结)', async () => {
    expect(text).toContain(`2015年全州共受理求助事项${requests}件，已办结${requests}件，办结率100.00%；目前超过办理时限未办结的转办事项0件`);
    const late = await db.kysely.selectFrom('intake_parts').select((eb) => eb.fn.countAll<string>().as('n'))
      .where((eb) => eb.or([eb('closed_on', 'is', null), eb('closed_on', '>', eb.ref('due_date')), eb('closed_on', '>', '2015-12-31')])).executeTakeFirstOrThrow();
    expect(Number(late.n)).toBe(0);
  });

  it('refuses a bulk volunteer row with a bad ID number, naming the row, and writes nothing', async () => {
    const count = () => db.kysely.selectFrom('volunteers').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const before = await count();
    const village = (await db.kysely.selectFrom('volunteers').select('area_code').limit(1).executeTakeFirstOrThrow()).area_code;
    const good = { name: '王小明', idNumber: '522701199003070012', areaCode: village, registeredOn: '2015-06-01', skills: [] };
    await expect(importVolunteers(db, systemScope(), [good, { ...good, name: '李四', idNumber: '52270119900307001X' }]))
      .rejects.toMatchObject({ status: 400, details: { fields: [{ field: 'rows.1.idNumber' }] } });
    expect((await count()).n).toBe(before.n);
  });
});

describe('scenario qiannan-2015 at 1% (医疗救助, 临时救助, 救助管理)', () => {
  const scaled = (n: number) => Math.round(n * 0.01);
  const wan = (fen: number) => (fen / 1_000_000).toFixed(2);

  it('states 资助参保 and 门诊、住院救助 as the seed does (1040万元36.7万人；2743.5万元8600余人次)', () => {
    expect(figure('medical', 'subsidisedPersons').value).toBe(scaled(367_000));
    expect(figure('medical', 'times').value).toBe(scaled(8_600));
    expect(figure('medical', 'amount').value).toBe(scaled(2_743_500_000));
    expect(Math.abs((figure('medical', 'subsidyAmount').value ?? 0) - scaled(1_040_000_000))).toBeLessThan(5_000);
    expect(text).toContain(`医疗救助支出${wan(scaled(1_040_000_000))}万元，资助${scaled(367_000)}人参加城乡居民基本医疗保险；支出${wan(scaled(2_743_500_000))}万元，对${scaled(8_600)}人次实施门诊救助、住院救助`);
  });

  it('states 临时救助 as the seed does (800余万元、5000余人次), every amount the formula\'s', () => {
    expect(figure('temporary', 'persons').value).toBe(scaled(5_000));
    expect(figure('temporary', 'amount').value).toBe(scaled(800_000_000));
    expect(text).toContain(`实施临时救助${scaled(5_000)}人次，支出${wan(scaled(800_000_000))}万元`);
  });

  it('states 救助管理 as the seed does (排查、甄别12000人（次），救助7500人（次）)', () => {
    expect(loaded.extras['relief-station']?.stations).toBe(13);
    expect(text).toContain(`救助管理机构排查、甄别求助人员${scaled(12_000)}人（次），对自愿受助者实施救助${scaled(7_500)}人（次）`);
  });

  it('refuses a ledger with one bad record, naming it, and writes none of it', async () => {
    const count = () => db.kysely.selectFrom('relief_station_records').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const before = await count();
    const station = await db.kysely.selectFrom('institutions').select('id').where('county_code', '=', '522701').where('kind', '=', 'relief_station').executeTakeFirstOrThrow();
    const good = { countyCode: '522701', stationId: Number(station.id), source: 'walk_in', metOn: '2015-05-04', decidedOn: '2015-05-04', place: '火车站广场', sex: 'male', approxAge: 40, decision: 'refused' };
    await expect(importRecords(db, systemScope(), '522701', [good, { ...good, decidedOn: '2015-05-01' }]))
      .rejects.toMatchObject({ status: 400, details: { fields: [{ field: 'rows.2.decidedOn' }] } });
    expect((await count()).n).toBe(before.n);
  });
});

describe('scenario qiannan-2015 at 1%: 受灾人员救助 and 政策性农房保险 (stage disaster)', () => {
  it('states the year\'s relief as the seed does (资金9000余万元, 救助受灾群众39.22万人次), scaled', () => {
    const persons = Math.round(392_200 * 0.01);
    expect(figure('disaster', 'persons').value).toBe(persons);
    expect(figure('disaster', 'amount').value).toBe(9_000_000_000 * 0.01);
    expect(text).toContain(`2015年全州发放自然灾害救助、冬春救助资金${((9_000_000_000 * 0.01) / 1_000_000).toFixed(2)}万元，救助受灾群众${persons}人次；`);
    // the summer floods' relief from the verified damage register, the rest from the 2015-2016 冬春 survey
    const kinds = ['emergency', 'transitional', 'housing', 'winterSpring'].map((k) => figure('disaster', `${k}Persons`).value ?? 0);
    expect(kinds.every((n) => n > 0)).toBe(true);
    expect(kinds.reduce((a, b) => a + b, 0)).toBe(persons);
    expect(text).toMatch(/恢复重建倒房[1-9]\d*户、维修损房[1-9]\d*户，冬春生活救助\d+人/);
  });

  it('states the insurance: every rural household of the registry insured, 609户理赔 215万元 scaled', async () => {
    const rural = await db.kysely.selectFrom('households').select((eb) => eb.fn.countAll<string>().as('n')).where('hukou', '=', 'rural').executeTakeFirstOrThrow();
    expect(Number(rural.n)).toBeGreaterThan(0);
    expect(text).toContain(`全年政策性农房保险参保${rural.n}户，理赔农房${Math.round(609 * 0.01)}户，兑付保险金${((215_000_000 * 0.01) / 1_000_000).toFixed(2)}万元。`);
  });

  it('refuses to confirm the sample of a batch already decided, and changes nothing', async () => {
    const b = await db.kysely.selectFrom('disaster_batches').select(['batch_no', 'county_code']).orderBy('id').executeTakeFirstOrThrow();
    const count = () => db.kysely.selectFrom('disaster_batch_members').select((eb) => eb.fn.countAll<string>().as('n')).where('check_result', 'is not', null).executeTakeFirstOrThrow();
    const before = await count();
    const scope = userScope({ id: 0, username: 'scenario.test', role: 'county_approver', areaCode: b.county_code, department: null });
    await expect(confirmSample(db, scope, b.batch_no, { date: '2015-12-01' })).rejects.toMatchObject({ code: 'batch_state' });
    expect((await count()).n).toBe(before.n);
  });
});
