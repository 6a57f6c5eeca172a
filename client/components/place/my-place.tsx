import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { Profile } from '../../hooks/use-place';
import { Tappable } from '../tappable';
import { PlaceEditor } from './place-editor';
import './place.scss';

function placeOf(profile: Profile): string {
  if (profile.townName && profile.villageName) return `${profile.townName} ${profile.villageName}`;
  if (profile.townName) return profile.townName;
  // District staff work for the whole district: they have no town to choose.
  if (profile.role === 'district' || profile.role === 'admin') return '全区';
  return '未选择';
}

/** 所在地 under 我的: shown to everyone; a user changes it here, staff places are set by an administrator. */
export function MyPlace({ profile, onChanged }: { profile: Profile; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const isUser = profile.role === 'user';
  return (
    <View>
      <View className='profile__row'>
        <Text className='profile__label'>所在地</Text>
        <Text className='profile__value' data-testid='profile-place'>
          {placeOf(profile)}
        </Text>
        {isUser && !editing && (
          <Tappable className='button place-change' label={profile.town ? '修改所在地' : '选择所在地'} testId='place-change' onTap={() => setEditing(true)}>
            <Text>{profile.town ? '修改' : '选择'}</Text>
          </Tappable>
        )}
      </View>
      {isUser && !profile.town && !editing && <Text className='place-prompt__hint'>选好所在地，您的学习会计入所在镇街，议事厅也会显示那里的议题。</Text>}
      {!isUser && <Text className='place-prompt__hint'>工作人员的所在地由管理员设置。</Text>}
      {editing && (
        <PlaceEditor
          start={{ town: profile.town, village: profile.village }}
          testId='place-me'
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            onChanged();
          }}
        />
      )}
    </View>
  );
}
