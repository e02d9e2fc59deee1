import { Card, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { searchAreas } from '../../api/areas.ts';
import type { AreaSearchHit } from '../../api/types.ts';
import type { SelectedArea } from '../../area/context.ts';
import { useT } from '../../i18n/context.ts';

/** Search within scope; clicking a match selects it. */
export function AreaSearch({ onSelect }: { onSelect: (area: SelectedArea) => void }) {
  const t = useT();
  const [hits, setHits] = useState<AreaSearchHit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const run = async (q: string) => {
    const query = q.trim();
    if (!query) {
      setHits(null);
      return;
    }
    setLoading(true);
    setError(null);
    try {
      setHits(await searchAreas(query));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Card title={t('areas.search.results')}>
      <Input.Search
        data-testid="area-search"
        placeholder={t('areas.search.placeholder')}
        enterButton={t('common.search')}
        allowClear
        loading={loading}
        onSearch={(q) => void run(q)}
      />
      {error && <Typography.Text type="danger">{t('common.loadFailed', { message: error })}</Typography.Text>}
      {hits && (
        <List
          data-testid="area-search-results"
          style={{ marginTop: 16 }}
          dataSource={hits}
          locale={{ emptyText: t('areas.search.empty') }}
          renderItem={(hit) => (
            <List.Item
              style={{ cursor: 'pointer' }}
              onClick={() => onSelect({ code: hit.code, name: hit.name, level: hit.level })}
            >
              <List.Item.Meta
                title={
                  <span>
                    {hit.name} <Tag>{t(`level.${hit.level}`)}</Tag>
                  </span>
                }
                description={<>{hit.pathNames.join(' / ')} · <span data-code>{hit.code}</span></>}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
