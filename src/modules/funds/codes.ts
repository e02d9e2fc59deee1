// Codes of the funds module and their Chinese labels (staff see only the labels).
export const FUND_SOURCES = ['central', 'provincial', 'prefecture', 'county'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

export const FUND_SOURCE_LABELS: Record<FundSource, string> = { central: '中央', provincial: '省级', prefecture: '州级', county: '县级' };
