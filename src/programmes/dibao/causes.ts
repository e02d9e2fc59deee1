// The causes of poverty 低保 counts its households by (figures in stats.ts, words in report.ts).
/**
 * 低保 households by their main cause of poverty (the registry's 致贫原因 codes): cause, figure key and
 * the words the report uses (因病致贫返贫, 因灾致贫返贫 as the seed says them).
 */
export const CAUSES: readonly (readonly [cause: string, key: string, zh: string, en: string])[] = [
  ['illness', 'illnessHouseholds', '因病致贫返贫', 'illness'],
  ['disaster', 'disasterHouseholds', '因灾致贫返贫', 'disaster'],
  ['disability', 'disabilityHouseholds', '因残致贫', 'disability'],
  ['schooling', 'schoolingHouseholds', '因学致贫', 'schooling'],
  ['lack_of_labour', 'lackOfLabourHouseholds', '缺劳力致贫', 'lack of labour'],
  ['lack_of_skills', 'lackOfSkillsHouseholds', '缺技术致贫', 'lack of skills'],
  ['other', 'otherCauseHouseholds', '其他原因致贫', 'other causes'],
];
