import { Text, View } from '@tarojs/components';
import { SCOPE_LEVEL_LABELS } from '../../../components/hall/format';
import { staffTopicEditUrl } from '../../../components/hall/urls';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { Tappable } from '../../../components/tappable';
import { useHallStaffTopics, type StaffTopicView } from '../../../hooks/use-hall-staff-topics';
import { openPage } from '../../../routes';
import { chinaStamp, msUntil } from '../../../time';
import './index.scss';
import { LoadMore } from '../../../components/load-more';

/** Where a topic stands: 征集中, 已截止 (deadline passed) or 已关闭 (closed early). */
function phaseOf(t: StaffTopicView, now: number): { text: string; tone: string } {
  if (t.open) return { text: '征集中', tone: 'tag--ok' };
  return msUntil(t.deadline, now) > 0 ? { text: '已关闭', tone: 'tag--grey' } : { text: '已截止', tone: 'tag--grey' };
}

/** 议题管理: the topics of my area; tap one to edit or close it, or post a new one. */
function StaffHallTopicsBody() {
  const topics = useHallStaffTopics();
  const now = Date.now();
  return (
    <>
      <View className='button-row'>
        <ActionButton kind='primary' label='新建议题' testId='topic-new' onTap={() => openPage(staffTopicEditUrl())}>
          ＋ 新建议题
        </ActionButton>
      </View>
      <StaffCallView state={topics} loadingText='正在加载议题…' emptyText='还没有议题，点“新建议题”发布第一个' isEmpty={(d) => d.topics.length === 0}>
        {(data) => (
          <View data-testid='staff-topic-list'>
            <Text className='staff-note'>
              {topics.hasMore ? '已显示' : '共'} {data.topics.length} 个议题（您负责范围内的）
            </Text>
            {data.topics.map((t) => {
              const phase = phaseOf(t, now);
              return (
                <Tappable key={t.id} className='card t-row' role='link' testId='staff-topic-row' label={`${t.title}，${phase.text}，${t.suggestionCount} 条建议，点按修改`} onTap={() => openPage(staffTopicEditUrl(t.id))}>
                  <View data-topic-id={t.id}>
                    <Text className={`tag ${phase.tone}`}>{phase.text}</Text>
                    <Text className='tag'>{SCOPE_LEVEL_LABELS[t.scope.level]}</Text>
                    <Text className='t-row__title'>{t.title}</Text>
                    <Text className='t-row__line'>范围：{t.scopeName}</Text>
                    <Text className='t-row__line'>
                      截止：{chinaStamp(t.deadline)} · {t.suggestionCount} 条公开建议
                    </Text>
                  </View>
                </Tappable>
              );
            })}
          </View>
        )}
      </StaffCallView>
      <LoadMore list={topics} label='加载更多议题' />
    </>
  );
}

export default function StaffHallTopicsPage() {
  return (
    <StaffPage testId='staff-hall-topics' need='staff'>
      <StaffHallTopicsBody />
    </StaffPage>
  );
}
