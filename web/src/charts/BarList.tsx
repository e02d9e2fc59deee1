// Horizontal bars drawn with plain elements, for the few-figure charts of pages that must stay light (the home
// page): ECharts (about 170 KB compressed) is loaded only by pages with real charts (EChart.tsx).
interface BarListProps {
  names: string[];
  values: number[];
  /** What the values count, read by screen readers with each bar. */
  label: string;
  testId?: string;
}

const COLOR = '#1677ff';

export function BarList({ names, values, label, testId }: BarListProps) {
  const max = Math.max(1, ...values);
  return (
    <ul data-testid={testId} aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {names.map((name, i) => {
        const value = values[i] ?? 0;
        return (
          <li key={`${name}-${i}`} style={{ display: 'flex', alignItems: 'center', gap: 8, marginBottom: 8 }}>
            <span style={{ flex: '0 0 9em', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={name}>{name}</span>
            <span style={{ flex: '1 1 auto' }} aria-hidden="true">
              <span style={{ display: 'block', height: 16, width: `${(value / max) * 100}%`, minWidth: value > 0 ? 2 : 0, background: COLOR, borderRadius: 2 }} />
            </span>
            <span style={{ flex: '0 0 3em', textAlign: 'right' }}>{value}</span>
          </li>
        );
      })}
    </ul>
  );
}
