import { EditOutlined, EyeInvisibleOutlined, EyeOutlined, FileAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Result, Space, Spin, Tabs, message } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client.ts';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { can } from '../../auth/permissions.ts';
import { fetchHousehold } from './api.ts';
import { EditModal } from './EditModals.tsx';
import { HouseholdFacts } from './HouseholdFacts.tsx';
import { NewCaseModal } from '../cases/NewCaseModal.tsx';
import { HOUSEHOLD_TABS, type EditRequest, type HouseholdTabContext } from './tabs.tsx';

/** One household: its facts and tabs; personal data masked until the user asks (and is audited). */
export default function HouseholdPage() {
  const { householdNo = '' } = useParams();
  // A fresh state per household: showing one household in full never carries over to the next.
  return <HouseholdView key={householdNo} householdNo={householdNo} />;
}

function HouseholdView({ householdNo }: { householdNo: string }) {
  const t = useT();
  const me = useCurrentUser();
  const [unmasked, setUnmasked] = useState(false);
  const [version, setVersion] = useState(0);
  const [tab, setTab] = useState(HOUSEHOLD_TABS[0]?.key ?? '');
  const [editing, setEditing] = useState<EditRequest | null>(null);
  const [pending, setPending] = useState<EditRequest | null>(null);
  const [applying, setApplying] = useState(false);
  const navigate = useNavigate();
  const [toast, toastHolder] = message.useMessage();
  const data = useApiData(() => fetchHousehold(householdNo, unmasked), [householdNo, unmasked, version]);
  const detail = data.data;

  // Forms send back what they show, so editing first shows the data in full.
  useEffect(() => {
    if (pending && detail && !detail.masked && !data.loading) {
      setEditing(pending);
      setPending(null);
    }
  }, [pending, detail, data.loading]);

  const showPlain = () => {
    setUnmasked(true);
    void toast.info(t('registry.detail.unmasked'));
  };
  const requestEdit = (request: EditRequest) => {
    if (detail && !detail.masked) {
      setEditing(request);
      return;
    }
    setPending(request);
    setUnmasked(true);
    void toast.info(t('registry.detail.editNeedsPlain'));
  };
  const onSaved = () => {
    setEditing(null);
    setVersion((v) => v + 1);
    void toast.success(t('registry.saved'));
  };

  if (data.error) {
    const notFound = data.error instanceof ApiError && (data.error.status === 404 || data.error.status === 403);
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={t('common.loadFailed', { message: data.error.message })}
        extra={<Link to="/households">{t('registry.action.back')}</Link>}
      />
    );
  }
  if (!detail) return <Spin style={{ display: 'block', padding: 48 }} />;

  const writable = can(me, 'registry.write') && can(me, 'registry.unmask');
  // 申请救助: the township window opens an application for this household (the inbox's 受理申请, household fixed).
  const canApply = me.role === 'township_caseworker' && can(me, 'cases.write');
  const head = detail.members.find((m) => m.relation === 'head') ?? detail.members[0];
  const householdLabel = `${head?.name ?? ''} · ${detail.household.villageName} · ${householdNo}`;
  const ctx: HouseholdTabContext = { householdNo, detail, unmasked: !detail.masked, version, requestEdit: writable ? requestEdit : null };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="household-page">
      {toastHolder}
      <Card
        title={t('registry.detail.title', { no: householdNo })}
        loading={false}
        extra={
          <Space wrap>
            <Link to="/households">{t('registry.action.back')}</Link>
            {can(me, 'registry.unmask') && detail.masked && (
              <Button icon={<EyeOutlined />} data-testid="unmask" loading={data.loading} onClick={showPlain}>
                {t('registry.detail.unmask')}
              </Button>
            )}
            {!detail.masked && (
              <Button icon={<EyeInvisibleOutlined />} data-testid="remask" onClick={() => setUnmasked(false)}>
                {t('registry.detail.remask')}
              </Button>
            )}
            {canApply && (
              <Button type="primary" icon={<FileAddOutlined />} data-testid="household-apply" onClick={() => setApplying(true)}>
                {t('registry.detail.apply')}
              </Button>
            )}
            {writable && (
              <Button icon={<EditOutlined />} data-testid="household-edit-open" onClick={() => requestEdit({ kind: 'household' })}>
                {t('registry.detail.editHousehold')}
              </Button>
            )}
          </Space>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            data-testid="mask-notice"
            type={detail.masked ? 'info' : 'warning'}
            showIcon
            message={t(detail.masked ? 'registry.detail.masked' : 'registry.detail.unmasked')}
          />
          <HouseholdFacts household={detail.household} />
        </Space>
      </Card>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={HOUSEHOLD_TABS.filter((x) => x.permission === undefined || can(me, x.permission)).map((x) => ({ key: x.key, label: t(x.label), children: x.render(ctx) }))}
        />
      </Card>
      {editing && !detail.masked && (
        <EditModal request={editing} detail={detail} onClose={() => setEditing(null)} onSaved={onSaved} />
      )}
      {applying && (
        <NewCaseModal household={{ householdNo, label: householdLabel }} onClose={() => setApplying(false)} onCreated={(caseNo) => navigate(`/cases/${caseNo}`)} />
      )}
    </Space>
  );
}
