import { Text, View } from '@tarojs/components';
import { DEVICE_USES, POLICY_VERSION, PRIVACY_POLICY } from '@shared/domain/privacy';
import { Page } from '../../../components/page';
import { ActionButton } from '../../../components/staff/action-button';
import { openPage, ROUTES } from '../../../routes';
import '../my-data/index.scss';

/** 隐私政策: what each area collects, why, for how long, and who can see it. */
export default function PrivacyPage() {
  return (
    <Page testId='privacy-page'>
      <View className='card my-data__area'>
        <Text className='my-data__title'>巾帼法治通隐私政策</Text>
        <Text>本小程序由区妇联提供，用于学法、议事和求助。我们只收集做这些事必需的信息，下面逐项说明。更新日期：{POLICY_VERSION}。</Text>
      </View>
      {PRIVACY_POLICY.map((s) => (
        <View key={s.title} className='card my-data__area' data-testid='policy-section'>
          <Text className='my-data__title'>{s.title}</Text>
          <Text>收集什么：{s.what}</Text>
          <Text>为什么：{s.why}</Text>
          <Text>保存多久：{s.howLong}</Text>
          <Text>谁能看到：{s.who}</Text>
        </View>
      ))}
      <View className='card my-data__area'>
        <Text className='my-data__title'>手机权限</Text>
        {DEVICE_USES.map((d) => (
          <Text key={d}>{d}</Text>
        ))}
      </View>
      <View className='card my-data__area'>
        <Text className='my-data__title'>您的权利</Text>
        <Text>在「我的 → 个人信息」可以查看保存了什么、导出一份、注销账号（《个人信息保护法》第四十四条至第四十七条）。有疑问可以联系区妇联。</Text>
      </View>
      <ActionButton label='打开个人信息' testId='open-my-data' onTap={() => openPage(ROUTES.myData)}>
        个人信息
      </ActionButton>
    </Page>
  );
}
