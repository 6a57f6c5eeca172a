import type { PropsWithChildren } from 'react';
import { View } from '@tarojs/components';
import './staff.scss';

interface ActionButtonProps {
  /** What a screen reader announces. */
  label: string;
  onTap: () => void;
  /** Not allowed right now (say, 导入 before every row passed): shown greyed, announced as unavailable. */
  disabled?: boolean;
  /** The action is running: taps are ignored and the label says so. */
  busy?: boolean;
  kind?: 'primary' | 'plain' | 'danger';
  small?: boolean;
  className?: string;
  testId?: string;
}

/** A button of the staff pages: like `Tappable`, plus a disabled and a busy state. */
export function ActionButton({ label, onTap, disabled = false, busy = false, kind = 'plain', small = false, className, testId, children }: PropsWithChildren<ActionButtonProps>) {
  const inactive = disabled || busy;
  const classes = [
    'tappable',
    'button',
    kind === 'primary' && !inactive ? 'button--primary' : '',
    kind === 'danger' && !inactive ? 'button--danger' : '',
    inactive ? 'button--disabled' : '',
    small ? 'button--small' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  const tap = () => {
    if (!inactive) onTap();
  };
  const a11y = process.env.TARO_ENV === 'h5'
    ? {
        role: 'button',
        tabIndex: 0,
        'aria-disabled': inactive,
        'aria-busy': busy,
        onKeyDown: (event: { key: string; preventDefault: () => void }) => {
          if (event.key === 'Enter' || event.key === ' ') {
            event.preventDefault();
            tap();
          }
        },
      }
    : { 'aria-role': 'button' };
  // WeChat's templates carry aria-label but not aria-disabled: the label says it instead.
  const spoken = busy ? `${label}（处理中）` : disabled && process.env.TARO_ENV !== 'h5' ? `${label}（暂不可用）` : label;
  return (
    <View className={classes} hoverClass={inactive ? 'none' : 'tappable--pressed'} aria-label={spoken} data-testid={testId} onClick={tap} {...a11y}>
      {children}
    </View>
  );
}
