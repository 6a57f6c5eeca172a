import { Text, View } from '@tarojs/components';
import { StaffSuggestion } from '../../../components/hall/staff-suggestion';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { Field, TextArea } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { MODERATION_REASON_MAX, useHallModeration, type HallModeration, type StaffSuggestionView } from '../../../hooks/use-hall-moderation';
import { LoadMore } from '../../../components/load-more';

function ModerationItem({ s, m }: { s: StaffSuggestionView; m: HallModeration }) {
  const busy = m.decidingId === s.id;
  const error = m.errors[s.id];
  return (
    <StaffSuggestion suggestion={s} testId='moderation-item'>
      {s.heldReason && <Text className='staff-sg__held'>暂缓公开的原因：{s.heldReason}</Text>}
      <View className='staff-sg__actions'>
        <Field label='不通过的理由（选“不通过”时必填，建议人会看到）' errors={error ? [error] : undefined}>
          <TextArea
            label={`不通过的理由：${s.content.slice(0, 20)}`}
            value={m.reasons[s.id] ?? ''}
            maxLength={MODERATION_REASON_MAX}
            minRows={2}
            placeholder='如：含有广告信息，请修改后重新提交'
            invalid={Boolean(error)}
            testId='reject-reason'
            onChange={(reason) => m.setReason(s.id, reason)}
          />
        </Field>
        <View className='button-row'>
          <ActionButton kind='primary' busy={busy} disabled={m.decidingId !== null && !busy} label='公开：内容没有问题，让大家看到' testId={`publish-${s.id}`} onTap={() => m.decide(s.id, 'publish')}>
            公开
          </ActionButton>
          <ActionButton kind='danger' busy={busy} disabled={m.decidingId !== null && !busy} label='不通过：不公开，把理由告诉建议人' testId={`reject-${s.id}`} onTap={() => m.decide(s.id, 'reject')}>
            不通过
          </ActionButton>
        </View>
      </View>
    </StaffSuggestion>
  );
}

/** 建议审核: suggestions the content check held back in my area; 公开 them, or 不通过 with a reason. */
function StaffHallModerationBody() {
  const m = useHallModeration();
  return (
    <>
      <Text className='staff-note'>内容安全检查没有直接通过的建议会先停在这里，别人看不到。内容没问题就「公开」；不能公开的选「不通过」并写明理由。</Text>
      <FormErrors error={m.lastError} />
      <StaffCallView state={m.list} loadingText='正在加载待审核的建议…' emptyText='没有待审核的建议' isEmpty={(d) => d.suggestions.length === 0}>
        {(data) => (
          <View data-testid='moderation-list'>
            <Text className='staff-note'>
              共 {data.total} 条待审核{m.list.loading ? '，正在刷新…' : ''}
            </Text>
            {data.suggestions.map((s) => (
              <ModerationItem key={s.id} s={s} m={m} />
            ))}
          </View>
        )}
      </StaffCallView>
      <LoadMore list={m.list} label='加载更多待审核的建议' />
    </>
  );
}

export default function StaffHallModerationPage() {
  return (
    <StaffPage testId='staff-hall-moderation' need='staff'>
      <StaffHallModerationBody />
    </StaffPage>
  );
}
