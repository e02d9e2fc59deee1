// The report figures as the pages show and enter them: crop areas in 公顷 (the API: 0.01 公顷), the loss in 元 (the API: fen).
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { ReportFigures } from '../../../../src/modules/disaster/contract.ts';
import { fenToYuan, formatYuan, yuanToFen } from '../registry/money.ts';

/** Each figure: its label, and the conversions between the API's integers and what staff type. */
export const FIGURES: readonly { key: keyof ReportFigures; label: MessageKey; precision: number; toForm: (v: number) => number; toApi: (v: number) => number; show: (v: number) => string }[] = [
  ...(['affectedPersons', 'relocatedPersons', 'deaths', 'missing', 'housesCollapsed', 'housesSeriouslyDamaged', 'housesGenerallyDamaged'] as const).map((key) => ({
    key, label: `disaster.report.${key}` as MessageKey, precision: 0, toForm: (v: number) => v, toApi: (v: number) => Math.round(v), show: (v: number) => String(v),
  })),
  ...([['cropAffectedHa100', 'disaster.report.cropAffected'], ['cropFailedHa100', 'disaster.report.cropFailed']] as const).map(([key, label]) => ({
    key, label, precision: 2, toForm: (v: number) => v / 100, toApi: (v: number) => Math.round(v * 100), show: (v: number) => (v / 100).toFixed(2),
  })),
  { key: 'directLossFen', label: 'disaster.report.directLoss', precision: 2, toForm: fenToYuan, toApi: yuanToFen, show: formatYuan },
];
