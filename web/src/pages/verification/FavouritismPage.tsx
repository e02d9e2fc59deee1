import { Alert, Card } from 'antd';
import { useApiData } from '../../api/useApiData.ts';
import { useSelectedArea } from '../../area/context.ts';
import { useT } from '../../i18n/context.ts';
import { fetchFavouritism } from './api.ts';
import { ListedFindings } from './ListedFindings.tsx';
import { VerificationNav } from './VerificationNav.tsx';

/** 关系保排查: applicants and recipients who are close relatives of staff or village cadres of the same area. */
export default function FavouritismPage() {
  const t = useT();
  const { area } = useSelectedArea();
  const data = useApiData(() => fetchFavouritism(area.code), [area.code]);
  return (
    <>
      <VerificationNav />
      <Card title={t('verification.favouritism.title')}>
        {data.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: data.error.message })} />}
        <ListedFindings items={data.data?.items ?? []} loading={data.loading} testId="favouritism-list" kin />
      </Card>
    </>
  );
}
