import { Alert, Button, Card, Col, Form, Input, Radio, Row, Select, Space, message } from 'antd';
import { useRef, useState } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useProgrammes } from '../../api/useProgrammes.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { AreaTreeSelect } from '../../components/AreaTreeSelect.tsx';
import { useT } from '../../i18n/context.ts';
import { showFieldErrors, type NamePath } from '../registry/fieldErrors.ts';
import { createComplaint, searchComplaintSubjects, type ComplaintCategory, type ComplaintChannel, type ComplaintSubject, type NewComplaint } from './api.ts';
import { codeLabel, COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, todayInChina } from './format.ts';
import { IntakeNav } from './IntakeNav.tsx';
import { DateInput } from '../../components/DateInput.tsx';

type SubjectKind = 'case' | 'recipient' | 'staff';

interface Values {
  channel: ComplaintChannel;
  anonymous: boolean;
  complainant?: { name?: string; phone?: string };
  subject: { kind: SubjectKind; caseNo?: string; areaCode?: string; name?: string };
  category: ComplaintCategory;
  content: string;
  receivedOn: string;
}

const FIELDS = new Set(['channel', 'anonymous', 'complainant.name', 'complainant.phone', 'subject.kind', 'subject.caseNo', 'subject.areaCode', 'subject.name', 'category', 'content', 'receivedOn']);
const onForm = (path: NamePath) => FIELDS.has(path.join('.'));

