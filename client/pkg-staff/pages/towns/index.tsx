import { Text, View } from '@tarojs/components';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { TextInput } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { useStaffTowns } from '../../../hooks/use-staff-towns';

/** 镇街妇女人数: the denominators of the participation rates in 排行榜 and 参与统计. */
function StaffTownsBody() {
  const { list, drafts, setDraft, save, saved, saveTown, problem, lastTown } = useStaffTowns();
  return (
    <>
      <View className='card'>
        <Text>参与率 = 参加答题的人数 ÷ 镇街妇女人数。请按最新统计填写各镇街的妇女人数。有镇街没有填写时，排行榜按参加答题的人数排名。</Text>
      </View>
      <StaffCallView state={list} loadingText='正在加载镇街…' emptyText='还没有镇街' isEmpty={(d) => d.towns.length === 0}>
        {(data) => (
          <View>
            {data.towns.map((t) => (
              <View key={t.id} className='card town-row' data-testid='town-women-row' data-town={t.id}>
                <Text className='town-row__name'>{t.name}</Text>
                <TextInput label={`${t.name}妇女人数`} kind='number' value={drafts[t.id] ?? ''} placeholder='未填写' maxLength={7} onChange={(v) => setDraft(t.id, v)} testId={`women-${t.id}`} />
                <ActionButton small label={`保存${t.name}妇女人数`} busy={save.busy} testId={`save-${t.id}`} onTap={() => void saveTown(t.id)}>
                  {saved === t.id ? '已保存' : '保存'}
                </ActionButton>
                {lastTown === t.id && <FormErrors error={save.error} problems={problem ? [problem] : []} />}
              </View>
            ))}
          </View>
        )}
      </StaffCallView>
    </>
  );
}

export default function StaffTownsPage() {
  return (
    <StaffPage testId='staff-towns' need='district'>
      <StaffTownsBody />
    </StaffPage>
  );
}
