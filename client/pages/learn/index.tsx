import { Text, View } from '@tarojs/components';
import { CallView } from '../../components/call-view';
import { Page } from '../../components/page';
import { FirstUsePlace } from '../../components/place/first-use-place';
import { Tappable } from '../../components/tappable';
import { useLaws, type LawSummary } from '../../hooks/use-laws';
import { useQuizStarter } from '../../hooks/use-quiz-starter';
import { lessonsUrl, openPage, openQuiz, ROUTES } from '../../routes';
import './index.scss';

function LawCard({ law }: { law: LawSummary }) {
  return (
    <Tappable
      className='card law-card'
      testId={`law-${law.id}`}
      label={`${law.name}，${law.lessonCount}课，点按开始学习`}
      onTap={() => openPage(lessonsUrl(law.id))}
    >
      <View className='law-card__head'>
        <Text className='law-card__name'>{law.short}</Text>
        <Text className='law-card__count'>{law.lessonCount} 课</Text>
      </View>
      <Text className='law-card__version'>{law.version}</Text>
      <Text className='law-card__intro'>{law.intro}</Text>
      <Text className='law-card__go'>开始学习 ›</Text>
    </Tappable>
  );
}

const ENTRIES = [
  { id: 'campaigns', name: '答题活动', hint: '参加妇联的知识竞答', url: ROUTES.campaigns },
  { id: 'mistakes', name: '错题本', hint: '答错的题再练一遍', url: ROUTES.mistakes },
  { id: 'progress', name: '学习记录', hint: '积分、成绩和历史', url: ROUTES.progress },
  { id: 'ranking', name: '排行榜', hint: '看看各镇街的参与', url: ROUTES.ranking },
] as const;

function DailyCard() {
  const starter = useQuizStarter(openQuiz);
  const busy = starter.pending !== null;
  return (
    <View className='card daily' data-testid='daily-card'>
      <View className='daily__text'>
        <Text className='daily__name'>每日一题</Text>
        <Text className='daily__hint'>每天一道题，答完马上看解析和法条。</Text>
        {starter.failed && (
          <Text className='daily__error' aria-live='polite' data-testid='daily-error'>
            {starter.failed.error.message}
          </Text>
        )}
      </View>
      <Tappable className='button button--primary daily__go' testId='daily-start' label='做今天的每日一题' disabled={busy} onTap={() => starter.start({ kind: 'daily' })}>
        <Text>{busy ? '出题中…' : '去答题'}</Text>
      </Tappable>
    </View>
  );
}

function QuizEntries() {
  return (
    <View className='entries'>
      {ENTRIES.map((entry) => (
        <Tappable key={entry.id} className='entry' role='link' testId={`entry-${entry.id}`} label={`${entry.name}：${entry.hint}`} onTap={() => openPage(entry.url)}>
          <Text className='entry__name'>{entry.name}</Text>
          <Text className='entry__hint'>{entry.hint}</Text>
        </Tappable>
      ))}
    </View>
  );
}

/** 学法 tab, the first screen: what the app is for, and the laws to learn. */
export default function LearnPage() {
  const laws = useLaws();
  return (
    <Page testId='learn-page'>
      <View className='learn-header'>
        <Text className='learn-header__name'>巾帼法治通</Text>
        <Text className='learn-header__purpose'>学习保护妇女儿童的法律，遇到难事知道怎么办、找谁帮。</Text>
      </View>
      <FirstUsePlace ask={laws.data?.askPlace ?? false} />
      <Text className='section-title'>答题练习</Text>
      <DailyCard />
      <QuizEntries />
      <Text className='section-title'>选一部法律开始学</Text>
      <CallView state={laws} loadingText='正在加载法律列表…' emptyText='暂时还没有可以学习的法律' isEmpty={(data) => data.laws.length === 0}>
        {(data) => (
          <View className='law-list'>
            {data.laws.map((law) => (
              <LawCard key={law.id} law={law} />
            ))}
          </View>
        )}
      </CallView>
    </Page>
  );
}
