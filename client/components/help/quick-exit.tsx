import { Text } from '@tarojs/components';
import { Tappable } from '../tappable';
import { leaveNow } from './leave';

/** 快速离开: fixed in the top-right corner of every help page, one tap to the 学法 tab. */
export function QuickExit() {
  return (
    <Tappable className='quick-exit' testId='quick-exit' label='快速离开：马上切换到学法页面' onTap={leaveNow}>
      <Text className='quick-exit__text'>快速离开</Text>
    </Tappable>
  );
}
