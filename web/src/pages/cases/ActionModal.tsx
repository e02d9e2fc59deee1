import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/context.ts';
import { performStep, todayInChina, type NextAction } from './api.ts';
import { dataOf, fieldsOf } from './schema.ts';
import { initialData, StepFields } from './StepFields.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { validatedValues } from '../../forms/validated.ts';
import { useUnsavedGuard } from '../../forms/useUnsavedGuard.ts';

interface Values {
  stepDate?: string;
  reason?: string;
  data?: Record<string, unknown>;
}

/** The API's field path (data.staff, reason, date) as a path of this form. */
function formPath(field: string): (string | number)[] {
  const parts = field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  return parts[0] === 'date' ? ['stepDate'] : parts;
}

/** One step of the case: its data form (from the action's schema), the date of the step, a reason when required. */
export function ActionModal({ caseNo, action, onClose, onDone }: { caseNo: string; action: NextAction; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What was typed is not lost by a stray click: leaving the page or closing the dialog asks first.
  const guard = useUnsavedGuard();
  const fields = fieldsOf(action.dataSchema);
  // A step whose record has its own date happens on that date; otherwise the form asks for it.
  const ownDate = fields.some((f) => f.name === 'date' && f.kind === 'date');
  const today = todayInChina();
  const label = action.label;

  const submit = async () => {
    setError(null);
    const v = await validatedValues(form);
    if (!v) return;
    setBusy(true);
    try {
      await performStep(caseNo, {
        action: action.action,
        data: dataOf(fields, v.data),
        ...(!ownDate && v.stepDate ? { date: v.stepDate } : {}),
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      });
      guard.saved();
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.fields.length > 0) {
        const onForm = (field: string) => {
          const [head, leaf] = field.split('.');
          return (head === 'data' && fields.some((f) => f.name === leaf)) || head === 'reason' || (head === 'date' && !ownDate);
        };
        const known = err.fields.filter((f) => onForm(f.field));
        form.setFields(known.map((f) => ({ name: formPath(f.field) as never, errors: [f.message] })));
        const rest = err.fields.filter((f) => !known.includes(f));
        setError(rest.length ? rest.map((f) => f.message).join('；') : known.length ? null : err.message);
      } else {
        setError(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={label}
      onCancel={() => guard.confirmClose(onClose)}
      onOk={() => void submit()}
      okText={t('cases.form.submit')}
      cancelText={t('cases.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'step-submit' }}
      width={640}
      destroyOnHidden
    >
      {guard.holder}
      <Form form={form} layout="vertical" name="step" data-testid="step-form" data-action={action.action} initialValues={{ stepDate: today, data: initialData(fields, today) }} onValuesChange={guard.changed}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="step-error" />}
        {!ownDate && (
          <Form.Item name="stepDate" label={t('cases.form.stepDate')} rules={[{ required: true, message: t('common.required', { field: t('cases.form.stepDate') }) }]}>
            <DateInput max={today} />
          </Form.Item>
        )}
        <StepFields fields={fields} />
        {(action.reasonRequired || fields.length === 0) && (
          <Form.Item
            name="reason"
            label={t('cases.form.reason')}
            rules={action.reasonRequired ? [{ required: true, whitespace: true, message: t('common.required', { field: t('cases.form.reason') }) }] : []}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
