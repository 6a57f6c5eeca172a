import type { PropsWithChildren } from 'react';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import './staff.scss';

/**
 * Form controls of the staff pages. The browser build renders real <input>/<textarea> elements
 * (View is a div there, so these sit naturally and browser tests can fill them); WeChat gets its
 * native Input, Textarea and Picker. Each control is named for screen readers by its label.
 */

interface FieldProps {
  label: string;
  /** Label beside the control instead of above it (compact filter rows). */
  inline?: boolean;
  /** A line under the control, e.g. the expected format. */
  hint?: string;
  /** Problems with this field, from the client's checks or the server's INVALID_INPUT issues. */
  errors?: readonly string[];
  testId?: string;
}

/** A labelled block holding one control, its hint and its errors. */
export function Field({ label, inline = false, hint, errors, testId, children }: PropsWithChildren<FieldProps>) {
  if (inline) {
    return (
      <View className='field field--inline' data-testid={testId}>
        <Text className='field__label'>{label}</Text>
        <View className='field__control'>{children}</View>
      </View>
    );
  }
  return (
    <View className='field' data-testid={testId}>
      {label && <Text className='field__label'>{label}</Text>}
      {children}
      {hint && <Text className='field__hint'>{hint}</Text>}
      {errors?.map((e) => (
        <Text key={e} className='field__error' data-testid='field-error'>
          {e}
        </Text>
      ))}
    </View>
  );
}

interface TextControlProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength?: number;
  /** `number` brings up the digit keyboard; the value stays text for the form to check. */
  kind?: 'text' | 'number';
  invalid?: boolean;
  testId?: string;
}

/** A one-line text box. */
export function TextInput({ label, value, onChange, placeholder, maxLength = 300, kind = 'text', invalid = false, testId }: TextControlProps) {
  const className = `input${invalid ? ' input--invalid' : ''}`;
  if (process.env.TARO_ENV === 'h5') {
    return (
      <input
        className={className}
        type='text'
        inputMode={kind === 'number' ? 'numeric' : 'text'}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        aria-label={label}
        aria-invalid={invalid}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <Input
      className={className}
      type={kind === 'number' ? 'number' : 'text'}
      value={value}
      placeholder={placeholder}
      maxlength={maxLength}
      aria-label={label}
      data-testid={testId}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}

/** Rows enough to show `text` in a phone-wide box (about 16 characters a line), within bounds. */
function rowsFor(text: string, minRows: number): number {
  const lines = text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 16)), 0);
  return Math.min(14, Math.max(minRows, lines));
}

/** A text box of several lines that grows with its text. */
export function TextArea({ label, value, onChange, placeholder, maxLength = 600, invalid = false, minRows = 3, testId }: Omit<TextControlProps, 'kind'> & { minRows?: number }) {
  const className = `input input--area${minRows < 2 ? ' input--short' : ''}${invalid ? ' input--invalid' : ''}`;
  if (process.env.TARO_ENV === 'h5') {
    return (
      <textarea
        className={className}
        value={value}
        placeholder={placeholder}
        maxLength={maxLength}
        rows={rowsFor(value, minRows)}
        aria-label={label}
        aria-invalid={invalid}
        data-testid={testId}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  }
  return (
    <Textarea
      className={className}
      value={value}
      placeholder={placeholder}
      maxlength={maxLength}
      autoHeight
      aria-label={label}
      data-testid={testId}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}

interface WhenControlProps {
  label: string;
  /** `YYYY-MM-DD` for a date, `HH:mm` for a time; empty when not chosen. */
  value: string;
  onChange: (value: string) => void;
  mode: 'date' | 'time';
  invalid?: boolean;
  testId?: string;
}

/** A date or time chooser: the browser's own, or WeChat's picker. */
export function WhenInput({ label, value, onChange, mode, invalid = false, testId }: WhenControlProps) {
  const className = `input${invalid ? ' input--invalid' : ''}`;
  if (process.env.TARO_ENV === 'h5') {
    return <input className={className} type={mode} value={value} aria-label={label} aria-invalid={invalid} data-testid={testId} onChange={(e) => onChange(e.target.value)} />;
  }
  return (
    <Picker mode={mode} value={value} onChange={(e) => onChange(String(e.detail.value))} aria-label={label} data-testid={testId}>
      <View className={`${className}${value ? '' : ' input--placeholder'}`}>{value || (mode === 'date' ? '选择日期' : '选择时间')}</View>
    </Picker>
  );
}
