import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';

interface TappableProps {
  /** What a screen reader announces; required, since many of our readers rely on 读屏. */
  label: string;
  onTap: () => void;
  className?: string;
  testId?: string;
  role?: 'button' | 'link' | 'switch' | 'radio' | 'checkbox';
  checked?: boolean;
  /** Shown but inert (a submit in flight, an exhausted daily cap): taps do nothing. */
  disabled?: boolean;
}

/**
 * A large touch target that behaves as a button on both platforms: `aria-role` in WeChat,
 * `role` plus keyboard activation in the browser.
 */
export function Tappable({ label, onTap, className, testId, role = 'button', checked, disabled = false, children }: PropsWithChildren<TappableProps>) {
  const tap = disabled ? () => undefined : onTap;
  const a11y = process.env.TARO_ENV === 'h5'
    ? {
        role,
        tabIndex: 0,
        ...(checked === undefined ? {} : { 'aria-checked': checked }),
        ...(disabled ? { 'aria-disabled': true } : {}),
        onKeyDown: (event: { key: string; preventDefault: () => void }) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            tap();
          }
        },
      }
    : { 'aria-role': role, ...(checked === undefined ? {} : { 'aria-checked': checked }) };
  return (
    <View
      className={`tappable${disabled ? ' tappable--disabled' : ''}${className ? ` ${className}` : ''}`}
      hoverClass={disabled ? 'none' : 'tappable--pressed'}
      aria-label={label}
      data-testid={testId}
      onClick={tap}
      {...a11y}
    >
      {children}
    </View>
  );
}
