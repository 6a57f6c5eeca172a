import { Text, View } from '@tarojs/components';
import { Tappable } from '../tappable';
import './switch-row.scss';

interface SwitchRowProps {
  name: string;
  hint: string;
  on: boolean;
  onToggle: () => void;
  /** What the switch means when on and off, for screen readers ("匿名发表，已开启"). */
  spokenOn?: string;
  spokenOff?: string;
  disabled?: boolean;
  testId?: string;
}

/** A card-wide switch with its name, a hint, and 开/关 written on it. */
export function SwitchRow({ name, hint, on, onToggle, spokenOn = '已开启', spokenOff = '已关闭', disabled = false, testId }: SwitchRowProps) {
  return (
    <Tappable className='card switch-row' role='switch' checked={on} disabled={disabled} testId={testId} label={`${name}，${on ? spokenOn : spokenOff}，点按切换`} onTap={onToggle}>
      <View className='switch-row__text'>
        <Text className='switch-row__name'>{name}</Text>
        <Text className='switch-row__hint'>{hint}</Text>
      </View>
      <View className={`switch-row__toggle${on ? ' switch-row__toggle--on' : ''}`}>
        <Text className='switch-row__state'>{on ? '开' : '关'}</Text>
      </View>
    </Tappable>
  );
}
