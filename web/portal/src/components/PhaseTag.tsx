import type { Phase } from '../api/types.ts';
import { useT } from '../i18n/context.ts';
import { StatusTag, type Tone } from './StatusTag.tsx';

const TONES: Record<Phase, Tone> = { pending: 'progress', granted: 'good', payable: 'good', suspended: 'warn', terminal: 'neutral' };

/** The case's state in words, coloured by its phase. */
export function PhaseTag({ phase, state }: { phase: Phase; state: string }) {
  const t = useT();
  return <StatusTag tone={TONES[phase]} title={t(`phase.${phase}`)}>{state}</StatusTag>;
}
