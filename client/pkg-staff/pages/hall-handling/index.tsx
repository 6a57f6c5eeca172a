import { Text, View } from '@tarojs/components';
import { STATE_LABELS, type SuggestionState } from '@shared/domain/suggestion-status';
import { StaffSuggestion } from '../../../components/hall/staff-suggestion';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { Choices } from '../../../components/staff/choices';
import { Field, TextArea } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import type { StaffSuggestionView } from '../../../hooks/use-hall-moderation';
import { REPLY_TEXT_MAX, nextStates, useHallHandling, type HallHandling } from '../../../hooks/use-hall-handling';
import { LoadMore } from '../../../components/load-more';

/** What the note box asks for, by the state chosen. */
function textLabel(to: SuggestionState | undefined): { label: string; placeholder: string } {
  if (to === 'answered') return { label: '答复内容（必填，建议人和大家都会看到）', placeholder: '写明办理结果，用大家看得懂的话' };
  if (to === 'declined') return { label: '未采纳的理由（必填，建议人会看到）', placeholder: '如：该路段不属于镇道，已转交区交通部门' };
  if (to === 'adopted') return { label: '采纳说明（选填，建议人会看到）', placeholder: '如：已列入明年村道改造计划' };
  return { label: '说明（选填，建议人会看到）', placeholder: '如：已转交村委会办理' };
}

function HandlingItem({ s, h }: { s: StaffSuggestionView; h: HallHandling }) {
  const next = nextStates(s.status);
  const to = h.chosen[s.id];
  const busy = h.sendingId === s.id;
  const error = h.errors[s.id];
  const { label, placeholder } = textLabel(to);
  return (
    <StaffSuggestion suggestion={s} testId='handling-item'>
      <View className='staff-sg__actions'>
        {h.moved?.id === s.id && (
          <Text className='staff-sg__done' aria-live='polite' data-testid='handling-moved'>
            已改为「{STATE_LABELS[h.moved.status]}」，建议人会收到通知
          </Text>
        )}
        {next.length === 0 ? (
          <Text className='staff-note'>这条建议没有下一步可办。</Text>
        ) : (
          <View>
            <Field label={`下一步（现在是「${STATE_LABELS[s.status]}」）`}>
              <Choices label='改为' choices={next.map((state) => ({ value: state, label: STATE_LABELS[state] }))} selected={to ? [to] : []} onToggle={(state) => h.choose(s.id, state)} testId='move' />
            </Field>
            <Field label={label} errors={error ? [error] : undefined}>
              <TextArea label={label} value={h.texts[s.id] ?? ''} maxLength={REPLY_TEXT_MAX} minRows={to === 'answered' ? 4 : 2} placeholder={placeholder} invalid={Boolean(error)} testId='reply-text' onChange={(text) => h.setText(s.id, text)} />
            </Field>
            <ActionButton kind='primary' busy={busy} disabled={!to || (h.sendingId !== null && !busy)} label={to ? `确认改为「${STATE_LABELS[to]}」` : '请先选择下一步'} testId='reply-send' onTap={() => h.send(s.id)}>
              {busy ? '正在提交…' : to ? `确认改为「${STATE_LABELS[to]}」` : '请先选择下一步'}
            </ActionButton>
          </View>
        )}
      </View>
    </StaffSuggestion>
  );
}

/** 建议办理: public suggestions of my area still to answer, moved 已受理 → 办理中 → 已采纳/未采纳 → 已答复. */
function StaffHallHandlingBody() {
  const h = useHallHandling();
  // A suggestion answered just now has left the list: say so above it.
  const finished = h.moved && h.list.data && !h.list.data.suggestions.some((s) => s.id === h.moved?.id) ? h.moved.status : null;
  return (
    <>
      <Text className='staff-note'>公开的建议按“已受理 → 办理中 → 已采纳 / 未采纳 → 已答复”办理。每一步建议人都会收到通知；答复后这条建议就办完了。</Text>
      <FormErrors error={h.lastError} />
      {finished && (
        <Text className='saved' aria-live='polite' data-testid='handling-finished'>
          已改为「{STATE_LABELS[finished]}」，建议人会收到通知；这条建议已办完，不在待办理里了。
        </Text>
      )}
      <StaffCallView state={h.list} loadingText='正在加载待办理的建议…' emptyText='没有待办理的建议' isEmpty={(d) => d.suggestions.length === 0}>
        {(data) => (
          <View data-testid='handling-list'>
            <Text className='staff-note'>
              共 {data.total} 条待办理{h.list.loading ? '，正在刷新…' : ''}
            </Text>
            {data.suggestions.map((s) => (
              <HandlingItem key={s.id} s={s} h={h} />
            ))}
          </View>
        )}
      </StaffCallView>
      <LoadMore list={h.list} label='加载更多待办理的建议' />
    </>
  );
}

export default function StaffHallHandlingPage() {
  return (
    <StaffPage testId='staff-hall-handling' need='staff'>
      <StaffHallHandlingBody />
    </StaffPage>
  );
}
