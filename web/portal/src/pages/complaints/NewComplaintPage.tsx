import { Alert, Button, Card, Form, Input, Radio, Result, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { portalApi, PortalApiError } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useLoad } from '../../api/useLoad.ts';
import { useT } from '../../i18n/context.ts';
import { AreaPicker } from '../policy/AreaPicker.tsx';
import { CATEGORIES, type Category, type ComplaintMade, type SubjectKind } from './api.ts';

interface Fields {
  anonymous: 'named' | 'anonymous';
  name?: string;
  phone?: string;
  villageCode?: string;
  subjectKind: SubjectKind;
  subjectName?: string;
  category: Category;
  content: string;
}

/** Server field → form field (the rest are shown above the form). */
const FIELD_OF: Record<string, keyof Fields> = {
  anonymous: 'anonymous', name: 'name', phone: 'phone', villageCode: 'villageCode', subject: 'subjectKind', 'subject.kind': 'subjectKind',
  'subject.name': 'subjectName', category: 'category', content: 'content',
};

/** A choice is required (a validator, not `required`: antd would put aria-required on the radio group's div, which axe refuses). */
const chosen = (message: string) => ({ validator: (_: unknown, v: unknown) => (v ? Promise.resolve() : Promise.reject(new Error(message))) });

const link = { display: 'inline-block', padding: '10px 0', minHeight: 44, boxSizing: 'border-box' } as const;

/** 我要举报: named or anonymous; about a recipient or staff member by name, or something else; category and content. */
export default function NewComplaintPage() {
  const t = useT();
  const [form] = Form.useForm<Fields>();
  const me = useLoad<Me>('/me');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ComplaintMade>();
  const anonymous = Form.useWatch('anonymous', form) === 'anonymous';
  const subjectKind = Form.useWatch('subjectKind', form);
  // A citizen not in the registry names the village and, for a named complaint, themselves.
  const registered = me.data ? me.data.households.length > 0 : true;

  const submit = async (v: Fields) => {
    setBusy(true);
    setError(undefined);
    try {
      const named = v.anonymous === 'named';
      const made = await portalApi<ComplaintMade>('/complaints', {
        method: 'POST',
        body: {
          anonymous: !named,
          ...(named && v.name ? { name: v.name } : {}),
          ...(named && v.phone ? { phone: v.phone } : {}),
          ...(v.villageCode ? { villageCode: v.villageCode } : {}),
          subject: v.subjectKind === 'other' ? { kind: 'other' } : { kind: v.subjectKind, name: v.subjectName ?? '' },
          category: v.category, content: v.content,
        },
      });
      setDone(made);
    } catch (err) {
      if (!(err instanceof PortalApiError)) {
        setError(err instanceof Error ? err.message : String(err));
        return;
      }
      const named = err.fields.filter((f) => FIELD_OF[f.field]);
      form.setFields(named.map((f) => ({ name: FIELD_OF[f.field] as keyof Fields, errors: [f.message] })));
      const rest = err.fields.filter((f) => !FIELD_OF[f.field]);
      if (named.length === 0 || rest.length > 0) setError(rest[0]?.message ?? err.message);
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setDone(undefined);
    form.resetFields();
  };

  if (done) {
    return (
      <Card data-testid="complaint-done">
        <Result status="success" title={t('complaint.done')}
          subTitle={<>
            <Typography.Paragraph strong data-testid="complaint-number">{t('complaint.done.number', { complaintNo: done.complaintNo })}</Typography.Paragraph>
            <Typography.Paragraph>{t(done.anonymous ? 'complaint.done.anonymous' : 'complaint.done.named')}</Typography.Paragraph>
          </>}
          extra={<Space wrap>
            {!done.anonymous && <Link to="/complaints" style={link}>{t('complaint.done.mine')}</Link>}
            <Button onClick={again}>{t('complaint.again')}</Button>
          </Space>} />
      </Card>
    );
  }

  return (
    <Card loading={me.loading}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>{t('complaint.title')}</Typography.Title>
      <Typography.Paragraph>{t('complaint.hint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" size="large" requiredMark={false} onFinish={(v) => void submit(v)} initialValues={{ anonymous: 'named' }}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="complaint-error" />}
        <Form.Item name="anonymous" label={t('complaint.anonymous')} rules={[chosen(t('complaint.anonymous.required'))]}
          extra={t(anonymous ? 'complaint.anonymous.note' : 'complaint.named.note')}>
          <Radio.Group options={[{ value: 'named', label: t('complaint.anonymous.named') }, { value: 'anonymous', label: t('complaint.anonymous.anonymous') }]} data-testid="complaint-anonymous" />
        </Form.Item>
        {!anonymous && !registered && (
          <Form.Item name="name" label={t('complaint.name')} rules={[{ required: true, whitespace: true, message: t('complaint.name.required') }]}>
            <Input maxLength={50} autoComplete="name" />
          </Form.Item>
        )}
        {!anonymous && (
          <Form.Item name="phone" label={t('complaint.phone')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('complaint.phone.invalid') }]}>
            <Input inputMode="numeric" maxLength={11} autoComplete="tel" placeholder={t('complaint.phone.placeholder')} />
          </Form.Item>
        )}
        {!registered && (
          <Form.Item name="villageCode" label={t('complaint.village')} rules={[chosen(t('complaint.village.required'))]}>
            <AreaPicker />
          </Form.Item>
        )}
        <Form.Item name="subjectKind" label={t('complaint.subject')} rules={[chosen(t('complaint.subject.required'))]}>
          <Radio.Group data-testid="complaint-subject"
            options={(['recipient', 'staff', 'other'] as const).map((k) => ({ value: k, label: t(`complaint.subject.${k}`) }))} />
        </Form.Item>
        {(subjectKind === 'recipient' || subjectKind === 'staff') && (
          <Form.Item name="subjectName" label={t(subjectKind === 'recipient' ? 'complaint.subjectName.recipient' : 'complaint.subjectName.staff')}
            rules={[{ required: true, whitespace: true, message: t('complaint.subjectName.required') }]}>
            <Input maxLength={50} data-testid="complaint-subject-name" />
          </Form.Item>
        )}
        <Form.Item name="category" label={t('complaint.category')} rules={[chosen(t('complaint.category.required'))]}>
          <Radio.Group data-testid="complaint-category" style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={CATEGORIES.map((c) => ({ value: c, label: t(`complaint.category.${c}`) }))} />
        </Form.Item>
        <Form.Item name="content" label={t('complaint.content')} rules={[{ required: true, min: 5, whitespace: true, message: t('complaint.content.required') }]}>
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder={t('complaint.content.placeholder')} data-testid="complaint-content" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="complaint-submit">{t('complaint.submit')}</Button>
      </Form>
    </Card>
  );
}
