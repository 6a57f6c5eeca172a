import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@shared/roles';
import { chinaStamp } from '../../../time';
import { QrCode } from '../../../components/staff/qr-code';
import type { Invitation } from '../../../hooks/use-staff-people';

/** Where an invitation opens: in the browser a link to the join page; in WeChat the code itself, which the join page takes as `scene`. */
function invitationLink(inv: Invitation): string {
  if (process.env.TARO_ENV !== 'h5') return inv.code;
  return `${window.location.origin}${window.location.pathname}#/${inv.path}`;
}

/** A new invitation: the code, a QR code and (in the browser) the link; when it expires. */
export function InviteCard({ inv }: { inv: Invitation }) {
  const link = invitationLink(inv);
  const until = chinaStamp(inv.expiresAt);
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
      <QrCode text={link} label={`邀请二维码，邀请码 ${inv.code}`} testId='invitation-qr' />
      {process.env.TARO_ENV === 'h5' ? (
        <Text className='invite-card__link' data-testid='invitation-link' selectable>
          {link}
        </Text>
      ) : (
        <Text className='invite-card__hint'>对方在小程序「我的 → 工作人员邀请」输入邀请码即可；用小程序码邀请时，把邀请码作为 scene 生成，扫码直接打开加入页面。</Text>
      )}
      <Text className='invite-card__hint'>只能使用一次，{until} 前有效。请当面或通过可信的渠道交给本人。</Text>
    </View>
  );
}
