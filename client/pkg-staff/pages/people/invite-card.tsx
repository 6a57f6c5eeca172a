import { Image, Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@shared/roles';
import { chinaStamp } from '../../../time';
import { QrCode } from '../../../components/staff/qr-code';
import type { Invitation } from '../../../hooks/use-staff-people';

const TYPED = '对方也可以在小程序「我的 → 工作人员邀请」里输入邀请码。';

/** The browser's link to the join page with the code. */
function invitationLink(inv: Invitation): string {
  return `${window.location.origin}${window.location.pathname}#/${inv.path}`;
}

/** In WeChat: the 小程序码 WeChat made (scanning it opens the join page with the code), or why there is none. */
function WeappCode({ inv }: { inv: Invitation }) {
  if (!inv.image) {
    return (
      <Text className='invite-card__hint' data-testid='invitation-image-hint'>
        {inv.imageHint ?? `没有生成小程序码。${TYPED}`}
      </Text>
    );
  }
  return (
    <View>
      {/* WeChat's image template carries no aria-label: the view around it says what it is. */}
      <View aria-label={`邀请小程序码，邀请码 ${inv.code}`} data-testid='invitation-wxacode'>
        <Image src={inv.image} mode='aspectFit' showMenuByLongpress style={{ width: '220px', height: '220px' }} />
      </View>
      <Text className='invite-card__hint'>请对方用微信扫一扫这个小程序码，直接打开加入页面；长按可以保存或转发。{TYPED}</Text>
    </View>
  );
}

/** A new invitation: the code; in the browser a QR code of the link and the link, in WeChat the 小程序码; when it expires. */
export function InviteCard({ inv }: { inv: Invitation }) {
  const until = chinaStamp(inv.expiresAt);
  const h5 = process.env.TARO_ENV === 'h5';
  const link = h5 ? invitationLink(inv) : '';
  return (
    <View className='card invite-card' data-testid='invitation'>
      <Text className='invite-card__title'>
        邀请{ROLE_LABELS[inv.role]}：{inv.placeName}
        {inv.name ? `（${inv.name}）` : ''}
      </Text>
      <Text>邀请码</Text>
      <Text className='invite-card__code' data-testid='invitation-code' selectable>
        {inv.code}
      </Text>
      {h5 ? (
        <>
          <QrCode text={link} label={`邀请二维码，邀请码 ${inv.code}`} testId='invitation-qr' />
          <Text className='invite-card__link' data-testid='invitation-link' selectable>
            {link}
          </Text>
        </>
      ) : (
        <WeappCode inv={inv} />
      )}
      <Text className='invite-card__hint'>只能使用一次，{until} 前有效。请当面或通过可信的渠道交给本人。</Text>
    </View>
  );
}
