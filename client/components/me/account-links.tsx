import { Text, View } from '@tarojs/components';
import { openPage, ROUTES } from '../../routes';
import { Tappable } from '../tappable';

const LINKS = [
  { id: 'my-data', name: '个人信息', hint: '保存了什么、导出、注销账号', url: ROUTES.myData },
  { id: 'privacy', name: '隐私政策', hint: '收集什么、为什么、保存多久、谁能看到', url: ROUTES.privacy },
  { id: 'join', name: '工作人员邀请', hint: '收到妇联的邀请码时在这里输入', url: ROUTES.join },
] as const;

/** 账号与隐私 under 我的: her rights over her data, the privacy policy, and accepting a staff invitation. */
export function AccountLinks() {
  return (
    <View data-testid='me-account'>
      <Text className='section-title'>账号与隐私</Text>
      <View className='card links'>
        {LINKS.map((link) => (
          <Tappable key={link.id} className='link' role='link' testId={`me-link-${link.id}`} label={`${link.name}：${link.hint}`} onTap={() => openPage(link.url)}>
            <View className='link__text'>
              <Text className='link__name'>{link.name}</Text>
              <Text className='link__hint'>{link.hint}</Text>
            </View>
            <Text className='link__go'>›</Text>
          </Tappable>
        ))}
      </View>
    </View>
  );
}
