import { Text, View } from '@tarojs/components';
import { CallView } from '../../../components/call-view';
import { Page } from '../../../components/page';
import { Tappable } from '../../../components/tappable';
import { percent } from '../../../components/quiz-format';
import { dayOf } from '../../../time';
import { useProgress, type Progress } from '../../../hooks/use-progress';
import { openPage, openTab, resultUrl, ROUTES } from '../../../routes';
import './index.scss';

type LawRow = Progress['perLaw'][number];
type HistoryRow = Progress['history'][number];

function Figures({ progress }: { progress: Progress }) {
  return (
    <View className='stats' data-testid='progress-figures'>
      <View className='stat'>
        <Text className='stat__value' data-testid='progress-points'>
          {progress.points}
        </Text>
        <Text className='stat__name'>积分</Text>
      </View>
      <View className='stat'>
        <Text className='stat__value' data-testid='progress-streak'>
          {progress.streak}
        </Text>
        <Text className='stat__name'>连续学习 {progress.streak} 天</Text>
      </View>
      <View className='stat'>
        <Text className='stat__value'>{progress.attempts}</Text>
        <Text className='stat__name'>答题次数</Text>
      </View>
    </View>
  );
}

function LawTable({ rows }: { rows: LawRow[] }) {
  return (
    <View className='law-table' data-testid='progress-laws'>
      <View className='law-table__row law-table__row--head'>
        <Text className='law-table__law'>法律</Text>
        <Text className='law-table__cell'>练习次数</Text>
        <Text className='law-table__cell'>正确率</Text>
        <Text className='law-table__cell'>最好成绩</Text>
        <Text className='law-table__cell'>错题</Text>
      </View>
      {rows.map((row) => (
        <View key={row.lawId} className='law-table__row' data-testid={`progress-law-${row.lawId}`}>
          <Text className='law-table__law'>{row.lawShort}</Text>
          <Text className='law-table__cell'>{row.attempts}</Text>
          <Text className='law-table__cell'>{row.answered > 0 ? percent(row.correct / row.answered) : '—'}</Text>
          <Text className='law-table__cell'>{row.attempts > 0 && row.bestScore > 0 ? `${row.bestScore}分` : '—'}</Text>
          <Text className='law-table__cell'>{row.mistakes}</Text>
        </View>
      ))}
    </View>
  );
}

function HistoryItem({ row }: { row: HistoryRow }) {
  return (
    <Tappable
      className='card history'
      role='link'
      testId={`history-${row.attemptId}`}
      label={`${row.title}，${row.score}分，${dayOf(row.at)}，点按查看`}
      onTap={() => openPage(resultUrl(row.attemptId))}
    >
      <View className='history__main'>
        <Text className='history__title'>{row.title}</Text>
        <Text className='history__meta'>
          {dayOf(row.at)} · 答对 {row.correct} / {row.total} 题{row.passed === null ? '' : row.passed ? ' · 及格' : ' · 未及格'}
        </Text>
      </View>
      <Text className='history__score'>{row.score} 分</Text>
    </Tappable>
  );
}

/** 学习记录: points, streak, per-law figures and past quizzes (each opens its result). */
export default function ProgressPage() {
  const progress = useProgress();
  return (
    <Page testId='progress-page'>
      <CallView state={progress} loadingText='正在打开学习记录…'>
        {(data) => (
          <View>
            <Figures progress={data} />
            <Text className='section-title'>各部法律</Text>
            <LawTable rows={data.perLaw} />
            <Text className='section-title'>答题记录</Text>
            {data.history.length === 0 ? (
              <View className='state state--empty' data-testid='history-empty'>
                <Text className='state__text'>还没有答题记录。学完一课，做几道练习题吧。</Text>
                <Tappable className='button button--primary' label='去学法做练习' onTap={() => openTab(ROUTES.learn)}>
                  <Text>去学法做练习</Text>
                </Tappable>
              </View>
            ) : (
              data.history.map((row) => <HistoryItem key={row.attemptId} row={row} />)
            )}
          </View>
        )}
      </CallView>
    </Page>
  );
}
