import { Text, View } from '@tarojs/components';
import { CallButton } from './call-button';

/** 110 and 12338, one tap each, at the top of every help page. */
export function EmergencyBar() {
  return (
    <View className='emergency-bar' data-testid='emergency-bar' aria-label='紧急电话'>
      <Text className='emergency-bar__title'>遇到危险，请马上打电话</Text>
      <View className='emergency-bar__buttons'>
        <CallButton phone='110' name='报警电话' testId='call-110' className='call-button--alarm' />
        <CallButton phone='12338' name='妇女维权热线' testId='call-12338' />
      </View>
    </View>
  );
}
