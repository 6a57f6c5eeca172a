import { Text, View } from '@tarojs/components';
import { HelpPage } from '../../components/help/help-page';
import { Tappable } from '../../components/tappable';
import { openPage, ROUTES } from '../../routes';

/**
 * 服务 tab: the calm way in to asking for help. Deliberately light (main package) and worded so
 * that a stranger glancing at it sees a service desk, nothing more.
 */
export default function ServicePage() {
  return (
    <HelpPage testId='service-page'>
      <View className='card'>
        <Text className='help-lead'>需要帮助？可以在这里登记，所在村（社区）的工作人员会联系您。您的信息加密保存。</Text>
        <Tappable className='button button--primary help-button' testId='service-request' label='我要登记' onTap={() => openPage(ROUTES.helpRequest)}>
          <Text>我要登记</Text>
        </Tappable>
        <Tappable className='button help-button' role='link' testId='service-records' label='我的服务记录' onTap={() => openPage(ROUTES.helpRecords)}>
          <Text>我的服务记录</Text>
        </Tappable>
        <Text className='help-note'>右上角的「快速离开」可以马上切换到学法页面。</Text>
      </View>
    </HelpPage>
  );
}
