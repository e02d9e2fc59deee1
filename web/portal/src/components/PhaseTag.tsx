import { Tag } from 'antd';
import type { Phase } from '../api/types.ts';
import { useT } from '../i18n/context.ts';

const COLORS: Record<Phase, string> = { pending: 'processing', granted: 'success', payable: 'success', suspended: 'warning', terminal: 'default' };

/** The case's state in words, coloured by its phase. */
export function PhaseTag({ phase, state }: { phase: Phase; state: string }) {
  const t = useT();
  return <Tag color={COLORS[phase]} title={t(`phase.${phase}`)} style={{ fontSize: '0.9em', padding: '2px 8px', whiteSpace: 'normal' }}>{state}</Tag>;
}
