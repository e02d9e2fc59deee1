/**
 * Deterministic, streaming demo households: the same options give the same records, one household at
 * a time, so 300,000 households never sit in memory together.
 */
import { createRandom, weightedTable, type Random } from '../../../../kernel/random.ts';
import { ageOn } from '../age.ts';
import type { HouseholdRecord, Member } from '../types.ts';
import { randomAssets } from './assets.ts';
import { householdCategories, isThreeNos, leftBehind, personCategories } from './categories.ts';
import { randomAddress, randomBankAccount, randomMobile } from './contact.ts';
import { sketchHousehold, type PersonSketch } from './household-shape.ts';
import { dateOfDay, dayIndex, IdAllocator } from './id-allocator.ts';
import { randomIncomes } from './incomes.ts';
import { randomGivenName, randomSurname } from './names.ts';
import { defaultIdAreaPrefix, qiannan2015StandardFenPerMonth, type DemoOptions, type DemoVillage } from './options.ts';
import { pickMigrants, randomTraits, type Traits } from './traits.ts';

const URBAN_SHARE = 0.25;
const POVERTY_FILE_SHARE_RURAL = 0.15;

export function* generateDemoHouseholds(options: DemoOptions): Generator<HouseholdRecord, void, undefined> {
  const { seed, count, villages } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`count must be a whole number, got ${count}`);
  if (villages.length === 0) throw new RangeError('the demo needs at least one village');
  const refDate = `${options.year ?? 2015}-06-30`;
  const standardOf = options.standardFenPerMonth ?? qiannan2015StandardFenPerMonth;
  const prefixOf = options.idAreaPrefix ?? defaultIdAreaPrefix;
  const rng = createRandom(seed);
  const pickVillage = villageTable(rng, villages);
  const ids = options.ids ?? new IdAllocator(refDate);
  const serials = new Map<string, number>();

  for (let n = 0; n < count; n++) {
    const village = pickVillage(rng);
    const urban = village.urban;
    const hukou = urban ? 'urban' : 'rural';
    const people = sketchHousehold(rng);
    const traits = people.map((p) => randomTraits(rng, p.age));
    const migrant = urban ? people.map(() => false) : pickMigrants(rng, people, traits);
    const threeNos = isThreeNos(rng, people, traits);
    const away = urban ? people.map(() => null) : leftBehind(rng, people, migrant);
    const surnames = familySurnames(rng, people);
    const phone = randomMobile(rng);
    const members = people.map((p, i): Member => {
      const wanted = dateOfDay(dayIndex(refDate) - Math.floor((p.age + rng.next()) * 365.2425));
      const { idNumber, birthDate } = ids.next(prefixOf(village.countyCode), wanted, p.sex);
      const t = traits[i] as Traits;
      const age = ageOn(birthDate, refDate);
      const member: Member = {
        idNumber, name: (surnames[i] ?? '') + randomGivenName(rng, p.sex, Number(birthDate.slice(0, 4))),
        sex: p.sex, birthDate, relation: p.relation, hukou, ...t,
        categories: personCategories(age, t, threeNos), leftBehind: away[i] ?? null,
      };
      if (i === 0) member.phone = phone;
      else if (age >= 18 && age <= 70 && rng.chance(0.4)) member.phone = randomMobile(rng);
      return member;
    });
    const earners = members.map((m, i) => ({
      idNumber: m.idNumber, age: ageOn(m.birthDate, refDate), workCapacity: m.workCapacity,
      student: m.student, migrant: migrant[i] === true, relation: m.relation,
    }));
    const headId = members[0]?.idNumber ?? '';
    const serial = (serials.get(village.countyCode) ?? 0) + 1;
    serials.set(village.countyCode, serial);
    yield {
      household: {
        householdNo: village.countyCode + String(serial).padStart(8, '0'),
        countyCode: village.countyCode, villageCode: village.code, hukou,
        address: randomAddress(rng, village.townshipName, village.name, urban), phone,
        ...randomBankAccount(rng, urban),
        povertyFile: !urban && rng.chance(POVERTY_FILE_SHARE_RURAL), agricultural: !urban,
        categories: householdCategories(rng, people),
      },
      members,
      incomes: randomIncomes(rng, earners, urban, standardOf(village.countyCode, hukou), threeNos),
      assets: randomAssets(rng, urban, headId),
    };
  }
}

/** Villages differ in size (log-normal weights); urban communities together take about 25%. */
function villageTable(rng: Random, villages: readonly DemoVillage[]): (rng: Random) => DemoVillage {
  const weights = villages.map(() => rng.logNormal(0, 0.5));
  const total = (urban: boolean) => villages.reduce((sum, v, i) => sum + (v.urban === urban ? weights[i] ?? 0 : 0), 0);
  const urbanTotal = total(true), ruralTotal = total(false);
  const share = (urban: boolean) => (urbanTotal === 0 || ruralTotal === 0 ? 1 : urban ? URBAN_SHARE / urbanTotal : (1 - URBAN_SHARE) / ruralTotal);
  return weightedTable(villages.map((v, i) => [v, (weights[i] ?? 0) * share(v.urban)] as const));
}

/** Children and grandchildren take the father's surname; the head's father shares the head's. */
function familySurnames(rng: Random, people: readonly PersonSketch[]): string[] {
  const headName = randomSurname(rng);
  const spouse = people.find((p) => p.relation === 'spouse');
  const spouseName = spouse === undefined ? headName : randomSurname(rng);
  const childName = people[0]?.sex === 'female' && spouse !== undefined ? spouseName : headName;
  return people.map((p) => {
    switch (p.relation) {
      case 'head': case 'sibling': return headName;
      case 'spouse': return spouseName;
      case 'child': case 'grandchild': return childName;
      case 'parent': return p.sex === 'male' ? headName : randomSurname(rng);
      case 'other': return randomSurname(rng);
    }
  });
}
