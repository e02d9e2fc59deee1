// Issue 20, must-have 5 on a hand-built set: the 特困 breakdown (农村五保, 城市三无, 孤儿) as the real 特困
// decision derives it from the registry (or as the township set it), and 低保 households by main cause of
// poverty — figures equal to a hand count, the roll-up following a change of cause, the report's sentences.
import JSZip from 'jszip';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/engine.ts';
import type { DB } from '../../db/schema.ts';
import { systemScope } from '../../kernel/scope.ts';
import { ruleSetFor } from '../../policy/index.ts';
import { hardshipBenefit } from '../../programmes/hardship/benefit.ts';
import type { HardshipContext } from '../../programmes/hardship/context.ts';
import { ENGINE, testDatabase } from '../../test/db.ts';
import { caseParameters } from '../cases/index.ts';
import { householdFactsFromRegistry, registryHouseholdById } from '../registry/index.ts';
import { annualReport } from './service/exports.ts';
import { figures } from './service/figures.ts';
import { addCase, addDecision, addHousehold, villagesOf } from './testing.ts';

type Person = { relation: string; birthDate: string; hukou: 'urban' | 'rural'; workCapacity?: string };

/** A household of these people (the first is the applicant) with its members' ids in that order. */
async function household(k: Kysely<DB>, village: string, hukou: 'urban' | 'rural', people: Person[]) {
  const id = await addHousehold(k, { village, hukou, members: people.map(() => ({})) });
  const county = village.slice(0, 6);
  const ids = (await sql<{ id: number }>`select id from members where county_code = ${county} and household_id = ${id} order by id`.execute(k)).rows.map((r) => r.id);
  for (const [i, p] of people.entries()) {
    await sql`update members set relation = ${p.relation}, birth_date = ${p.birthDate}, hukou = ${p.hukou}, work_capacity = ${p.workCapacity ?? 'none'} where county_code = ${county} and id = ${ids[i]!}`.execute(k);
  }
  return id;
}

const causes = (k: Kysely<DB>, id: number, list: string[]) =>
  sql`update households set poverty_causes = cast(${`{${list.join(',')}}`} as text[]), main_poverty_cause = ${list[0] ?? null} where id = ${id}`.execute(k);

const SELF_CARE = { eating: true, dressing: true, bedTransfer: true, toileting: true, indoorWalking: true, bathing: true };

describe(`特困 breakdown and causes of poverty (${ENGINE})`, () => {
  let db: Database;
  let d2 = 0;
  beforeAll(async () => {
    db = await testDatabase();
    const k = db.kysely;
    const [v] = await villagesOf(k, '522701001', 1) as [string];
    const params = await caseParameters(db);
    /** A 特困 person supported from 2015-04 with the summary the real decision gives. */
    const supported = async (id: number, origin?: HardshipContext['origin']) => {
      const facts = householdFactsFromRegistry(await registryHouseholdById(k, '522701', id));
      const applicantId = facts.members[0]!.id;
      const context: HardshipContext = { selfCare: SELF_CARE, support: { mode: 'home_based', hasLegalSupporter: false, supporterAble: false }, ...(origin ? { origin } : {}) };
      const out = hardshipBenefit.decide({ household: facts, applicantId, context, params, ruleSet: ruleSetFor('2015-03-20', params), date: '2015-03-20', areaCode: v, ledger: {} });
      if ('code' in out) throw new Error(out.message);
      const c = await addCase(k, id, v, 'hardship', 'approved');
      await addDecision(k, '522701', c, { kind: 'approve', month: '2015-04', amount: out.amountFen, summary: out.summary });
    };
    // Rural adult → 五保; urban adult → 三无; a minor living with a grandparent only → 孤儿 (derived);
    // a minor whose father is registered, set 孤儿 by the township.
    await supported(await household(k, v, 'rural', [{ relation: 'head', birthDate: '1948-05-01', hukou: 'rural' }]));
    await supported(await household(k, v, 'urban', [{ relation: 'head', birthDate: '1951-07-01', hukou: 'urban' }]));
    await supported(await household(k, v, 'rural', [{ relation: 'grandchild', birthDate: '2006-02-01', hukou: 'rural' }, { relation: 'head', birthDate: '1944-01-01', hukou: 'rural', workCapacity: 'full' }]));
    await supported(await household(k, v, 'rural', [{ relation: 'child', birthDate: '2005-09-01', hukou: 'rural' }, { relation: 'head', birthDate: '1975-01-01', hukou: 'rural', workCapacity: 'full' }]), 'orphan');

    // 低保 households: main causes 因病, 因灾, 因病 and none; one 因病 household exited in 2015-06; one 因病 household without 低保.
    const dibao = async (list: string[], exit?: string) => {
      const id = await addHousehold(k, { village: v, hukou: 'rural', members: [{}, {}] });
      await causes(k, id, list);
      const c = await addCase(k, id, v, 'dibao', exit ? 'exited' : 'approved');
      await addDecision(k, '522701', c, { kind: 'approve', month: '2015-02', amount: 30000 });
      if (exit) await addDecision(k, '522701', c, { kind: 'exit', month: exit });
      return id;
    };
    await dibao(['illness', 'disability']);
    d2 = await dibao(['disaster', 'illness']);
    await dibao(['illness']);
    await dibao([]);
    await dibao(['illness'], '2015-06');
    await causes(k, await addHousehold(k, { village: v, hukou: 'rural', members: [{}] }), ['illness']);
  });
  afterAll(async () => {
    await db.close();
  });

  const figuresOf = async (code: string) => {
    const r = await figures(db, systemScope(), { year: 2015, area: '522701' });
    return Object.fromEntries(r.programmes.find((p) => p.code === code)!.total.map((f) => [f.key, f.value]));
  };

  it('counts 特困 persons by origin and 低保 households by main cause, as counted by hand', async () => {
    const h = await figuresOf('hardship');
    expect([h['persons'], h['fiveGuarantees'], h['threeNos'], h['orphans']]).toEqual([4, 1, 1, 2]);
    const d = await figuresOf('dibao');
    expect([d['households'], d['illnessHouseholds'], d['disasterHouseholds'], d['disabilityHouseholds'], d['otherCauseHouseholds']]).toEqual([4, 2, 1, 0, 0]);
    expect([d['illnessShare'], d['disasterShare']]).toEqual([0.5, 0.25]);
  });

  it('follows a change of a household\'s main cause', async () => {
    await sql`update households set main_poverty_cause = 'illness' where id = ${d2}`.execute(db.kysely);
    const d = await figuresOf('dibao');
    expect([d['illnessHouseholds'], d['disasterHouseholds'], d['illnessShare'], d['disasterShare']]).toEqual([3, 0, 0.75, 0]);
  });

  it('states the breakdown and the causes in the annual report, leaving out what is zero', async () => {
    const { buffer } = await annualReport(db, systemScope(), { year: 2015, area: '522701' });
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('全县供养特困人员4人，其中农村五保对象1人、城市三无人员1人、孤儿2人，集中供养对象0人');
    expect(text).toContain('4、致贫原因。全县低保户中，因病致贫返贫3户，占75.00%。');
    expect(text).not.toContain('因灾致贫返贫0户');
  });
});
