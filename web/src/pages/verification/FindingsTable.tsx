import { Button, Input, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { Translate } from '../../i18n/context.ts';
import { useT } from '../../i18n/context.ts';
import { RESOLUTIONS, yuan, type Finding, type Resolution } from './api.ts';

export function valueOf(f: Finding): string {
  if (f.amount === null) return f.detail ?? (f.eventDate ?? '');
  const v = f.unit === 'fen' ? `${yuan(f.amount)} 元` : f.unit === 'm2' ? `${f.amount} m²` : String(f.amount);
  return [v, f.detail].filter(Boolean).join(' · ');
}

export function resolutionLabel(t: Translate, r: Resolution): string {
  return t(`verification.resolution.${r}`);
}

function ResolveCell({ f, onResolve }: { f: Finding; onResolve: (id: number, r: Resolution, note: string) => Promise<void> }) {
  const t = useT();
  const [resolution, setResolution] = useState<Resolution>(f.breaksLimit ? 'confirmed' : 'explained');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <Space.Compact data-testid={`resolve-${f.id}`}>
      <Select<Resolution> size="small" value={resolution} onChange={setResolution} style={{ width: 110 }} options={RESOLUTIONS.map((r) => ({ value: r, label: resolutionLabel(t, r) }))} data-testid="resolution" />
      <Input size="small" placeholder={t('verification.resolveNote')} value={note} onChange={(e) => setNote(e.target.value)} style={{ width: 200 }} data-testid="resolution-note" />
      <Button size="small" type="primary" loading={busy} disabled={note.trim().length < 4} onClick={() => {
        setBusy(true);
        void onResolve(f.id, resolution, note.trim()).finally(() => setBusy(false));
      }} data-testid="resolution-save">{t('verification.resolve')}</Button>
    </Space.Compact>
  );
}

/** Findings of one request: person, source, item, value, match, limit, and the caseworker's resolution. */
export function FindingsTable({ findings, onResolve }: { findings: Finding[]; onResolve: ((id: number, r: Resolution, note: string) => Promise<void>) | null }) {
  const t = useT();
  return (
    <Table<Finding>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={findings}
      locale={{ emptyText: t('verification.case.noFindings') }}
      columns={[
        { key: 'person', title: t('verification.col.person'), render: (_, f) => f.personName },
        { key: 'source', title: t('verification.col.source'), render: (_, f) => f.sourceLabel },
        { key: 'item', title: t('verification.col.item'), render: (_, f) => (f.relation ? `${f.itemLabel} ${f.officialName ?? ''}（${f.relationLabel ?? ''}）` : f.itemLabel) },
        { key: 'value', title: t('verification.col.value'), render: (_, f) => valueOf(f) },
        { key: 'match', title: t('verification.col.match'), render: (_, f) => <Tag color={f.match === 'id' ? 'blue' : 'orange'}>{t(`verification.match.${f.match}`)}</Tag> },
        { key: 'limit', title: t('verification.col.limit'), render: (_, f) => <Tooltip title={f.limitNote}><Tag color={f.breaksLimit ? 'red' : 'green'}>{f.breaksLimit ? t('verification.breaks') : t('verification.within')}</Tag></Tooltip> },
        {
          key: 'resolution', title: t('verification.col.resolution'), render: (_, f) => (f.resolution
            ? <Tooltip title={`${f.note ?? ''} — ${f.resolvedBy ?? ''} ${f.resolvedOn ?? ''}`}><Tag data-testid={`resolved-${f.id}`}>{resolutionLabel(t, f.resolution)}</Tag></Tooltip>
            : onResolve ? <ResolveCell f={f} onResolve={onResolve} /> : null),
        },
      ]}
    />
  );
}
