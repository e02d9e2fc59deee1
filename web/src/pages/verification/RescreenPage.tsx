import { Alert, Button, Card, List, message } from 'antd';
import { useState } from 'react';
import { useApiData } from '../../api/useApiData.ts';
import { useSelectedArea } from '../../area/context.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { fetchRescreenFindings, fetchRescreenRuns, runRescreen } from './api.ts';
import { ListedFindings } from './ListedFindings.tsx';
import { VerificationNav } from './VerificationNav.tsx';

/** 定期比对: the runs, a button to run one now (county and prefecture), and the new findings over a limit in the working area. */
export default function RescreenPage() {
  const t = useT();
  const me = useCurrentUser();
  const { area } = useSelectedArea();
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [toast, holder] = message.useMessage();
  const runs = useApiData(() => fetchRescreenRuns(), [version]);
  const findings = useApiData(() => fetchRescreenFindings(area.code, true), [area.code, version]);
  return (
    <>
      {holder}
      <VerificationNav />
      <Card title={t('verification.rescreen.runs')} extra={can(me, 'verification.rescreen') && (
        <Button type="primary" loading={busy} data-testid="rescreen-run" onClick={() => {
          setBusy(true);
          runRescreen().then((r) => {
            void toast.success(t('verification.rescreen.done', { findings: r.findings, warnings: r.warnings }));
            setVersion((v) => v + 1);
          }).catch((e: Error) => void toast.error(e.message)).finally(() => setBusy(false));
        }}>{t('verification.rescreen.run')}</Button>
      )} style={{ marginBottom: 16 }}>
        {runs.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: runs.error.message })} />}
        <List size="small" loading={runs.loading} dataSource={(runs.data ?? []).slice(0, 5)} locale={{ emptyText: t('common.noData') }}
          renderItem={(r) => <List.Item>{t('verification.rescreen.summary', { asOf: r.asOf, cases: r.cases, findings: r.findings, warnings: r.warnings })}</List.Item>} />
      </Card>
      <Card title={t('verification.rescreen.findings')}>
        {findings.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: findings.error.message })} />}
        <ListedFindings items={findings.data?.items ?? []} loading={findings.loading} testId="rescreen-findings" />
      </Card>
    </>
  );
}
