import { Tag } from 'antd';
import type { Attribute } from '../../../../src/modules/dci/contract.ts';
import { useDciT } from './i18n.ts';

/** The attributes a system sees, by name; those it reads unmasked marked so. */
export function AttributeTags({ attributes, unmasked }: { attributes: readonly Attribute[]; unmasked: readonly Attribute[] }) {
  const t = useDciT();
  return (
    <>
      {attributes.map((a) => (
        <Tag key={a} color={unmasked.includes(a) ? 'orange' : undefined} style={{ marginBottom: 4 }}>
          {t(`dci.attr.${a}`)}
          {unmasked.includes(a) ? `（${t('dci.unmaskedTag')}）` : ''}
        </Tag>
      ))}
    </>
  );
}
