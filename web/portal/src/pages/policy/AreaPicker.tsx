import { Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { portalApi } from '../../api/client.ts';
import { useT } from '../../i18n/context.ts';
import type { MessageKey } from '../../i18n/zh-CN.ts';
import type { AreaItem } from '../apply/api.ts';

const LEVELS: MessageKey[] = ['area.prefecture', 'area.county', 'area.township', 'area.village'];
/** The codes of a village's ancestors and its own: 州, 县, 乡镇, 村. */
const pathOf = (village: string) => [`${village.slice(0, 4)}00`, village.slice(0, 6), village.slice(0, 9), village];

/** 州 → 县 → 乡镇 → 村, by name (codes stay inside); `onChange` gets the village's code, or undefined until one is chosen. */
export function AreaPicker({ value, onChange, id }: { value?: string; onChange?: (code: string | undefined) => void; id?: string }) {
  const t = useT();
  const [path, setPath] = useState<string[]>(value ? pathOf(value) : []);
  const [options, setOptions] = useState<AreaItem[][]>([]);

  useEffect(() => {
    if (value && value !== path[3]) setPath(pathOf(value));
  }, [value, path]);

  useEffect(() => {
    const abort = new AbortController();
    const parents = [undefined, ...path.slice(0, 3)];
    void Promise.all(parents.map((p, i) => (i === 0 || p ? portalApi<{ items: AreaItem[] }>(`/areas${p ? `?parent=${p}` : ''}`, { signal: abort.signal }).then((r) => r.items) : Promise.resolve([]))))
      .then((lists) => setOptions(lists))
      .catch(() => undefined);
    return () => abort.abort();
  }, [path]);

  const choose = (level: number, code: string | undefined) => {
    const next = [...path.slice(0, level), ...(code ? [code] : [])];
    setPath(next);
    onChange?.(next.length === 4 ? next[3] : undefined);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} id={id}>
      {LEVELS.map((level, i) => (
        <Select
          key={level}
          id={`area-level-${i}`}
          value={path[i]}
          onChange={(code: string) => choose(i, code)}
          disabled={i > 0 && !path[i - 1]}
          options={(options[i] ?? []).map((a) => ({ value: a.code, label: a.name }))}
          placeholder={t('area.choose', { level: t(level) })}
          aria-label={t(level)}
          showSearch
          optionFilterProp="label"
          style={{ width: '100%' }}
          data-testid={`area-${i}`}
        />
      ))}
    </Space>
  );
}
