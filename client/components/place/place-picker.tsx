import { Text, View } from '@tarojs/components';
import type { Towns } from '../../hooks/use-place';
import { SelectInput } from '../hall/select-input';
import './place.scss';

interface PlacePickerProps {
  towns: Towns;
  town: string;
  village: string;
  onTown: (town: string) => void;
  onVillage: (village: string) => void;
  /** Prefix of the test ids, e.g. `place` → `place-town`, `place-village`. */
  testId: string;
  loading?: boolean;
}

/** The villages of a town, after the empty choice: 不方便说, or (none entered) 不选. */
export function villageOptions(villages: ReadonlyArray<{ id: string; name: string }>): Array<{ value: string; label: string }> {
  return [{ value: '', label: villages.length === 0 ? '本镇街的村（社区）还没有录入，不用选' : '不方便说' }, ...villages.map((v) => ({ value: v.id, label: v.name }))];
}

/**
 * 镇街, then 村（社区） or 不方便说. A town whose villages are not entered yet offers only 不方便说,
 * and that is a full answer: the town's staff take what she sends.
 */
export function PlacePicker({ towns, town, village, onTown, onVillage, testId, loading = false }: PlacePickerProps) {
  const villages = towns.find((t) => t.id === town)?.villages ?? [];
  return (
    <View className='place-picker'>
      <Text className='place-picker__label'>所在镇街</Text>
      <SelectInput label='所在镇街' placeholder={loading ? '正在加载…' : '请选择镇街'} options={towns.map((t) => ({ value: t.id, label: t.name }))} value={town} onChange={onTown} testId={`${testId}-town`} />
      <Text className='place-picker__label'>所在村（社区）</Text>
      <SelectInput
        label='所在村（社区）'
        placeholder='请先选择镇街'
        options={town ? villageOptions(villages) : []}
        value={village}
        onChange={onVillage}
        testId={`${testId}-village`}
      />
      <Text className='place-picker__hint'>村（社区）可以不选（不方便说），只选镇街也可以。</Text>
    </View>
  );
}
