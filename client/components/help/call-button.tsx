import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Tappable } from '../tappable';

interface CallButtonProps {
  /** The number dialled, e.g. "110". */
  phone: string;
  /** What the number is, read out and shown under it, e.g. "报警电话". */
  name: string;
  testId: string;
  className?: string;
}

/**
 * One tap to call: `makePhoneCall` in WeChat, a `tel:` link in the browser. Never disabled and
 * never behind a check: anyone, a child too, must always reach these numbers.
 */
export function CallButton({ phone, name, testId, className = '' }: CallButtonProps) {
  const label = `拨打 ${phone}，${name}`;
  const classes = `tappable call-button ${className}`;
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className={classes} href={`tel:${phone}`} aria-label={label} data-testid={testId}>
        <span className='call-button__number'>拨打 {phone}</span>
        <span className='call-button__name'>{name}</span>
      </a>
    );
  }
  return (
    <Tappable className={classes} label={label} testId={testId} onTap={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      <Text className='call-button__number'>拨打 {phone}</Text>
      <Text className='call-button__name'>{name}</Text>
    </Tappable>
  );
}
