import { Card, Result, Space, Spin, message } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { CaseVerification } from '../verification/CaseVerification.tsx';
import { ActionModal } from './ActionModal.tsx';
import { fetchCase, type Decision, type NextAction } from './api.ts';
import { CaseActions } from './CaseActions.tsx';
import { CaseDecisions } from './CaseDecisions.tsx';
import { CaseFacts } from './CaseFacts.tsx';
import { CaseTimeline } from './CaseTimeline.tsx';

/** The monthly amount the latest decision pays (null after a suspension, exit or rejection, or before any decision). */
function amountInForce(decisions: Decision[]): number | null {
  const last = decisions.at(-1);
  return last === undefined || ['suspend', 'exit', 'reject'].includes(last.kind) ? null : last.amountFen;
}

/** One case: facts, my next steps, the decisions and the history of steps. */
export default function CasePage() {
  const { caseNo = '' } = useParams();
  return <CaseView key={caseNo} caseNo={caseNo} />;
}

function CaseView({ caseNo }: { caseNo: string }) {
  const t = useT();
  const me = useCurrentUser();
  const [version, setVersion] = useState(0);
  const [open, setOpen] = useState<NextAction | null>(null);
  const [toast, toastHolder] = message.useMessage();
  const data = useApiData(() => fetchCase(caseNo), [caseNo, version]);
  const c = data.data;

  if (data.error) {
    const notFound = data.error instanceof ApiError && (data.error.status === 404 || data.error.status === 403);
    return <Result status={notFound ? '404' : 'error'} title={t('common.loadFailed', { message: data.error.message })} extra={<Link to="/cases">{t('cases.detail.back')}</Link>} />;
  }
  if (!c) return <Spin style={{ display: 'block', padding: 48 }} />;

  const done = (a: NextAction) => {
    setOpen(null);
    setVersion((v) => v + 1);
    void toast.success(t('cases.form.done', { label: a.label }));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="case-page">
      {toastHolder}
      <Card title={t('cases.detail.title', { caseNo: c.caseNo })} extra={<Link to="/cases">{t('cases.detail.back')}</Link>}>
        <CaseFacts c={c} />
      </Card>
      <Card title={t('cases.next.title')} loading={data.loading && !c}>
        <CaseActions actions={c.nextActions} onOpen={setOpen} />
      </Card>
      {can(me, 'verification.read') && (
        <Card title={t('verification.case.title')}>
          <CaseVerification caseNo={c.caseNo} householdNo={c.householdNo} nextActions={c.nextActions} onChanged={() => setVersion((v) => v + 1)} />
        </Card>
      )}
      <Card title={t('cases.decisions.title')}>
        <CaseDecisions caseNo={c.caseNo} programme={c.programme} decisions={c.decisions} />
      </Card>
      <Card title={t('cases.timeline.title')}>
        <CaseTimeline programme={c.programme} items={c.timeline} />
      </Card>
      {open && <ActionModal caseNo={c.caseNo} action={open} amountFen={amountInForce(c.decisions)} onClose={() => setOpen(null)} onDone={() => done(open)} />}
    </Space>
  );
}
