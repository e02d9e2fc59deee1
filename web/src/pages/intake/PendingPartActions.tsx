import { Alert, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../auth/context.ts';
import { can } from '../../auth/permissions.ts';
import { useT } from '../../i18n/context.ts';
import { showFieldErrors, type NamePath } from '../registry/fieldErrors.ts';
import { closePendingCase, openPendingCase, type Part } from './api.ts';
import { validatedValues } from '../../forms/validated.ts';

type Kind = 'open' | 'close';
type Values = { householdNo?: string; reason?: string };
const FIELDS = new Set(['householdNo', 'reason']);
const onForm = (path: NamePath) => path.length === 1 && typeof path[0] === 'string' && FIELDS.has(path[0]);

/** 待登记立案: the window registers the household, then 立案 (the household number) or 结束 (a reason). */
export function PendingPartActions({ requestNo, part, onDone }: { requestNo: string; part: Part; onDone: () => void }) {
  const t = useT();
  const me = useCurrentUser();
  const [kind, setKind] = useState<Kind | null>(null);
  if (part.kind !== 'pending_case' || part.status !== 'awaiting_registration' || !can(me, 'intake.write')) return null;
  return (
    <Space size={4} wrap>
      <Link to="/households/new" data-testid={`pending-register-${part.seq}`}>{t('intake.pending.register')}</Link>
      <Button size="small" type="primary" onClick={() => setKind('open')} data-testid={`pending-open-${part.seq}`}>{t('intake.pending.open')}</Button>
      <Button size="small" onClick={() => setKind('close')} data-testid={`pending-close-${part.seq}`}>{t('intake.pending.close')}</Button>
      {kind && (
        <PendingModal
          kind={kind}
          requestNo={requestNo}
          part={part}
          onClose={() => setKind(null)}
          onDone={() => {
            setKind(null);
            onDone();
          }}
        />
      )}
    </Space>
  );
}

function PendingModal({ kind, requestNo, part, onClose, onDone }: { kind: Kind; requestNo: string; part: Part; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const title = t(kind === 'open' ? 'intake.pending.openTitle' : 'intake.pending.closeTitle');

  const submit = async () => {
    setErrors([]);
    const v = await validatedValues(form);
    if (!v) return;
    setBusy(true);
    try {
      if (kind === 'open') await openPendingCase(requestNo, part.id, { householdNo: (v.householdNo ?? '').trim() });
      else await closePendingCase(requestNo, part.id, { reason: v.reason ?? '' });
      onDone();
    } catch (err) {
      setErrors(showFieldErrors(form, err, { onForm }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={title} onCancel={onClose} onOk={() => void submit()} okText={title} cancelText={t('intake.cancel')} confirmLoading={busy} okButtonProps={{ 'data-testid': 'pending-submit' }}>
      <Form form={form} name="pendingPart" layout="vertical">
        {errors.length > 0 && <Alert type="error" showIcon message={errors.join(t('intake.listSep'))} style={{ marginBottom: 16 }} data-testid="pending-error" />}
        {kind === 'open' ? (
          <>
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('intake.pending.openHint')} />
            <Form.Item name="householdNo" label={t('intake.pending.householdNo')} rules={[{ required: true, message: t('common.required', { field: t('intake.pending.householdNo') }) }, { pattern: /^\d{14}$/, message: t('intake.pending.householdNoFormat') }]}>
              <Input maxLength={14} inputMode="numeric" data-testid="pending-household-no" />
            </Form.Item>
          </>
        ) : (
          <Form.Item name="reason" label={t('intake.pending.reason')} rules={[{ required: true, message: t('common.required', { field: t('intake.pending.reason') }) }, { min: 2, message: t('intake.min2') }]}>
            <Input.TextArea rows={3} maxLength={500} placeholder={t('intake.pending.reasonPlaceholder')} data-testid="pending-reason" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
