import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Form, Image, Input, List, Space, Spin, Tag, Typography, Upload, message, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { useApiData } from '../../api/useApiData.ts';
import { useCurrentUser } from '../../auth/context.ts';
import { useT } from '../../i18n/context.ts';
import { knownFields, showFieldErrors } from './fieldErrors.ts';
import type { HouseholdTabContext } from './tabs.tsx';
import { addVisit, fetchVisits, visitFileUrl, type Visit, type VisitFile } from './visitsApi.ts';
import { DateInput } from '../../components/DateInput.tsx';
import { readDataUrl } from '../../components/files.ts';
import { todayInChina } from '../../components/today.ts';

/** What antd's DatePicker hands back (a Dayjs); only its formatting is used. */
interface Values { visitedOn?: string; visitors?: string; findings?: string }

/** One file of a visit, fetched with the staff session as a blob (each fetch audited): a thumbnail opening full size. */
function VisitFileView({ householdNo, visitId, file, alt }: { householdNo: string; visitId: number; file: VisitFile; alt: string }) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    let made: string | null = null;
    visitFileUrl(householdNo, visitId, file.seq)
      .then((u) => {
        made = u;
        if (live) setUrl(u);
        else URL.revokeObjectURL(u);
      })
      .catch(() => {
        if (live) setFailed(true);
      });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [householdNo, visitId, file.seq]);
  if (failed) return <Typography.Text type="danger">{t('registry.visit.fileFailed')}</Typography.Text>;
  if (!url) return <Spin size="small" />;
  if (file.mediaType === 'application/pdf') return <a href={url} target="_blank" rel="noreferrer">{t('registry.visit.pdf', { name: file.name })}</a>;
  const signature = file.kind === 'signature';
  return (
    <span data-testid={signature ? 'visit-signature' : 'visit-photo'}>
      <Image
        src={url}
        alt={alt}
        width={signature ? 160 : 96}
        height={signature ? 80 : 96}
        style={{ objectFit: signature ? 'contain' : 'cover', background: '#fff', border: '1px solid #f0f0f0' }}
      />
    </span>
  );
}

function VisitCard({ householdNo, visit }: { householdNo: string; visit: Visit }) {
  const t = useT();
  const photos = visit.files.filter((f) => f.kind === 'photo');
  const signature = visit.files.find((f) => f.kind === 'signature');
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="visit" title={
      <Space wrap>
        <Typography.Text strong>{visit.visitedOn}</Typography.Text>
        <Tag color={visit.source === 'offline' ? 'blue' : 'default'}>{t(`registry.visit.source.${visit.source}`)}</Tag>
        <Typography.Text type="secondary">{t('registry.visit.by', { visitors: visit.visitors })}</Typography.Text>
      </Space>
    }>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="visit-findings">{visit.findings}</Typography.Paragraph>
        {photos.length > 0 && (
          <Image.PreviewGroup>
            <Space wrap>
              {photos.map((f, i) => <VisitFileView key={f.seq} householdNo={householdNo} visitId={visit.id} file={f} alt={t('registry.visit.photoAlt', { n: i + 1 })} />)}
            </Space>
          </Image.PreviewGroup>
        )}
        {signature && (
          <Space align="center">
            <Typography.Text type="secondary">{t('registry.visit.signature')}</Typography.Text>
            <VisitFileView householdNo={householdNo} visitId={visit.id} file={signature} alt={t('registry.visit.signatureAlt')} />
          </Space>
        )}
      </Space>
    </Card>
  );
}

/** A visit entered on the web: date, visitors, findings and photos. */
function VisitForm({ householdNo, onSaved }: { householdNo: string; onSaved: () => void }) {
  const t = useT();
  const user = useCurrentUser();
  const [form] = Form.useForm<Values>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [toast, toastHolder] = message.useMessage();

  const onFinish = async (v: Values) => {
    setErrors([]);
    setSaving(true);
    try {
      const photos = await Promise.all(files.flatMap((f) => (f.originFileObj ? [readDataUrl(f.originFileObj).then((content) => ({ name: f.name, content }))] : [])));
      await addVisit(householdNo, { source: 'web', visitedOn: v.visitedOn ?? '', visitors: v.visitors ?? '', findings: v.findings ?? '', photos });
      form.resetFields(['findings', 'visitedOn']);
      setFiles([]);
      void toast.success(t('registry.visit.saved'));
      onSaved();
    } catch (err) {
      setErrors(showFieldErrors(form, err, { onForm: knownFields(['visitedOn', 'visitors', 'findings']) }));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('registry.visit.add')}>
      {toastHolder}
      <Form<Values> form={form} layout="vertical" initialValues={{ visitors: user.displayName }} onFinish={(v) => void onFinish(v)} data-testid="visit-form">
        <Space wrap align="start">
          <Form.Item name="visitedOn" label={t('registry.visit.visitedOn')} rules={[{ required: true, message: t('registry.visit.required') }]}>
            <DateInput max={todayInChina()} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item name="visitors" label={t('registry.visit.visitors')} rules={[{ required: true, whitespace: true, message: t('registry.visit.required') }, { max: 100 }]}>
            <Input style={{ width: 280 }} />
          </Form.Item>
        </Space>
        <Form.Item name="findings" label={t('registry.visit.findings')} rules={[{ required: true, whitespace: true, message: t('registry.visit.required') }, { min: 2, max: 4000, message: t('registry.visit.findingsLength') }]}>
          <Input.TextArea rows={3} placeholder={t('registry.visit.findingsHint')} />
        </Form.Item>
        <Form.Item label={t('registry.visit.photos')} extra={t('registry.visit.photosHint')}>
          <Upload
            accept="image/png,image/jpeg,application/pdf"
            multiple
            fileList={files}
            // Kept in the form and sent with it as base64: nothing is uploaded on its own.
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList)}
          >
            <Button icon={<UploadOutlined />} data-testid="visit-photo-input">{t('registry.visit.choosePhotos')}</Button>
          </Upload>
        </Form.Item>
        {errors.length > 0 && <Alert type="error" showIcon message={errors.join('；')} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={saving} data-testid="visit-save">{t('registry.visit.save')}</Button>
      </Form>
    </Card>
  );
}

/** 入户调查: the household's visits (from the offline app or the web) with photos and signature; a form to add one. */
export function VisitsTab({ ctx }: { ctx: HouseholdTabContext }) {
  const t = useT();
  const { householdNo, version, requestEdit } = ctx;
  const visits = useApiData(() => fetchVisits(householdNo), [householdNo, version]);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="visits-tab">
      {requestEdit && <VisitForm householdNo={householdNo} onSaved={visits.reload} />}
      {visits.error && <Alert type="error" showIcon message={t('common.loadFailed', { message: visits.error.message })} />}
      {visits.loading && !visits.data && <Spin />}
      {visits.data && visits.data.length === 0 && <Empty description={t('registry.visit.none')} />}
      {visits.data && visits.data.length > 0 && (
        <List dataSource={visits.data} renderItem={(v) => <List.Item key={v.id}><VisitCard householdNo={householdNo} visit={v} /></List.Item>} />
      )}
    </Space>
  );
}
