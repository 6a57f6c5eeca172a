import { Input, Picker, Textarea, View } from '@tarojs/components';
import '../staff/staff.scss';

/**
 * Text boxes and choosers of the help form. Like the staff fields, but nothing typed here may be
 * remembered by the browser (no autocomplete or form history), and places are chosen from lists.
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

interface SelectProps {
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  /** The chosen value; empty for none. */
  value: string;
  onChange: (value: string) => void;
  /** Shown while nothing is chosen, e.g. "请选择镇街". */
  placeholder: string;
  invalid?: boolean;
  testId?: string;
}

/** One choice from a list: the browser's own <select>, or WeChat's picker. */
export function SelectInput({ label, options, value, onChange, placeholder, invalid = false, testId }: SelectProps) {
  const className = `input${invalid ? ' input--invalid' : ''}`;
  if (process.env.TARO_ENV === 'h5') {
    return (
      <select className={className} value={value} aria-label={label} aria-invalid={invalid} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        <option value=''>{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  const index = options.findIndex((o) => o.value === value);
  const chosen = index >= 0 ? options[index] : undefined;
  return (
    <Picker mode='selector' range={options.map((o) => o.label)} value={Math.max(0, index)} onChange={(e) => onChange(options[Number(e.detail.value)]?.value ?? '')} aria-label={label} data-testid={testId}>
      <View className={`${className}${chosen ? '' : ' input--placeholder'}`} aria-label={`${label}：${chosen ? chosen.label : '未选择'}`}>
        {chosen ? chosen.label : placeholder}
      </View>
    </Picker>
  );
}
