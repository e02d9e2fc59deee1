/** Plausible names of 黔南: Han, Buyi, Miao and Shui surnames; given names by sex and generation. */
import { weightedTable, type Random } from '../../../../kernel/random.ts';
import type { Sex } from '../types.ts';

// Rough shares for 黔南 (布依族 韦 蒙 莫 岑 班; 苗族 杨 吴 龙 石 潘; 水族 韦 蒙 潘 陆).
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 60], ['罗', 55], ['吴', 50], ['杨', 55], ['陈', 45], ['韦', 50], ['蒙', 30], ['石', 28],
  ['潘', 30], ['张', 40], ['李', 40], ['刘', 30], ['黄', 30], ['莫', 22], ['龙', 20], ['欧', 10],
  ['岑', 10], ['班', 8], ['陆', 15], ['周', 15], ['赵', 12], ['何', 14], ['胡', 10], ['宋', 8],
  ['唐', 10], ['谢', 9], ['余', 9], ['袁', 8], ['梁', 9], ['田', 12], ['郭', 7], ['冯', 6],
  ['肖', 7], ['邓', 9], ['金', 6], ['蒋', 6], ['姚', 5], ['熊', 7], ['卢', 6], ['吕', 5],
  ['孙', 6], ['朱', 8], ['徐', 7], ['曾', 6], ['万', 4], ['文', 5], ['雷', 6], ['付', 5],
  ['欧阳', 2], ['上官', 1],
];

type Era = 'old' | 'middle' | 'young';
const GIVEN: Record<Era, Record<Sex, readonly string[]>> = {
  old: {
    male: [...'国建德文明光荣发富贵学成正忠华金永开志昌兴富顺和福祥忠保安有'],
    female: [...'秀英兰珍芳桂花玉凤翠琴梅美菊莲云香仙素珍菊芬银淑'],
  },
  middle: {
    male: [...'伟勇军斌强林平刚涛海波峰辉杰明云飞龙鹏华超健东亮'],
    female: [...'丽敏静燕艳红霞梅芳玲娟琴萍英慧婷莉群丹琳蓉'],
  },
  young: {
    male: [...'浩宇轩子俊杰豪博文鑫睿泽涛阳晨磊一天思梓航宸铭'],
    female: [...'欣怡雨涵萱佳琪思雪梦婷彤瑶颖诗可晴悦馨梓琳'],
  },
};

const surnameTable = weightedTable(SURNAMES);

export function randomSurname(rng: Random): string {
  return surnameTable(rng);
}

export function randomGivenName(rng: Random, sex: Sex, birthYear: number): string {
  const era: Era = birthYear < 1960 ? 'old' : birthYear < 1990 ? 'middle' : 'young';
  const chars = GIVEN[era][sex];
  if (rng.chance(0.2)) return rng.pick(chars);
  return rng.pick(chars) + rng.pick(chars);
}
