/**
 * Hands out ID numbers that are unique across a whole demo run without remembering them: a counter per
 * (area prefix, birth day, sex) in a typed array (~170 KB per prefix) gives each person the next free
 * sequence number of that cell.
 */
import { makeIdNumber, type Sex } from '../../../../kernel/id-number.ts';

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1900, 0, 1);
const PER_SEX = 500; // sequence numbers 000–999, odd for men, even for women

export function dayIndex(isoDate: string): number {
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - EPOCH) / DAY_MS);
}

export function dateOfDay(index: number): string {
  return new Date(EPOCH + index * DAY_MS).toISOString().slice(0, 10);
}

export class IdAllocator {
  private readonly counts = new Map<string, Uint16Array>();
  private readonly days: number;

  /** `lastDate`: the latest birth date that may be handed out (the demo's reference date). */
  constructor(lastDate: string) {
    this.days = dayIndex(lastDate) + 1;
  }

  /**
   * A new number for a person born on `birthDate` (ISO). When 500 people of that sex, area and day
   * already exist, the birth date moves one day earlier; the date actually used is returned.
   */
  next(areaPrefix: string, birthDate: string, sex: Sex): { idNumber: string; birthDate: string } {
    let counts = this.counts.get(areaPrefix);
    if (counts === undefined) {
      counts = new Uint16Array(this.days * 2);
      this.counts.set(areaPrefix, counts);
    }
    const sexBit = sex === 'male' ? 1 : 0;
    for (let day = Math.min(dayIndex(birthDate), this.days - 1); day >= 0; day--) {
      const cell = day * 2 + sexBit;
      const k = counts[cell] as number;
      if (k >= PER_SEX) continue;
      counts[cell] = k + 1;
      // 37 is coprime to 500, so k → (37k + offset) mod 500 is a permutation: numbers look scattered,
      // never repeat.
      const seq = ((k * 37 + day * 7 + 123) % PER_SEX) * 2 + sexBit;
      const date = dateOfDay(day);
      return { idNumber: makeIdNumber(areaPrefix, date, seq), birthDate: date };
    }
    throw new RangeError(`no ID numbers left for ${areaPrefix}`);
  }
}
