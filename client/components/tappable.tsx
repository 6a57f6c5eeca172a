import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';

interface TappableProps {
  /** What a screen reader announces; required, since many of our readers rely on 读屏. */
  label: string;
  onTap: () => void;
  className?: string;
  testId?: string;
  role?: 'button' | 'link' | 'switch';
  checked?: boolean;
}

/**
 * A large touch target that behaves as a button on both platforms: `aria-role` in WeChat,
 * `role` plus keyboard activation in the browser.
 */
export function Tappable({ label, onTap, className, testId, role = 'button', checked, children }: PropsWithChildren<TappableProps>) {
  const a11y = process.env.TARO_ENV === 'h5'
    ? {
        role,
        tabIndex: 0,
        ...(checked === undefined ? {} : { 'aria-checked': checked }),
        onKeyDown: (event: { key: string; preventDefault: () => void }) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            onTap();
          }
        },
      }
    : { 'aria-role': role, ...(checked === undefined ? {} : { 'aria-checked': checked }) };
  return (
    <View
      className={`tappable${className ? ` ${className}` : ''}`}
      hoverClass='tappable--pressed'
      aria-label={label}
      data-testid={testId}
      onClick={onTap}
      {...a11y}
    >
      {children}
    </View>
  );
}
