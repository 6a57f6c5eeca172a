import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useSkipPlace, type Profile } from '../../hooks/use-place';
import { openPage, ROUTES } from '../../routes';
import { Tappable } from '../tappable';
import { PlaceEditor } from './place-editor';
import './place.scss';

function placeText(p: Profile): string {
  return p.villageName ? `${p.townName ?? ''} ${p.villageName}` : (p.townName ?? '');
}

/**
 * On first use (the laws' list says whether to ask, so the first screen makes one call): where does she live? She may choose, or skip (以后再说); after a skip only 我的
 * offers it again, quietly. Staff never see it: their places are set by an administrator.
 */
export function FirstUsePlace({ ask }: { ask: boolean }) {
  const skip = useSkipPlace();
  const [stage, setStage] = useState<'ask' | 'editing' | 'gone'>('ask');
  const [saved, setSaved] = useState<Profile | null>(null);
  if (saved) {
    return (
      <View className='card place-prompt' data-testid='place-prompt-done'>
        <Text>已记下您的所在地：{placeText(saved)}。在「我的」里可以随时修改。</Text>
      </View>
    );
  }
  if (!ask || stage === 'gone') return null;
  return (
    <View className='card place-prompt' data-testid='place-prompt'>
      <Text className='place-prompt__title'>您住在哪个镇街？</Text>
      <Text className='place-prompt__hint'>选好后，您的学习和答题会计入所在镇街和村（社区），议事厅也会显示那里的议题。不想说也可以跳过。</Text>
      <Tappable className='place-prompt__policy' role='link' label='隐私政策：我们收集什么、保存多久' testId='place-prompt-privacy' onTap={() => openPage(ROUTES.privacy)}>
        <Text>隐私政策 ›</Text>
      </Tappable>
      {stage === 'editing' ? (
        <PlaceEditor start={{ town: null, village: null }} testId='place-first' onSaved={setSaved} onCancel={() => setStage('ask')} />
      ) : (
        <View className='place-prompt__actions'>
          <Tappable className='button button--primary' label='选择所在地' testId='place-prompt-choose' onTap={() => setStage('editing')}>
            <Text>选择所在地</Text>
          </Tappable>
          <Tappable
            className='button'
            label='以后再说'
            testId='place-prompt-skip'
            disabled={skip.busy}
            onTap={() => {
              setStage('gone');
              void skip.run({});
            }}
          >
            <Text>以后再说</Text>
          </Tappable>
        </View>
      )}
    </View>
  );
}
