import { Alert, Button, Radio, Space, Table } from 'antd';
import { useState } from 'react';
import { useT } from '../../i18n/context.ts';
import { fieldLabel, formatValue } from '../registry/timelineDiff.ts';
import type { Choice, FieldConflict, FieldName } from './conflict.ts';

/** The conflicting fields of a visit, each with 原值 / 本机填写 / 服务器现值 and the clerk's choice. */
export function ConflictPanel({ conflicts, onResolve }: { conflicts: FieldConflict[]; onResolve: (choices: Partial<Record<FieldName, Choice>>) => Promise<void> }) {
  const t = useT();
  const [choices, setChoices] = useState<Partial<Record<FieldName, Choice>>>({});
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState(false);
  const show = (c: FieldConflict, v: unknown) => formatValue(t, c.field, v);

  const submit = async () => {
    if (conflicts.some((c) => !choices[c.field])) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      await onResolve(choices);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="conflict-panel">
      <Alert type="warning" showIcon message={t('offline.conflict.title')} />
      <Table<FieldConflict>
        size="small"
        rowKey="field"
        pagination={false}
        dataSource={conflicts}
        columns={[
          { title: t('offline.conflict.field'), render: (_, c) => fieldLabel(t, c.field) },
          { title: t('offline.conflict.base'), render: (_, c) => show(c, c.base) },
          { title: t('offline.conflict.local'), render: (_, c) => show(c, c.local) },
          { title: t('offline.conflict.server'), render: (_, c) => show(c, c.server) },
          {
            title: t('offline.conflict.choice'),
            render: (_, c) => (
              <Radio.Group
                aria-label={fieldLabel(t, c.field)}
                value={choices[c.field]}
                onChange={(e) => setChoices((prev) => ({ ...prev, [c.field]: e.target.value as Choice }))}
                options={[{ value: 'local', label: t('offline.conflict.keepLocal') }, { value: 'server', label: t('offline.conflict.keepServer') }]}
              />
            ),
          },
        ]}
      />
      {missing && <Alert type="error" showIcon message={t('offline.conflict.chooseAll')} />}
      <Button type="primary" loading={busy} onClick={() => void submit()} data-testid="conflict-submit">{t('offline.conflict.submit')}</Button>
    </Space>
  );
}
