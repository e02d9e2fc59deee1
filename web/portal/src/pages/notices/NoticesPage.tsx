import { Alert, Button, Card, Empty, Form, Input, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { portalApi, PortalApiError } from '../../api/client.ts';
import { useLoad } from '../../api/useLoad.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { useT } from '../../i18n/context.ts';
import type { MyNotice, PublicNotice } from './types.ts';

const touch = { display: 'inline-block', padding: '10px 0', minHeight: 44, boxSizing: 'border-box' } as const;

/** 通知公示: the decisions on my cases (with their .docx) and the public notices of my village, with an objection form. */
export default function NoticesPage() {
  const t = useT();
  const mine = useLoad<{ items: MyNotice[] }>('/notices');
  const village = useLoad<{ items: PublicNotice[] }>('/public-notices');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>{t('notices.title')}</Typography.Title>

      <Typography.Title level={4} style={{ margin: 0 }}>{t('notices.mine')}</Typography.Title>
      <LoadState loaded={mine}>
        {({ items }) =>
          items.length === 0 ? <Empty description={t('notices.mine.empty')} /> : (
            <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="notices-mine">
              {items.map((n, i) => (
                <Card key={`${n.caseNo}-${n.decidedOn}-${i}`} size="small" title={<span style={{ whiteSpace: 'normal' }}>{n.title}</span>}>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 4 }}>
                    {t('notices.caseNo', { caseNo: n.caseNo })} · {t('notices.decidedOn', { date: n.decidedOn })}
                  </Typography.Paragraph>
                  {n.body.map((line, j) => <Typography.Paragraph key={j} style={{ marginBottom: 4 }}>{line}</Typography.Paragraph>)}
                  {/* The .docx is of the case's latest decision: offered on the newest notice of each case. */}
                  {items.findIndex((m) => m.caseNo === n.caseNo) === i && (
                    <a href={`/api/portal/v1/cases/${encodeURIComponent(n.caseNo)}/notice`} download style={touch}>{t('notices.download')}</a>
                  )}
                </Card>
              ))}
            </Space>
          )
        }
      </LoadState>

      <Typography.Title level={4} style={{ margin: 0 }}>{t('notices.public')}</Typography.Title>
      <LoadState loaded={village}>
        {({ items }) =>
          items.length === 0 ? <Empty description={t('notices.public.empty')} /> : (
            <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="notices-public">
              <Typography.Paragraph style={{ margin: 0 }}>{t('notices.public.hint')}</Typography.Paragraph>
              {items.map((n) => <PublicNoticeCard key={n.caseNo} notice={n} />)}
            </Space>
          )
        }
      </LoadState>
    </Space>
  );
}

interface ObjectionFields {
  content: string;
  anonymous: boolean;
}

function PublicNoticeCard({ notice: n }: { notice: PublicNotice }) {
  const t = useT();
  const [form] = Form.useForm<ObjectionFields>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  const submit = async (v: ObjectionFields) => {
    setBusy(true);
    setError(undefined);
    try {
      const r = await portalApi<{ received: true; noticeEnd: string }>(`/public-notices/${encodeURIComponent(n.caseNo)}/objections`, {
        method: 'POST', body: { content: v.content, anonymous: v.anonymous === true },
      });
      setDone(r.noticeEnd);
      setOpen(false);
      form.resetFields();
    } catch (err) {
      const content = err instanceof PortalApiError ? err.fieldMessage('content') : undefined;
      if (content) form.setFields([{ name: 'content', errors: [content] }]);
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  const amount = n.amountYuan === null ? t('notices.amount.none')
    : n.amountStatus === 'decided' ? t('notices.amount.decided', { amount: n.amountYuan }) : t('notices.amount.proposed', { amount: n.amountYuan });
  const contentId = `objection-${n.caseNo}`;
  return (
    <Card size="small" title={<span style={{ whiteSpace: 'normal' }}>{n.programme}</span>} data-testid="public-notice">
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        {t('notices.applicant', { name: n.applicantName })} · {t('notices.householdSize', { size: n.householdSize })}
      </Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{t('notices.village', { village: n.villageName })}</Typography.Paragraph>
      <Typography.Paragraph style={{ marginBottom: 4 }}>{amount}</Typography.Paragraph>
      <Typography.Paragraph strong style={{ marginBottom: 8 }}>{t('notices.period', { start: n.noticeStart, end: n.noticeEnd })}</Typography.Paragraph>
      {done && <Alert type="success" showIcon message={t('notices.object.done', { date: done })} style={{ marginBottom: 8 }} data-testid="objection-done" />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      {open ? (
        <Form form={form} layout="vertical" size="large" requiredMark={false} initialValues={{ anonymous: false }} onFinish={(v) => void submit(v)}>
          <Form.Item name="content" label={t('notices.object.content')} htmlFor={contentId}
            rules={[{ required: true, min: 4, whitespace: true, message: t('notices.object.content.required') }]}>
            <Input.TextArea id={contentId} rows={4} maxLength={1000} showCount style={{ marginBottom: 24 }} placeholder={t('notices.object.content.placeholder')} />
          </Form.Item>
          <Form.Item name="anonymous" label={t('notices.object.anonymous')} htmlFor={`${contentId}-anonymous`} valuePropName="checked" extra={t('notices.object.anonymous.hint')}>
            <Switch id={`${contentId}-anonymous`} />
          </Form.Item>
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={busy}>{t('notices.object.submit')}</Button>
            <Button onClick={() => setOpen(false)}>{t('notices.object.cancel')}</Button>
          </Space>
        </Form>
      ) : (
        <Button onClick={() => { setOpen(true); setDone(undefined); }} data-testid="objection-open">{t('notices.object')}</Button>
      )}
    </Card>
  );
}
