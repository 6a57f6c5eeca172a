import { Text, View } from '@tarojs/components';
import { dayOf } from '../../time';
import './hall.scss';

/** The official reply to a suggestion, with its date. */
export function OfficialReply({ reply }: { reply: { text: string; at: string } }) {
  return (
    <View className='reply' data-testid='official-reply'>
      <Text className='reply__head'>官方答复 · {dayOf(reply.at)}</Text>
      <Text className='reply__text'>{reply.text}</Text>
    </View>
  );
}
