import { Button, Input, Select, Space, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { useProgrammes } from '../../api/useProgrammes.ts';
import type { SelectedArea } from '../../area/context.ts';
import { VillageSelect } from '../../components/VillageSelect.tsx';
import { useT } from '../../i18n/context.ts';
import type { InboxFilters } from './api.ts';

/** The inbox's filters: programme, state (labels of the registry), village under the working area, overdue only, name / ID search. */
export function InboxFilterBar({ root, value, onChange }: { root: SelectedArea; value: InboxFilters; onChange: (f: InboxFilters) => void }) {
  const t = useT();
  const programmes = useProgrammes();
  const [q, setQ] = useState(value.q ?? '');
  const set = (patch: InboxFilters) => onChange({ ...value, ...patch });
  // The states of the chosen programme, else of every programme (one option per code).
  const states = useMemo(() => {
    const chosen = programmes.items.filter((p) => !value.programme || p.code === value.programme);
    const seen = new Map<string, string>();
    for (const p of chosen) for (const s of p.states) if (!seen.has(s.code)) seen.set(s.code, programmes.state(p.code, s.code));
    return [...seen].map(([code, label]) => ({ value: code, label }));
  }, [programmes, value.programme]);

  return (
    <Space wrap data-testid="inbox-filters">
      <Select
        allowClear
        style={{ minWidth: 160 }}
        placeholder={t('cases.filter.allProgrammes')}
        aria-label={t('cases.filter.allProgrammes')}
        value={value.programme}
        onChange={(v: string | undefined) => set({ programme: v || undefined, state: undefined })}
        options={programmes.items.map((p) => ({ value: p.code, label: programmes.name(p.code) }))}
        data-testid="inbox-programme"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        style={{ minWidth: 160 }}
        placeholder={t('cases.filter.allStates')}
        aria-label={t('cases.filter.allStates')}
        value={value.state}
        onChange={(v: string | undefined) => set({ state: v || undefined })}
        options={states}
        data-testid="inbox-state"
      />
      <div style={{ minWidth: 200 }}>
        <VillageSelect root={root} allowClear value={value.village} onChange={(v) => set({ village: v || undefined })} placeholder={t('cases.filter.village')} testId="inbox-village" />
      </div>
      <Space>
        <Switch aria-label={t('cases.filter.overdue')} checked={value.overdue === true} onChange={(on) => set({ overdue: on || undefined })} data-testid="inbox-overdue" />
        <span>{t('cases.filter.overdue')}</span>
      </Space>
      <Input.Search
        allowClear
        style={{ width: 260 }}
        placeholder={t('cases.filter.search')}
        value={q}
        maxLength={50}
        onChange={(e) => setQ(e.target.value)}
        onSearch={(v) => set({ q: v.trim() || undefined })}
        data-testid="inbox-search"
      />
      <Button
        onClick={() => {
          setQ('');
          onChange({});
        }}
      >
        {t('cases.filter.reset')}
      </Button>
    </Space>
  );
}
