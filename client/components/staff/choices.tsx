import { Text, View } from '@tarojs/components';
import './staff.scss';

/** One choice of a group: its value and what it says. */
export interface Choice<T extends string | number> {
  value: T;
  label: string;
}

interface ChoicesProps<T extends string | number> {
  /** The group's name for screen readers, e.g. "题型". */
  label: string;
  choices: ReadonlyArray<Choice<T>>;
  selected: readonly T[];
  onToggle: (value: T) => void;
  /** Checkbox group (several may be on) instead of a radio group. */
  multiple?: boolean;
  /** `tabs`: one full-width segmented row (for switching a list's view). */
  look?: 'chips' | 'tabs';
  testId?: string;
}

/**
 * A row of chips that acts as a radio or checkbox group on both platforms: the same look in WeChat
 * and the browser, large enough to tap, announced with its state.
 */
export function Choices<T extends string | number>({ label, choices, selected, onToggle, multiple = false, look = 'chips', testId }: ChoicesProps<T>) {
  const role = multiple ? 'checkbox' : 'radio';
  const [group, item] = look === 'tabs' ? ['tabs', 'tabs__tab'] : ['choices', 'choice'];
  return (
    <View className={group} data-testid={testId} {...(process.env.TARO_ENV === 'h5' ? { role: multiple ? 'group' : 'radiogroup', 'aria-label': label } : {})}>
      {choices.map((choice) => {
        const on = selected.includes(choice.value);
        const a11y = process.env.TARO_ENV === 'h5'
          ? {
              role,
              tabIndex: 0,
              'aria-checked': on,
              onKeyDown: (event: { key: string; preventDefault: () => void }) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onToggle(choice.value);
                }
              },
            }
          : { 'aria-role': role, 'aria-checked': on };
        return (
          <View
            key={String(choice.value)}
            className={`${item}${on ? ` ${item}--on` : ''}`}
            hoverClass='tappable--pressed'
            aria-label={`${label}：${choice.label}${on ? '，已选' : ''}`}
            data-testid={testId ? `${testId}-${choice.value}` : undefined}
            onClick={() => onToggle(choice.value)}
            {...a11y}
          >
            <Text>{choice.label}</Text>
          </View>
        );
      })}
    </View>
  );
}
