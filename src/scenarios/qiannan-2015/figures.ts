// The seed's figures for 2015 (shared/seed: 黔南州民政局2015年工作总结, part one) that the scenario is built to
// state, and the assumptions the seed leaves open (marked ASSUMED, with the reason). Persons are at full scale;
// the loader multiplies them by its scale (1 = the seed's 29.7万).

/** 都匀市, 福泉市 and 都匀经济开发区: the first tier of standards; the ten counties are the second. */
export const TIER_1 = new Set(['522701', '522702', '522790']);

export const SEED = {
  /** 全州有城乡低保对象29.7万人，比上年减少29.2%. */
  dibaoPersons2015: 297_000,
  dibaoReduction: 0.292,
  /** 城低保、农低保月人均补差305.24元、135.6元，分别增长15.5%、50% (fen per person and month). */
  urbanGap2015Fen: 30_524,
  ruralGap2015Fen: 13_560,
  urbanGapGrowth: 0.155,
  ruralGapGrowth: 0.5,
  /** 低保对象中享受增发补助金的特殊困难对象9.34万人. */
  topupPersons2015: 93_400,
  /** 全州供养特困人员（五保、三无、孤儿）10072人，其中集中供养对象3935人，集中供养率达39%，比上年同期增长26（个百分点）. */
  hardshipPersons2015: 10_072,
  hardshipInstitutional2015: 3_935,
  institutionalRatePointsUp: 0.26,
  /** 全州投入使用43所敬老院32所完成事业单位法人登记…有编制人员74个、管理服务人员302人. */
  nursingHomes: 43,
  registered: 32,
  posts: 74,
  staff: 302,
  /** 五星级4个、四星级2个、三星级3个，分别是上年的400%、100%、75%: a year earlier 1, 2 and 4. */
  stars2015: { 5: 4, 4: 2, 3: 3 } as Record<number, number>,
  stars2014: { 5: 1, 4: 2, 3: 4 } as Record<number, number>,
  /** 2015年我州建设敬老院20所（省补助7所、中央彩票公益金补助13所）. */
  builtProvincial: 7,
  builtCentralLottery: 13,
} as const;

/**
 * ASSUMED — the 2014 standards (yuan; urban a month, rural a year). The seed gives only the 2015 averages and
 * their growth (453元/月 and 2594元/年, up 17.35% and 30.47%); these tiers reproduce both to the hundredth of a
 * per cent: urban (3×425 + 10×374) ÷ 13 = 385.77, rural (3×2045 + 10×1971) ÷ 13 = 1988.08.
 */
export const STANDARDS_2014 = { urbanTier1: 425, urbanTier2: 374, ruralTier1: 2045, ruralTier2: 1971 } as const;

/** 2014 特困 support standards (yuan a year): 2015's 3500 and 2200 are 159.1% and 122.2% of them. */
export const SUPPORT_2014 = { institutional: 2200, homeBased: 1800 } as const;
export const SUPPORT_2015 = { institutional: 3500, homeBased: 2200 } as const;

/** ASSUMED — the urban share of 低保 persons (the seed gives none; 黔南州 is mostly rural). */
export const URBAN_SHARE_2015 = 0.12;
export const URBAN_SHARE_2014 = 0.1;
/** ASSUMED — 特困 persons who are urban 三无 (the rest rural 五保; the seed gives no split). */
export const URBAN_HARDSHIP_SHARE = 0.05;

/**
 * ASSUMED — 特困 flows the seed does not give, chosen so that its figures hold: a year earlier 9,600 persons of
 * whom 1,248 in institutions (13.0%, so that 39.07% is 26 points more). In 2015 the 2,815 leaving home-based
 * support (most moved into the new homes) and 2,687 new institutional and 600 new home-based persons.
 */
export const HARDSHIP_FLOWS = { stayHome: 5_537, stayInstitution: 1_248, leftHome: 2_815, newInstitution: 2_687, newHome: 600 } as const;

/** ASSUMED — 致贫原因 of 低保 households (shares); the seed names 因病致贫返贫、因灾致贫返贫 without figures. */
export const CAUSE_SHARES: readonly [string, number][] = [
  ['illness', 0.34], ['disability', 0.16], ['lack_of_labour', 0.2], ['disaster', 0.1], ['schooling', 0.08], ['lack_of_skills', 0.07], ['other', 0.05],
];
