import type { ReactNode } from 'react';

export type Tone = 'progress' | 'good' | 'warn' | 'bad' | 'neutral';

// antd's preset tag colours are too light for text (2.2:1); these keep 4.5:1 or more (WCAG AA).
const TONES: Record<Tone, { color: string; background: string; border: string }> = {
  progress: { color: '#003eb3', background: '#e6f4ff', border: '#91caff' },
  good: { color: '#135200', background: '#f6ffed', border: '#95de64' },
  warn: { color: '#873800', background: '#fff7e6', border: '#ffc069' },
  bad: { color: '#820014', background: '#fff1f0', border: '#ffa39e' },
  neutral: { color: '#262626', background: '#f5f5f5', border: '#d9d9d9' },
};

/** A short status in words, coloured by its tone. */
export function StatusTag({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  const c = TONES[tone];
  return (
    <span title={title} style={{ display: 'inline-block', padding: '2px 8px', borderRadius: 4, border: `1px solid ${c.border}`, color: c.color, background: c.background, fontSize: '0.9em', lineHeight: 1.5 }}>
      {children}
    </span>
  );
}
