import { Alert, Form, Input, Modal, Popconfirm } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { useT } from '../../i18n/context.ts';
import { performStep, todayInChina, type NextAction } from './api.ts';
import { dataOf, fieldsOf } from './schema.ts';
import { initialData, StepFields } from './StepFields.tsx';
import { DateInput } from '../../components/DateInput.tsx';
import { validatedValues } from '../../forms/validated.ts';
import { useUnsavedGuard } from '../../forms/useUnsavedGuard.ts';
import { yuan } from './format.ts';

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

/** The steps that stop the money (the server's effect names): confirmed once more, in red, with what stops. */
const STOPS = { 'decide/suspend': 'suspend', 'decide/exit': 'exit', death_review: 'death' } as const;
type Stop = (typeof STOPS)[keyof typeof STOPS];
const stopOf = (effect: string | null): Stop | null => (effect !== null && Object.hasOwn(STOPS, effect) ? STOPS[effect as keyof typeof STOPS] : null);

/** The month after a date (YYYY-MM): a stop takes effect then, as the server decides it. */
function monthAfter(date: string): { y: string; m: number } {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  return m === 12 ? { y: String(y + 1), m: 1 } : { y: String(y), m: m + 1 };
}

/**
 * One step of the case: its data form (from the action's schema), the date of the step, a reason when required.
 * A step that stops the payment (暂停发放, 退出, 登记死亡) asks once more, saying from when and how much stops;
 * `amountFen` is the monthly amount in force (null: none).
 */
export function ActionModal({ caseNo, action, amountFen, onClose, onDone }: { caseNo: string; action: NextAction; amountFen: number | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // What was typed is not lost by a stray click: leaving the page or closing the dialog asks first.
  const guard = useUnsavedGuard();
  const [confirming, setConfirming] = useState(false);
  const stop = stopOf(action.effect);
  const stepDate = Form.useWatch('stepDate', form);
  const dateOfDeath = Form.useWatch(['data', 'dateOfDeath'], form);
  const fields = fieldsOf(action.dataSchema);
  // A step whose record has its own date happens on that date; otherwise the form asks for it.
  const ownDate = fields.some((f) => f.name === 'date' && f.kind === 'date');
  const today = todayInChina();
  const label = action.label;

  /** The sentence of the confirmation: what stops, from which month, how much a month. */
  const stopText = (): string => {
    const amount = amountFen === null || amountFen === 0 ? null : yuan(amountFen);
    if (stop === 'death') {
      const date = typeof dateOfDeath === 'string' ? dateOfDeath : '';
      return amount ? t('cases.confirm.death', { date, amount }) : t('cases.confirm.deathNoAmount', { date });
    }
    const month = t('cases.month', monthAfter(typeof stepDate === 'string' && stepDate ? stepDate : today));
    if (stop === 'exit') return amount ? t('cases.confirm.exit', { month, amount }) : t('cases.confirm.exitNoAmount', { month });
    return amount ? t('cases.confirm.suspend', { month, amount }) : t('cases.confirm.suspendNoAmount', { month });
  };

  /** OK: a stopping step is confirmed first, once its form is valid. */
  const ok = async () => {
    if (!stop) return submit();
    setError(null);
    if (await validatedValues(form)) setConfirming(true);
  };

  const submit = async () => {
    setConfirming(false);
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
      onOk={() => void ok()}
      okText={t('cases.form.submit')}
      cancelText={t('cases.cancel')}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'step-submit', ...(stop ? { danger: true } : {}) }}
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          <CancelBtn />
          {stop ? (
            <Popconfirm
              open={confirming}
              onOpenChange={(o) => !o && setConfirming(false)}
              title={label}
              description={<div style={{ maxWidth: 360 }} data-testid="step-confirm">{stopText()}</div>}
              okText={t(stop === 'death' ? 'cases.confirm.deathOk' : 'cases.confirm.stopOk')}
              cancelText={t('cases.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => void submit()}
              onCancel={() => setConfirming(false)}
            >
              <span>
                <OkBtn />
              </span>
            </Popconfirm>
          ) : (
            <OkBtn />
          )}
        </>
      )}
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
