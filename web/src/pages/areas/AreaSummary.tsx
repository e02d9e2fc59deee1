import { Alert, Breadcrumb, Card, Col, Row, Skeleton, Statistic, Tag } from 'antd';
import { fetchArea } from '../../api/areas.ts';
import type { AreaLevel } from '../../api/types.ts';
import { useApiData } from '../../api/useApiData.ts';
import type { SelectedArea } from '../../area/context.ts';
import { useT } from '../../i18n/context.ts';
import { UrbanControl } from './UrbanControl.tsx';

const BELOW: Record<AreaLevel, ('county' | 'township' | 'village')[]> = {
  prefecture: ['county', 'township', 'village'],
  county: ['township', 'village'],
  township: ['village'],
  village: [],
};

/** The selected area: its path and how many areas of each level lie under it. */
export function AreaSummary({ area }: { area: SelectedArea }) {
  const t = useT();
  const detail = useApiData(() => fetchArea(area.code), [area.code]);
  const d = detail.data;

  return (
    <Card
      data-testid="area-summary"
      title={
        <span>
          {area.name} <Tag>{t(`level.${area.level}`)}</Tag>
          {d?.area.kind === 'functional_zone' && <Tag color="orange">{t('kind.functional_zone')}</Tag>}
        </span>
      }
      extra={<span data-code>{area.code}</span>}
    >
      {detail.error && <Alert type="error" message={t('common.loadFailed', { message: detail.error.message })} />}
      {detail.loading && <Skeleton active paragraph={{ rows: 1 }} />}
      {d && (
        <>
          <Breadcrumb
            style={{ marginBottom: 16 }}
            items={[...d.ancestors, d.area].map((a) => ({ title: a.name }))}
          />
          <Row gutter={24}>
            {BELOW[area.level].map((level) => (
              <Col key={level}>
                <Statistic title={t(`areas.count.${level}`)} value={d.counts[level]} />
              </Col>
            ))}
          </Row>
          <UrbanControl area={d.area} onSaved={detail.reload} />
        </>
      )}
    </Card>
  );
}
