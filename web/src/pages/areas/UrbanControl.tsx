import { Radio, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { setVillageUrban } from '../../api/areas.ts';
import type { Area } from '../../api/types.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';

const CAN_SET = ['county_approver', 'prefecture_admin'];

/** A village's 城镇/农村 and where it comes from; a county approver or the prefecture sets it by hand. */
export function UrbanControl({ area, onSaved }: { area: Area; onSaved: () => void }) {
  const t = useT();
  const user = useCurrentUser();
  const [busy, setBusy] = useState(false);
  if (area.urban === null) return null;
  const value = area.urban ? 'urban' : 'rural';
  const change = async (next: string) => {
    setBusy(true);
    try {
      await setVillageUrban(area.code, next === 'urban');
      void message.success(t('areas.urban.saved'));
      onSaved();
    } catch (err) {
      void message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space data-testid="area-urban" style={{ marginTop: 16 }}>
      <Typography.Text strong>{t('areas.urban.label')}</Typography.Text>
      {CAN_SET.includes(user.role) ? (
        <Radio.Group value={value} disabled={busy} onChange={(e) => void change(String(e.target.value))} optionType="button"
          options={[{ value: 'urban', label: t('areas.urban.urban') }, { value: 'rural', label: t('areas.urban.rural') }]} />
      ) : (
        <Tag>{t(`areas.urban.${value}`)}</Tag>
      )}
      <Typography.Text type="secondary">{t(`areas.urban.${area.urbanSource}`)}</Typography.Text>
    </Space>
  );
}
