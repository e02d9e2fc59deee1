// 入住与床位 of one institution: its residents (admit, transfer, discharge, death) and bed use, from the
// placements pages (集中供养), loaded with the tab.
import { lazy, Suspense } from 'react';
import type { InstitutionDetail } from '../../../../src/modules/institutions/contract.ts';
import { PageLoading } from '../../components/PageLoading.tsx';

const ResidentsPanel = lazy(() => import('../placements/ResidentsPanel.tsx'));

export function ResidentsTab({ institution }: { institution: InstitutionDetail }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <ResidentsPanel countyCode={institution.countyCode} institutionId={institution.id} />
    </Suspense>
  );
}
