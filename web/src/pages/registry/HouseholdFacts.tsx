import { Descriptions, Tag } from 'antd';
import { useT } from '../../i18n/context.ts';
import type { HouseholdView } from './api.ts';
import { categoryLabel, codeLabel, hukouLabel, yesNo } from './format.ts';

/** The household's own facts: village, hukou, address, contact, bank account, flags, categories, causes of poverty (main one marked). */
export function HouseholdFacts({ household: h }: { household: HouseholdView }) {
  const t = useT();
  const dash = (v: string) => v || '—';
  return (
    <Descriptions
      data-testid="household-facts"
      size="small"
      bordered
      column={{ xs: 1, md: 2, xl: 3 }}
      items={[
        { key: 'no', label: t('registry.field.householdNo'), children: <span data-code>{h.householdNo}</span> },
        { key: 'village', label: t('registry.field.villageCode'), children: h.villageName },
        { key: 'hukou', label: t('registry.field.hukou'), children: hukouLabel(t, h.hukou) },
        { key: 'address', label: t('registry.field.address'), children: h.address },
        { key: 'phone', label: t('registry.field.phone'), children: dash(h.phone) },
        { key: 'bank', label: t('registry.field.bankName'), children: dash(h.bankName) },
        { key: 'account', label: t('registry.field.bankAccount'), children: dash(h.bankAccount) },
        {
          key: 'flags',
          label: t('registry.field.flags'),
          children: [
            t('registry.fmt.labelled', { label: t('registry.field.povertyFile'), value: yesNo(t, h.povertyFile) }),
            t('registry.fmt.labelled', { label: t('registry.field.agricultural'), value: yesNo(t, h.agricultural) }),
          ].join(t('registry.fmt.items')),
        },
        {
          key: 'categories',
          label: t('registry.field.householdCategories'),
          children: h.categories.length ? h.categories.map((c) => <Tag key={c}>{categoryLabel(t, c)}</Tag>) : '—',
        },
        {
          key: 'causes',
          label: t('registry.field.povertyCauses'),
          children: h.povertyCauses.length
            ? h.povertyCauses.map((c) => {
              const label = codeLabel(t, 'povertyCauses', c) ?? c;
              return c === h.mainPovertyCause
                ? <Tag key={c} color="volcano">{t('registry.cause.main', { cause: label })}</Tag>
                : <Tag key={c}>{label}</Tag>;
            })
            : '—',
        },
      ]}
    />
  );
}
