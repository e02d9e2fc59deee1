import { Card, Empty, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useLoad } from '../../api/useLoad.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { StatusTag } from '../../components/StatusTag.tsx';
import { useT } from '../../i18n/context.ts';
import type { MyComplaint } from './api.ts';

const link = { display: 'inline-block', padding: '10px 0', minHeight: 44, boxSizing: 'border-box' } as const;

/** 我的举报: the citizen's named complaints, their status, the feedback and the conclusion once concluded. */
export default function MyComplaintsPage() {
  const t = useT();
  const loaded = useLoad<{ items: MyComplaint[] }>('/complaints');
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('complaints.title')}</Typography.Title>
      <Link to="/complaints/new" style={link}>{t('complaints.new')}</Link>
      <LoadState loaded={loaded}>
        {({ items }) =>
          items.length === 0 ? <Empty description={t('complaints.empty')} /> : (
            <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="complaints-list">
              {items.map((c) => (
                <Card key={c.complaintNo} size="small" title={<span style={{ whiteSpace: 'normal' }}>{c.complaintNo}</span>}
                  extra={<StatusTag tone={c.conclusionLabel ? 'good' : 'progress'}>{c.statusLabel}</StatusTag>}>
                  <Typography.Paragraph style={{ marginBottom: 8 }}>
                    {t('complaints.receivedOn', { date: c.receivedOn })}<br />
                    {t('complaints.subject', { subject: c.subjectName ? `${c.subjectLabel} ${c.subjectName}` : c.subjectLabel })}<br />
                    {t('complaints.category', { category: c.categoryLabel })}
                    {c.conclusionLabel && <><br />{t('complaints.conclusion', { conclusion: c.conclusionLabel, date: c.concludedOn ?? '' })}</>}
                  </Typography.Paragraph>
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }}>{c.content}</Typography.Paragraph>
                  <Typography.Text strong>{t('complaints.feedback')}</Typography.Text>
                  {c.feedback.length === 0 ? <Typography.Paragraph>{t('complaints.noFeedback')}</Typography.Paragraph> : (
                    <ul style={{ paddingLeft: 20, margin: '4px 0 0' }}>
                      {c.feedback.map((f, i) => <li key={i}>{f.date}：{f.content}</li>)}
                    </ul>
                  )}
                </Card>
              ))}
            </Space>
          )
        }
      </LoadState>
    </>
  );
}
