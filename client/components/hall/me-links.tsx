import { Text, View } from '@tarojs/components';
import { useUnreadCount } from '../../hooks/use-inbox';
import { openPage, ROUTES } from '../../routes';
import { Tappable } from '../tappable';
import './me-links.scss';

/** 我的消息 (with the unread count) and 我的建议, as links of the 我的 tab (its page styles the rows). */
export function MeHallLinks() {
  const unread = useUnreadCount();
  const unreadText = unread ? `，${unread} 条未读` : '';
  return (
    <View className='card links' data-testid='me-hall'>
      <Tappable className='link' role='link' testId='me-link-inbox' label={`我的消息${unreadText}：办理进展的通知`} onTap={() => openPage(ROUTES.inbox)}>
        <View className='link__text'>
          <Text className='link__name'>我的消息</Text>
          <Text className='link__hint'>办理进展的通知</Text>
        </View>
        {unread ? (
          <Text className='link__badge' data-testid='inbox-unread'>
            {unread} 条未读
          </Text>
        ) : null}
        <Text className='link__go'>›</Text>
      </Tappable>
      <Tappable className='link' role='link' testId='me-link-suggestions' label='我的建议：提过的建议、办理进度和答复' onTap={() => openPage(ROUTES.mySuggestions)}>
        <View className='link__text'>
          <Text className='link__name'>我的建议</Text>
          <Text className='link__hint'>提过的建议、办理进度和答复</Text>
        </View>
        <Text className='link__go'>›</Text>
      </Tappable>
    </View>
  );
}
