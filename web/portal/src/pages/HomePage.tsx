import { Alert, Button, Card, List, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useLoad } from '../api/useLoad.ts';
import type { Me } from '../api/types.ts';
import { useT } from '../i18n/context.ts';
import { Suggestions } from '../components/Suggestions.tsx';

/** 我的: the citizen's masked name and ID, their households, and the way to 通知公示. */
export default function HomePage() {
  const t = useT();
  const { data: me, error, loading, reload } = useLoad<Me>('/me');
  if (error) return <Alert type="error" showIcon message={t('common.error', { message: error.message })} action={<Button onClick={reload}>{t('common.retry')}</Button>} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card loading={loading}>
        {me && (
          <>
            <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="home-greeting">
              {me.name ? t('home.greeting', { name: me.name }) : t('home.greetingNew')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('home.idNumber', { idNumber: me.idNumber })}</Typography.Paragraph>
            <Suggestions />
            <Card size="small" style={{ marginBottom: 16 }} data-testid="home-notices">
              <Link to="/notices" style={{ display: 'inline-block', padding: '10px 0', minHeight: 44, boxSizing: 'border-box', fontSize: '1.1em', fontWeight: 600 }}>{t('notices.homeLink')}</Link>
              <Typography.Paragraph style={{ marginBottom: 0 }}>{t('notices.homeHint')}</Typography.Paragraph>
            </Card>
            <Typography.Title level={4}>{t('home.households')}</Typography.Title>
            {me.households.length === 0 ? (
              <Typography.Paragraph>{t('home.noHouseholds')}</Typography.Paragraph>
            ) : (
              <List
                data-testid="home-households"
                dataSource={me.households}
                rowKey="householdNo"
                renderItem={(h) => (
                  <List.Item>
                    <List.Item.Meta
                      title={`${h.villageName} · ${t('home.householdNo', { householdNo: h.householdNo })}`}
                      description={t('home.members', { names: h.members.map((m) => m.name).join('、') })}
                    />
                  </List.Item>
                )}
              />
            )}
          </>
        )}
      </Card>
      <Card data-testid="home-complaints">
        <Typography.Title level={4} style={{ marginTop: 0 }}>{t('home.complaints')}</Typography.Title>
        <Typography.Paragraph>{t('home.complaints.hint')}</Typography.Paragraph>
        <Space wrap size="large">
          <Link to="/complaints/new" style={link}>{t('home.complaints.new')}</Link>
          <Link to="/complaints" style={link}>{t('home.complaints.mine')}</Link>
        </Space>
      </Card>
    </Space>
  );
}

const link = { display: 'inline-block', padding: '10px 0', minHeight: 44, boxSizing: 'border-box' } as const;
