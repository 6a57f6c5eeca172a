import { Picker, View } from '@tarojs/components';
import '../staff/staff.scss';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectInputProps {
  label: string;
  value: string;
  options: readonly SelectOption[];
  onChange: (value: string) => void;
  /** Shown while nothing is chosen (unless an option has the value '': then that option is the empty choice). */
  placeholder: string;
  invalid?: boolean;
  testId?: string;
}

/** A choice from a list (a town, a village): the browser's own <select>, or WeChat's picker. */
export function SelectInput({ label, value, options, onChange, placeholder, invalid = false, testId }: SelectInputProps) {
  const className = `input${invalid ? ' input--invalid' : ''}`;
  if (process.env.TARO_ENV === 'h5') {
    return (
      <select className={className} value={value} aria-label={label} aria-invalid={invalid} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {!options.some((o) => o.value === '') && <option value=''>{placeholder}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    );
  }
  const index = options.findIndex((o) => o.value === value);
  return (
    <Picker
      mode='selector'
      range={options.map((o) => o.label)}
      value={Math.max(0, index)}
      aria-label={label}
      onChange={(e) => {
        const picked = options[Number(e.detail.value)];
        if (picked) onChange(picked.value);
      }}
    >
      <View className={`${className}${index < 0 ? ' input--placeholder' : ''}`}>{index < 0 ? placeholder : options[index]?.label}</View>
    </Picker>
  );
}
