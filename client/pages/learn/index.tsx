import { Text, View } from '@tarojs/components';
import { LargeTextOffer } from '../../components/large-text-offer';
import { Page } from '../../components/page';
import { FirstUsePlace } from '../../components/place/first-use-place';
import { Tappable } from '../../components/tappable';
import BUILT_IN from '@shared/content/laws.json';
import { useLaws, type LawSummary } from '../../hooks/use-laws';
import { useRefreshOnShow } from '../../hooks/use-refresh-on-show';
import { useQuizStarter } from '../../hooks/use-quiz-starter';
import { lessonsUrl, openPage, openQuiz, ROUTES } from '../../routes';
import './index.scss';

/** A law as the card shows it; the counts are unknown for the built-in list shown while offline. */
type LawCardData = Pick<LawSummary, 'id' | 'name' | 'short' | 'version' | 'intro'> & { lessonCount?: number; questionCount?: number };

/** The laws as built into the app: shown when the list cannot be read, so the first screen never fails. */
const BUILT_IN_LAWS: LawCardData[] = BUILT_IN.map(({ id, name, short, version, intro }) => ({ id, name, short, version, intro }));

/** What the card counts, on screen ("6 课", "练习题 35 道") and spoken ("6课"); empty while unknown. */
function countText(law: LawCardData): { shown: string; spoken: string } {
  if (law.lessonCount === undefined) return { shown: '', spoken: '' };
  if (law.lessonCount > 0) return { shown: `${law.lessonCount} 课`, spoken: `${law.lessonCount}课` };
  return { shown: `练习题 ${law.questionCount ?? 0} 道`, spoken: `练习题${law.questionCount ?? 0}道` };
}

function LawCard({ law }: { law: LawCardData }) {
  const practiceOnly = law.lessonCount === 0;
  const go = practiceOnly ? '去做练习' : '开始学习';
  const count = countText(law);
  return (
    <Tappable className='card law-card' testId={`law-${law.id}`} label={`${law.name}${count.spoken ? `，${count.spoken}` : ''}，点按${go}`} onTap={() => openPage(lessonsUrl(law.id))}>
      <View className='law-card__head'>
        <Text className='law-card__name'>{law.short}</Text>
        <Text className='law-card__count'>{count.shown}</Text>
      </View>
      <Text className='law-card__version'>{law.version}</Text>
      <Text className='law-card__intro'>{law.intro}</Text>
      <Text className='law-card__go'>{go} ›</Text>
    </Tappable>
  );
}

/**
 * The laws to learn. When the list cannot be read (offline, or the service is down) the built-in
 * list stands in, quietly: this is the page 快速离开 lands on, and it must look like any other day.
 */
function LawList({ laws }: { laws: ReturnType<typeof useLaws> }) {
  // Read again on the next visit only when the list could not be read this time.
  const { error, retry } = laws;
  useRefreshOnShow(() => {
    if (error) retry();
  });
  const list: LawCardData[] | null = laws.data?.laws ?? (laws.error ? BUILT_IN_LAWS : null);
  if (list === null) {
    return (
      <View className='state' data-testid='state-loading'>
        <Text className='state__text'>正在加载法律列表…</Text>
      </View>
    );
  }
  return (
    <View className='law-list' data-testid='law-list'>
      {list.map((law) => (
        <LawCard key={law.id} law={law} />
      ))}
    </View>
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
        <LargeTextOffer />
      </View>
      <FirstUsePlace ask={laws.data?.askPlace ?? false} />
      <Text className='section-title'>答题练习</Text>
      <DailyCard />
      <QuizEntries />
      <Text className='section-title'>选一部法律开始学</Text>
      <LawList laws={laws} />
    </Page>
  );
}
