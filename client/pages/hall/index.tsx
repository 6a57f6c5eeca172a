import { Text, View } from '@tarojs/components';
import { CallView } from '../../components/call-view';
import { whereText } from '../../components/hall/format';
import { deadlineText } from '../../time';
import { submitUrl, topicUrl } from '../../components/hall/urls';
import { Page } from '../../components/page';
import { Tappable } from '../../components/tappable';
import { useHallTopics, type TopicView } from '../../hooks/use-hall-topics';
import { useNow } from '../../hooks/use-now';
import { openPage, ROUTES } from '../../routes';
import './index.scss';
import { LoadMore } from '../../components/load-more';

function TopicCard({ topic, now }: { topic: TopicView; now: number }) {
  const when = deadlineText(topic.deadline, topic.open, now);
  const where = whereText(topic);
  return (
    <Tappable
      className={`card topic-card${topic.open ? '' : ' topic-card--closed'}`}
      role='link'
      testId='topic-card'
      label={`${topic.title}，${where}，${when}，${topic.suggestionCount} 条建议，点按查看`}
      onTap={() => openPage(topicUrl(topic.id))}
    >
      <View className='topic-card__tags'>
        <Text className={`topic-card__state${topic.open ? ' topic-card__state--open' : ''}`} data-testid='topic-deadline'>
          {when}
        </Text>
        <Text className='topic-card__where'>{where}</Text>
      </View>
      <Text className='topic-card__title' data-testid='topic-title'>
        {topic.title}
      </Text>
      <View className='topic-card__foot'>
        <Text className='topic-card__count'>{topic.suggestionCount} 条建议</Text>
        <Text className='topic-card__go'>{topic.open ? '去看看、提建议 ›' : '看看大家的建议 ›'}</Text>
      </View>
    </Tappable>
  );
}

function TopicList({ topics, now }: { topics: TopicView[]; now: number }) {
  const open = topics.filter((t) => t.open);
  const closed = topics.filter((t) => !t.open);
  return (
    <View>
      <Text className='section-title'>正在征集建议</Text>
      {open.length === 0 ? (
        <Text className='hall-empty'>现在没有正在征集的议题。有想法也可以点上面的「我有建议」直接提。</Text>
      ) : (
        <View data-testid='topics-open'>
          {open.map((t) => (
            <TopicCard key={t.id} topic={t} now={now} />
          ))}
        </View>
      )}
      {closed.length > 0 && (
        <View data-testid='topics-closed'>
          <Text className='section-title'>已结束的议题</Text>
          {closed.map((t) => (
            <TopicCard key={t.id} topic={t} now={now} />
          ))}
        </View>
      )}
    </View>
  );
}

/** 议事 tab: the topics open for suggestions, then closed ones; a free suggestion and 我的建议. */
export default function HallPage() {
  const topics = useHallTopics();
  const now = useNow(60_000);
  return (
    <Page testId='hall-page'>
      <View className='hall-header'>
        <Text className='hall-header__name'>网上议事厅</Text>
        <Text className='hall-header__purpose'>村里、镇里的事，说说你的想法。工作人员会受理、办理并答复你。</Text>
      </View>
      <View className='hall-actions'>
        <Tappable className='button button--primary hall-actions__main' testId='hall-free-suggestion' label='我有建议：不针对某个议题，直接提建议' onTap={() => openPage(submitUrl())}>
          <Text>我有建议</Text>
        </Tappable>
        <Tappable className='button hall-actions__side' role='link' testId='hall-mine' label='我的建议：看办理进度和答复' onTap={() => openPage(ROUTES.mySuggestions)}>
          <Text>我的建议</Text>
        </Tappable>
      </View>
      <CallView state={topics} loadingText='正在加载议题…'>
        {(data) => <TopicList topics={data.topics} now={now} />}
      </CallView>
      <LoadMore list={topics} label='加载更多议题' />
      <Tappable className='card hall-free' role='link' testId='hall-free-list' label='大家的其他建议：不属于某个议题的建议，可以附议' onTap={() => openPage(topicUrl(null))}>
        <View className='hall-free__text'>
          <Text className='hall-free__name'>大家的其他建议</Text>
          <Text className='hall-free__hint'>不属于某个议题的建议，看看并附议</Text>
        </View>
        <Text className='hall-free__go'>›</Text>
      </Tappable>
    </Page>
  );
}