/** The subject search: the latest search wins; fewer than 2 characters search nothing (the server would refuse). */
function useSubjectSearch() {
  const [hits, setHits] = useState<ComplaintSubject[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const seq = useRef(0);
  const search = (text: string) => {
    const q = text.trim();
    if (q.length < 2) return;
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    searchComplaintSubjects(q)
      .then((r) => mine === seq.current && setHits(r.items))
      .catch((err: unknown) => {
        if (mine !== seq.current) return;
        setHits([]);
        setError(err instanceof Error ? err.message : String(err));
      })
      .finally(() => mine === seq.current && setLoading(false));
  };
  return { hits, loading, error, search };
}

function toComplaint(v: Values): NewComplaint {
  const subject: NewComplaint['subject'] =
    v.subject.kind === 'staff'
      ? { kind: 'staff', areaCode: v.subject.areaCode ?? '', name: v.subject.name ?? '' }
      : { kind: v.subject.kind, caseNo: (v.subject.caseNo ?? '').trim().toUpperCase() };
  return {
    channel: v.channel,
    anonymous: v.anonymous,
    ...(v.anonymous ? {} : { complainant: { name: v.complainant?.name ?? '', phone: v.complainant?.phone ?? '' } }),
    subject,
    category: v.category,
    content: v.content,
    receivedOn: v.receivedOn,
  };
}

export default function ComplaintFormPage() {
  const me = useCurrentUser();
  if (!can(me, 'complaints.write')) return <Navigate to="/intake/complaints" replace />;
  return <ComplaintForm />;
}

/** 举报登记: channel, named or anonymous, the subject (a case, a recipient or staff), category and content. */
function ComplaintForm() {
  const t = useT();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [toast, toastHolder] = message.useMessage();
  const programmes = useProgrammes();
  const subjects = useSubjectSearch();
  const anonymous = Form.useWatch('anonymous', form);
  const kind = Form.useWatch(['subject', 'kind'], form);

  const onFinish = async (v: Values) => {
    setErrors([]);
    setBusy(true);
    try {
      const res = await createComplaint(toComplaint(v));
      void toast.success(res.caseFlagged ? t('complaint.form.createdFlagged', { no: res.complaintNo, caseNo: res.caseNo ?? '' }) : t('complaint.form.created', { no: res.complaintNo }));
      navigate(`/intake/complaints/${res.complaintNo}`);
    } catch (err) {
      setErrors(showFieldErrors(form, err, { onForm }));
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <>
      <IntakeNav />
      {toastHolder}
      <Form<Values>
        form={form}
        name="complaintForm"
        layout="vertical"
        data-testid="complaint-form"
        initialValues={{ channel: 'hotline_12349', anonymous: false, subject: { kind: 'recipient' }, category: 'fraud', receivedOn: todayInChina() }}
        onFinish={(v) => void onFinish(v)}
      >
        <Card title={t('complaint.form.title')} extra={<Link to="/intake/complaints">{t('complaint.back')}</Link>}>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="channel" label={t('complaint.col.channel')} rules={required(t('complaint.col.channel'))}>
                <Radio.Group options={COMPLAINT_CHANNELS.map((c) => ({ value: c, label: codeLabel(t, 'complaint.channel', c) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="receivedOn" label={t('complaint.col.receivedOn')} rules={required(t('complaint.col.receivedOn'))}>
                <DateInput max={todayInChina()} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="anonymous" label={t('complaint.form.named')}>
                <Radio.Group options={[{ value: false, label: t('complaint.named') }, { value: true, label: t('complaint.anonymous') }]} />
              </Form.Item>
            </Col>
          </Row>
          {!anonymous && (
            <Row gutter={16}>
              <Col xs={24} md={12}>
                <Form.Item name={['complainant', 'name']} label={t('complaint.form.complainantName')} rules={required(t('complaint.form.complainantName'))}>
                  <Input maxLength={50} />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name={['complainant', 'phone']} label={t('complaint.form.complainantPhone')}>
                  <Input maxLength={20} />
                </Form.Item>
              </Col>
            </Row>
          )}
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name={['subject', 'kind']} label={t('complaint.col.subject')} rules={required(t('complaint.col.subject'))}>
                <Radio.Group options={(['recipient', 'case', 'staff'] as const).map((k) => ({ value: k, label: codeLabel(t, 'complaint.subject', k) }))} />
              </Form.Item>
            </Col>
            {kind === 'staff' ? (
              <>
                <Col xs={24} md={8}>
                  <Form.Item name={['subject', 'areaCode']} label={t('complaint.form.staffArea')} rules={required(t('complaint.form.staffArea'))}>
                    <AreaTreeSelect root={{ code: me.areaCode, name: me.areaName, level: me.areaLevel }} placeholder={t('complaint.form.staffArea')} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={8}>
                  <Form.Item name={['subject', 'name']} label={t('complaint.form.staffName')} rules={required(t('complaint.form.staffName'))}>
                    <Input maxLength={50} />
                  </Form.Item>
                </Col>
              </>
            ) : (
              <Col xs={24} md={16}>
                {/* Found by the person's name, ID number or address (not typed as a case number): choosing one gives its case. */}
                <Form.Item name={['subject', 'caseNo']} label={t('complaint.form.subjectCase')} extra={kind === 'recipient' ? t('complaint.form.flagHint') : t('complaint.form.subjectHint')} rules={required(t('complaint.form.subjectCase'))}>
                  <Select
                    showSearch
                    filterOption={false}
                    placeholder={t('complaint.form.subjectSearch')}
                    onSearch={subjects.search}
                    loading={subjects.loading}
                    notFoundContent={subjects.error ?? null}
                    data-testid="complaint-subject"
                    options={subjects.hits.map((h) => ({
                      value: h.caseNo,
                      label: t('complaint.form.subjectOption', { name: h.applicantName, id: h.applicantIdNumber, village: h.villageName, address: h.address, programme: programmes.short(h.programme, h.programmeLabel), state: programmes.state(h.programme, h.state, h.stateLabel), caseNo: h.caseNo }),
                    }))}
                  />
                </Form.Item>
              </Col>
            )}
          </Row>
          <Form.Item name="category" label={t('complaint.col.category')} rules={required(t('complaint.col.category'))}>
            <Select style={{ maxWidth: 320 }} options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: codeLabel(t, 'complaint.category', c) }))} />
          </Form.Item>
          <Form.Item name="content" label={t('complaint.form.content')} rules={[...required(t('complaint.form.content')), { min: 2, message: t('intake.min2') }]}>
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
          <Space direction="vertical" style={{ width: '100%' }}>
            {errors.length > 0 && <Alert type="error" showIcon message={errors.join(t('intake.listSep'))} data-testid="complaint-form-errors" />}
            <Button type="primary" htmlType="submit" loading={busy} data-testid="complaint-submit">{t('complaint.form.submit')}</Button>
          </Space>
        </Card>
      </Form>
    </>
  );
}
