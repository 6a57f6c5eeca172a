import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Output } from '@shared/contracts';
import { CallView } from '../../../components/call-view';
import { Page } from '../../../components/page';
import { Tappable } from '../../../components/tappable';
import { QUESTION_TYPE_LABELS } from '../../../components/quiz-format';
import { useQuizStarter, type QuizStart } from '../../../hooks/use-quiz-starter';
import { useResult } from '../../../hooks/use-result';
import { certificateUrl, openPage, openQuiz, ROUTES } from '../../../routes';
import { Explanation, GradedOptions, Verdict } from '../../components/graded';
import { ReportBox } from './report-box';
import './index.scss';

type QuizResult = Output<'learn', 'submitQuiz'>;
type GradedItem = QuizResult['items'][number];

function ResultItem({ item, n }: { item: GradedItem; n: number }) {
  return (
    <View className={`card result-item${item.correct ? '' : ' result-item--wrong'}`} data-testid='result-item' data-question-id={item.questionId}>
      <View className='result-item__head'>
        <Text className='result-item__num'>
          第 {n} 题 · {QUESTION_TYPE_LABELS[item.type]}
        </Text>
        <Verdict correct={item.correct} />
      </View>
      <Text className='result-item__stem'>{item.stem}</Text>
      <GradedOptions options={item.options} answer={item.answer} chosen={item.chosen} />
      {item.chosen.length === 0 && <Text className='notice'>这道题你没有作答。</Text>}
      <Explanation explanation={item.explanation} article={item.article} />
      <ReportBox questionId={item.questionId} />
    </View>
  );
}

function Summary({ result }: { result: QuizResult }) {
  return (
    <View className='card summary' data-testid='result-summary'>
      <Text className='summary__title'>{result.title}</Text>
      <View className='summary__score' data-testid='result-score' aria-label={`得分 ${result.score} 分`}>
        <Text className='summary__number'>{result.score}</Text>
        <Text className='summary__unit'>分</Text>
      </View>
      <Text className='summary__line'>
        答对 {result.correct} / {result.total} 题
      </Text>
      {result.passMark !== null && (
        <Text className={`summary__pass${result.passed ? ' summary__pass--yes' : ' summary__pass--no'}`} data-testid='result-passed'>
          {result.passed ? `✓ 及格了（及格线 ${result.passMark} 分）` : `✗ 没有及格（及格线 ${result.passMark} 分）`}
        </Text>
      )}
      {result.expired && <Text className='notice notice--error'>超过答题时限才交卷，这次的答案不计分。</Text>}
      <Text className='summary__points' data-testid='result-points'>
        {result.pointsEarned > 0 ? `获得 ${result.pointsEarned} 积分` : '这次没有获得积分'}
      </Text>
    </View>
  );
}

/** What 再练一次 starts: the same law, the mistake book again, or (a campaign) its list. */
function againOf(result: QuizResult, lawId: string | null): QuizStart | 'campaigns' | null {
  if (result.mode === 'campaign') return 'campaigns';
  if (result.mode === 'drill') return { kind: 'drill' };
  return lawId ? { kind: 'practice', lawId } : null;
}

/** The buttons after a result; shown above and below the questions (`bottom` keeps test ids apart). */
function Actions({ result, lawId, bottom = false }: { result: QuizResult; lawId: string | null; bottom?: boolean }) {
  const suffix = bottom ? '-bottom' : '';
  const starter = useQuizStarter(openQuiz);
  const again = againOf(result, lawId);
  const showCertificate = result.mode === 'campaign' && result.passed === true;
  return (
    <View className='result-actions'>
      {showCertificate && (
        <Tappable className='button button--primary button--block' testId={`result-certificate${suffix}`} label='查看证书' onTap={() => openPage(certificateUrl(result.attemptId))}>
          <Text>查看证书</Text>
        </Tappable>
      )}
      <View className='button-row'>
        {again !== null && (
          <Tappable
            className='button button--primary'
            testId={`result-again${suffix}`}
            label='再练一次'
            disabled={starter.pending !== null}
            onTap={() => (again === 'campaigns' ? openPage(ROUTES.campaigns) : starter.start(again))}
          >
            <Text>{starter.pending !== null ? '正在出题…' : '再练一次'}</Text>
          </Tappable>
        )}
        <Tappable className='button' testId={`result-mistakes${suffix}`} label='去错题本' onTap={() => openPage(ROUTES.mistakes)}>
          <Text>去错题本</Text>
        </Tappable>
      </View>
      {starter.failed && (
        <Text className='notice notice--error' aria-live='polite'>
          {starter.failed.error.message}
        </Text>
      )}
    </View>
  );
}

/** The graded attempt: score, then every question with the right answer, 解析 and the article. */
export default function ResultPage() {
  const { params } = useRouter<{ attemptId?: string }>();
  const { result, lawId } = useResult(params.attemptId);
  return (
    <Page testId='result-page'>
      <CallView state={result} loadingText='正在打开答题结果…'>
        {(data) => (
          <View>
            <Summary result={data} />
            <Actions result={data} lawId={lawId} />
            <Text className='section-title'>逐题查看</Text>
            {data.items.map((item, i) => (
              <ResultItem key={item.questionId} item={item} n={i + 1} />
            ))}
            <Actions result={data} lawId={lawId} bottom />
          </View>
        )}
      </CallView>
    </Page>
  );
}
