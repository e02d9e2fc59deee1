// The English messages: loaded only with the English dictionary (i18n/english.ts), not on the first screen.
import type { casesConfirmZhCN } from './confirm.ts';

export const casesConfirmEn: Record<keyof typeof casesConfirmZhCN, string> = {
  'cases.confirm.batch': '{n} {programme} cases awaiting county review will form one batch (dated {date}); a batch cannot be split. Create it?',
  'cases.confirm.batchNone': 'No {programme} case awaits county review outside a batch',
  'cases.confirm.batchOk': 'Create batch',
  'cases.confirm.sample': '{count} of {size} cases ({ratio}) will be drawn for a home visit{flagged}, seed {seed}; the sample cannot be drawn again. Draw it?',
  'cases.confirm.sampleFlagged': ', the {n} flagged (relatives of staff, complaints) always among them',
  'cases.confirm.sampleRandomSeed': 'random',
  'cases.confirm.sampleOk': 'Draw',
  'cases.confirm.suspend': 'From {month} the {amount} yuan a month will no longer be paid; resuming needs a new approval. Suspend?',
  'cases.confirm.suspendNoAmount': 'Payment stops from {month}; resuming needs a new approval. Suspend?',
  'cases.confirm.exit': 'From {month} the {amount} yuan a month will no longer be paid and the case ends for good. Exit?',
  'cases.confirm.exitNoAmount': 'Payment stops from {month} and the case ends for good. Exit?',
  'cases.confirm.death': 'Once the death ({date}) is recorded the case goes to a death review: the {amount} yuan a month is recomputed or stopped. Record it?',
  'cases.confirm.deathNoAmount': 'Once the death ({date}) is recorded the case goes to a death review: the benefit is recomputed or stopped. Record it?',
  'cases.confirm.stopOk': 'Stop payment',
  'cases.confirm.deathOk': 'Record the death',
};
