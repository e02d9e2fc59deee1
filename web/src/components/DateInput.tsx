// The one date field of the staff UI: antd's DatePicker (calendar in the UI's locale, typed as YYYY-MM-DD),
// holding the ISO date string the API speaks, so a Form.Item or a state setter takes it as it took a text field.
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { CSSProperties } from 'react';

export const DATE_FORMAT = 'YYYY-MM-DD';

export interface DateInputProps {
  /** An ISO date (YYYY-MM-DD), or empty. */
  value?: string | null | undefined;
  /** The chosen ISO date, or '' when cleared. */
  onChange?: (value: string) => void;
  /** Earliest and latest dates that may be chosen (ISO). */
  min?: string | undefined;
  max?: string | undefined;
  id?: string;
  disabled?: boolean;
  style?: CSSProperties;
  placeholder?: string;
  'data-testid'?: string;
  'aria-label'?: string;
}

export function DateInput({ value, onChange, min, max, style, ...rest }: DateInputProps) {
  const outOfRange = (d: Dayjs) => (min !== undefined && d.format(DATE_FORMAT) < min) || (max !== undefined && d.format(DATE_FORMAT) > max);
  return (
    <DatePicker
      {...rest}
      format={DATE_FORMAT}
      value={value ? dayjs(value, DATE_FORMAT) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format(DATE_FORMAT) : '')}
      disabledDate={min !== undefined || max !== undefined ? outOfRange : undefined}
      style={{ width: '100%', ...style }}
    />
  );
}

export const MONTH_FORMAT = 'YYYY-MM';

export type MonthInputProps = Omit<DateInputProps, 'min' | 'max'> & {
  /** A month (YYYY-MM), or empty; `onChange` gives the chosen month, or '' when cleared. */
  allowClear?: boolean;
};

/** The month field of the staff UI: antd's month picker (typed as YYYY-MM), holding the month string the API speaks. */
export function MonthInput({ value, onChange, style, ...rest }: MonthInputProps) {
  return (
    <DatePicker
      {...rest}
      picker="month"
      format={MONTH_FORMAT}
      value={value ? dayjs(value, MONTH_FORMAT) : null}
      onChange={(d: Dayjs | null) => onChange?.(d ? d.format(MONTH_FORMAT) : '')}
      style={{ width: '100%', ...style }}
    />
  );
}
