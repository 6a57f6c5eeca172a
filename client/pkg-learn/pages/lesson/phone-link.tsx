import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Tappable } from '../../../components/tappable';

/** One-tap call: `makePhoneCall` in WeChat, a `tel:` link in the browser. */
export function PhoneLink({ name, phone }: { name: string; phone: string }) {
  const label = `拨打${name} ${phone}`;
  if (process.env.TARO_ENV === 'h5') {
    return (
      <a className='tappable button button--primary phone' href={`tel:${phone}`} aria-label={label} data-testid={`call-${phone}`}>
        拨打 {phone}
      </a>
    );
  }
  return (
    <Tappable className='button button--primary phone' label={label} testId={`call-${phone}`} onTap={() => void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      <Text>拨打 {phone}</Text>
    </Tappable>
  );
}
