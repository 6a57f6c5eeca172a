import { Input, Textarea } from '@tarojs/components';
import '../staff/staff.scss';

/**
 * Text boxes of the help form. Like the staff fields, but nothing typed here may be remembered by
 * the browser (no autocomplete, no form history, no spell-check upload).
 */

interface PrivateTextProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  maxLength: number;
  /** `phone` brings up the digit keyboard. */
  kind?: 'text' | 'phone';
  /** Several lines that grow with the text. */
  multiline?: boolean;
  invalid?: boolean;
  testId?: string;
}

/** A one-line or several-line text box whose content stays in the page's memory only. */
export function PrivateText({ label, value, onChange, placeholder, maxLength, kind = 'text', multiline = false, invalid = false, testId }: PrivateTextProps) {
  const className = `input${multiline ? ' input--area' : ''}${invalid ? ' input--invalid' : ''}`;
  if (process.env.TARO_ENV === 'h5') {
    const common = {
      className,
      value,
      placeholder,
      maxLength,
      autoComplete: 'off',
      spellCheck: false,
      'aria-label': label,
      'aria-invalid': invalid,
      'data-testid': testId,
    };
    if (multiline) return <textarea {...common} rows={Math.min(12, Math.max(5, Math.ceil(value.length / 16) + 1))} onChange={(e) => onChange(e.target.value)} />;
    return <input {...common} type={kind === 'phone' ? 'tel' : 'text'} inputMode={kind === 'phone' ? 'tel' : 'text'} onChange={(e) => onChange(e.target.value)} />;
  }
  if (multiline) {
    return <Textarea className={className} value={value} placeholder={placeholder} maxlength={maxLength} autoHeight aria-label={label} data-testid={testId} onInput={(e) => onChange(e.detail.value)} />;
  }
  return (
    <Input
      className={className}
      type={kind === 'phone' ? 'number' : 'text'}
      value={value}
      placeholder={placeholder}
      maxlength={maxLength}
      aria-label={label}
      data-testid={testId}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}
