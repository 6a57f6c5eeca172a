import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CallView } from '../../../components/call-view';
import { whereText } from '../../../components/hall/format';
import { SuggestionCard } from '../../../components/hall/suggestion-card';
import { submitUrl } from '../../../components/hall/urls';
import { Page } from '../../../components/page';
import { closedEarly, dayOf, deadlineText } from '../../../time';
import { Tappable } from '../../../components/tappable';
import { useHallTopic, type PublicSuggestionView, type SuggestionSort, type TopicPageState } from '../../../hooks/use-hall-topic';
import type { TopicView } from '../../../hooks/use-hall-topics';
import { useNow } from '../../../hooks/use-now';
import { openPage } from '../../../routes';
import './index.scss';

const SORTS: Array<{ sort: SuggestionSort; name: string }> = [
  { sort: 'supports', name: '附议最多' },
  { sort: 'time', name: '最新' },
];

function TopicHead({ topic, now }: { topic: TopicView; now: number }) {
  return (
    <View className='card topic-head' data-testid='topic-head'>
      <Text className='topic-head__where'>{whereText(topic)}</Text>
      <Text className='topic-head__title'>{topic.title}</Text>
      {topic.description && <Text className='topic-head__desc'>{topic.description}</Text>}
      <View className='topic-head__facts'>
        <Text className={`topic-head__deadline${topic.open ? ' topic-head__deadline--open' : ''}`} data-testid='topic-deadline'>
          {deadlineText(topic.deadline, topic.open, now)}
        </Text>
        {!closedEarly(topic.deadline, topic.open, now) && <Text className='topic-head__fact'>截止日期 {dayOf(topic.deadline)}</Text>}
        <Text className='topic-head__fact'>{topic.suggestionCount} 条建议</Text>
      </View>
      {topic.open ? (
        <Tappable className='button button--primary button--block topic-head__go' testId='topic-submit' label={`对“${topic.title}”提建议`} onTap={() => openPage(submitUrl(topic.id))}>
          <Text>提建议</Text>
        </Tappable>
      ) : (
        <Text className='hall-notice'>这个议题已经{closedEarly(topic.deadline, topic.open, now) ? '结束征集' : '截止'}，不能再提建议和附议，可以看看大家的建议和答复。</Text>
      )}
    </View>
  );
}

function SortTabs({ state }: { state: TopicPageState }) {
  return (
    <View className='sort-tabs' {...(process.env.TARO_ENV === 'h5' ? { role: 'radiogroup', 'aria-label': '建议的排序' } : {})}>
      {SORTS.map(({ sort, name }) => {
        const on = state.sort === sort;
        return (
          <Tappable key={sort} className={`sort-tabs__tab${on ? ' sort-tabs__tab--on' : ''}`} role='radio' checked={on} testId={`sort-${sort}`} label={`按${name}排序${on ? '，已选' : ''}`} onTap={() => state.setSort(sort)}>
            <Text>{name}</Text>
          </Tappable>
        );
      })}
    </View>
  );
}

/** Why 附议 is off for one suggestion, or null. */
function blockedOf(s: PublicSuggestionView, state: TopicPageState, open: boolean): string | null {
  if (state.mine.has(s.id)) return '我的建议';
  if (s.supportedByMe) return '已附议';
  if (!open) return '征集已结束';
  if (state.refused.has(s.id)) return '不能附议';
  return null;
}

function Suggestions({ state, open }: { state: TopicPageState; open: boolean }) {
  const list = { loading: state.loading, data: state.suggestions, error: state.suggestions === null ? state.error : null, retry: state.retry };
  return (
    <CallView state={list} loadingText='正在加载建议…' emptyText={open ? '还没有公开的建议，来提第一条吧' : '这里没有公开的建议'} isEmpty={(items) => items.length === 0}>
      {(items) => (
        <View data-testid='suggestion-list'>
          {items.map((s) => (
            <SuggestionCard
              key={s.id}
              suggestion={s}
              blocked={blockedOf(s, state, open)}
              busy={state.supportingId === s.id}
              note={state.supportNotes[s.id]}
              refused={state.refused.has(s.id)}
              onSupport={() => state.support(s.id)}
            />
          ))}
          {state.error && (
            <Text className='hall-notice hall-notice--error' aria-live='polite'>
              {state.error.message}
            </Text>
          )}
          {state.hasMore ? (
            <Tappable className='button button--block load-more' testId='load-more' disabled={state.loading} label='加载更多建议' onTap={state.error ? state.retry : state.loadMore}>
              <Text>{state.loading ? '正在加载…' : state.error ? '重试' : '加载更多'}</Text>
            </Tappable>
          ) : (
            items.length > 0 && <Text className='list-end'>— 已经到底了 —</Text>
          )}
        </View>
      )}
    </CallView>
  );
}

/** A topic: what it asks, its deadline, and the public suggestions with 附议; or the free suggestions. */
export default function TopicPage() {
  const { params } = useRouter<{ topicId?: string; free?: string }>();
  const topicId = params.topicId ?? null;
  const free = !topicId && params.free === '1';
  const state = useHallTopic(topicId);
  const now = useNow(60_000);
  const title = state.topic?.data?.title;

  useEffect(() => {
    const text = free ? '大家的其他建议' : title;
    if (text) Taro.setNavigationBarTitle({ title: text.length > 12 ? `${text.slice(0, 12)}…` : text }).catch(() => undefined);
  }, [free, title]);

  if (!topicId && !free) {
    return (
      <Page testId='topic-page'>
        <View className='state state--error' data-testid='state-error'>
          <Text className='state__text'>没有指定要看的议题，请返回议事厅重新选择</Text>
        </View>
      </Page>
    );
  }

  return (
    <Page testId='topic-page'>
      {state.topic ? (
        <CallView state={state.topic} loadingText='正在打开议题…'>
          {(topic) => (
            <View>
              <TopicHead topic={topic} now={now} />
              <Text className='section-title'>大家的建议</Text>
              <SortTabs state={state} />
              <Suggestions state={state} open={topic.open} />
            </View>
          )}
        </CallView>
      ) : (
        <View>
          <View className='card topic-head'>
            <Text className='topic-head__title'>大家的其他建议</Text>
            <Text className='topic-head__desc'>这些建议不属于某个议题。觉得说得对，就点「附议」支持一下。</Text>
            <Tappable className='button button--primary button--block topic-head__go' testId='topic-submit' label='我也有建议' onTap={() => openPage(submitUrl())}>
              <Text>我也有建议</Text>
            </Tappable>
          </View>
          <SortTabs state={state} />
          <Suggestions state={state} open />
        </View>
      )}
    </Page>
  );
}
