import { Text, View } from '@tarojs/components';
import { useLargeText } from '../hooks/use-large-text';
import { Tappable } from './tappable';
import './large-text-offer.scss';

/**
 * 大字模式 offered on the first screen, where an older reader who finds the text small looks
 * first: one tap turns it on (or off) for every page; 我的 keeps the same switch.
 */
export function LargeTextOffer() {
  const { largeText, setLargeText } = useLargeText();
  return (
    <Tappable
      className='large-offer'
      role='switch'
      checked={largeText}
      testId='largetext-offer'
      label={`大字模式，${largeText ? '已开启' : '已关闭'}，点按切换`}
      onTap={() => setLargeText(!largeText)}
    >
      <Text className='large-offer__glyph' aria-hidden>
        大
      </Text>
      <View className='large-offer__text'>
        <Text className='large-offer__name'>大字模式</Text>
        <Text className='large-offer__hint'>{largeText ? '字已放大，点这里恢复' : '字太小？点这里放大'}</Text>
      </View>
      <View className={`large-offer__state${largeText ? ' large-offer__state--on' : ''}`}>
        <Text>{largeText ? '开' : '关'}</Text>
      </View>
    </Tappable>
  );
}
