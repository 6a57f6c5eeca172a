import { Text, View } from '@tarojs/components';
import { usePlaceEditor, type Profile } from '../../hooks/use-place';
import { Tappable } from '../tappable';
import { PlacePicker } from './place-picker';

interface PlaceEditorProps {
  start: { town: string | null; village: string | null };
  onSaved: (profile: Profile) => void;
  onCancel?: () => void;
  testId: string;
}

/** Picks and saves her town and village (one call to save). */
export function PlaceEditor({ start, onSaved, onCancel, testId }: PlaceEditorProps) {
  const editor = usePlaceEditor(start);
  const { regions, choice, saver } = editor;
  return (
    <View className='place-editor' data-testid={testId}>
      <PlacePicker
        towns={regions.data?.towns ?? []}
        loading={regions.loading}
        town={choice.town}
        village={choice.village}
        onTown={editor.setTown}
        onVillage={editor.setVillage}
        testId={testId}
      />
      {regions.error && (
        <Tappable className='button' label='重新加载镇街列表' onTap={regions.retry}>
          <Text>镇街列表加载失败，点这里重试</Text>
        </Tappable>
      )}
      {saver.error && (
        <Text className='place-editor__error' aria-live='polite' data-testid={`${testId}-error`}>
          {saver.error.message}
        </Text>
      )}
      <View className='place-editor__actions'>
        <Tappable
          className='button button--primary'
          label='保存所在地'
          testId={`${testId}-save`}
          disabled={!choice.town || saver.busy}
          onTap={() => void editor.save().then((p) => p && onSaved(p))}
        >
          <Text>{saver.busy ? '正在保存…' : '保存'}</Text>
        </Tappable>
        {onCancel && (
          <Tappable className='button' label='取消' testId={`${testId}-cancel`} onTap={onCancel}>
            <Text>取消</Text>
          </Tappable>
        )}
      </View>
    </View>
  );
}
