import { Select } from 'antd';
import { useState } from 'react';
import type { ClaimantKind } from '../../../../src/modules/wishes/contract.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useT } from '../../i18n/context.ts';
import { claimants } from './api.ts';

/**
 * Picks the claiming organisation, team or volunteer from the wish county's register: searchable by name,
 * showing names (a volunteer's masked, as in the volunteers lists) and what tells them apart, never an id.
 */
export function ClaimantPicker({ wishNo, kind, value, onChange }: { wishNo: string; kind: ClaimantKind; value?: number; onChange?: (id: number | undefined) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const registerKind = kind === 'donor' ? 'team' : kind;
  const data = useApiData(() => claimants(wishNo, registerKind, search), [wishNo, registerKind, search]);
  // The picked entry stays labelled while another search shows other entries (a bare value would show its id).
  const [picked, setPicked] = useState<{ value: number; label: string } | null>(null);
  const options = (data.data?.items ?? []).map((c) => ({ value: c.id, label: c.detail === '' ? c.label : `${c.label}（${c.detail}）` }));
  if (picked && picked.value === value && !options.some((o) => o.value === picked.value)) options.unshift(picked);
  return (
    <Select<number>
      showSearch allowClear filterOption={false} data-testid="claimant-entry" value={value} onSearch={setSearch}
      onChange={(v) => { setPicked(options.find((o) => o.value === v) ?? null); onChange?.(v); }}
      loading={data.loading} placeholder={t('wishes.step.claimantSearch')} notFoundContent={data.loading ? t('wishes.step.loading') : t('wishes.step.noEntries')}
      options={options}
    />
  );
}
