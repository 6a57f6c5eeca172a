import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Quiz as QuizData, QuizQuestion } from '@shared/contracts/quiz';
import { Page } from '../../../components/page';
import { Tappable } from '../../../components/tappable';
import { optionLetter, QUESTION_TYPE_LABELS } from '../../../components/quiz-format';
import { clock } from '../../../time';
import { useDailyAnswer } from '../../../hooks/use-daily';
import { useQuiz, type QuizState } from '../../../hooks/use-quiz';
import { Explanation, GradedOptions, Verdict } from '../../components/graded';
import { openTab, replacePage, resultUrl, ROUTES } from '../../../routes';
import './index.scss';

function showResult(attemptId: string): void {
  replacePage(resultUrl(attemptId));
}

function QuizHead({ state }: { state: QuizState }) {
  const { quiz, index, answeredCount, secondsLeft } = state;
  if (!quiz) return null;
  const total = quiz.questions.length;
  const urgent = secondsLeft !== null && secondsLeft <= 60;
  return (
    <View className='quiz-head'>
      <View className='quiz-head__row'>
        <Text className='quiz-head__title'>{quiz.title}</Text>
        {secondsLeft !== null && (
          <Text className={`quiz-timer${urgent ? ' quiz-timer--urgent' : ''}`} data-testid='quiz-timer' aria-label={`剩余时间 ${clock(secondsLeft)}`}>
            剩余 {clock(secondsLeft)}
          </Text>
        )}
      </View>
      <View className='quiz-head__row'>
        <Text className='quiz-head__count' data-testid='quiz-progress'>
          第 {index + 1} / {total} 题
        </Text>
        <Text className='quiz-head__answered'>已答 {answeredCount} 题</Text>
      </View>
      <View className='quiz-bar' aria-hidden>
        <View className='quiz-bar__fill' style={{ width: `${Math.round(((index + 1) / total) * 100)}%` }} />
      </View>
    </View>
  );
}

function QuestionCard({ question, chosen, onChoose, locked }: { question: QuizQuestion; chosen: string[]; onChoose: (key: string) => void; locked: boolean }) {
  const multiple = question.type === 'multiple';
  return (
    <View className='card quiz-question' data-testid='quiz-question' data-question-id={question.id}>
      <View className='quiz-question__meta'>
        <Text className='tag' data-testid='quiz-type'>
          {QUESTION_TYPE_LABELS[question.type]}
        </Text>
        <Text className='quiz-question__law'>{question.lawShort}</Text>
      </View>
      <Text className='quiz-question__stem'>{question.stem}</Text>
      <Text className='quiz-question__hint'>{multiple ? '可以选多项：选出全部正确的选项' : '选出一个正确的选项'}</Text>
      <View className='options' aria-label={multiple ? '选项，可多选' : '选项，单选'}>
        {question.options.map((option, i) => {
          const picked = chosen.includes(option.key);
          const letter = optionLetter(i);
          return (
            <Tappable
              key={option.key}
              className={`option${picked ? ' option--picked' : ''}`}
              role={multiple ? 'checkbox' : 'radio'}
              checked={picked}
              disabled={locked}
              testId={`quiz-option-${option.key}`}
              label={`${letter}，${option.text}${picked ? '，已选' : ''}`}
              onTap={() => onChoose(option.key)}
            >
              <Text className='option__letter'>{letter}</Text>
              <Text className='option__text'>{option.text}</Text>
              <Text className='option__mark'>{picked ? '✓ 已选' : ''}</Text>
            </Tappable>
          );
        })}
      </View>
    </View>
  );
}

function AnswerSheet({ state }: { state: QuizState }) {
  const { quiz, index, answers, go } = state;
  if (!quiz) return null;
  return (
    <View className='sheet' data-testid='quiz-sheet'>
      <Text className='sheet__title'>答题卡</Text>
      <Text className='sheet__legend'>带 ✓ 的是已答的题，点题号可以跳过去。</Text>
      <View className='sheet__grid'>
        {quiz.questions.map((q, i) => {
          const answered = (answers[q.id]?.length ?? 0) > 0;
          const current = i === index;
          return (
            <Tappable
              key={q.id}
              className={`sheet__cell${answered ? ' sheet__cell--done' : ''}${current ? ' sheet__cell--current' : ''}`}
              testId={`quiz-jump-${i + 1}`}
              label={`第${i + 1}题，${answered ? '已答' : '未答'}${current ? '，当前' : ''}`}
              onTap={() => go(i)}
            >
              <Text className='sheet__num'>{i + 1}</Text>
              <Text className='sheet__done'>{answered ? '✓' : ''}</Text>
            </Tappable>
          );
        })}
      </View>
    </View>
  );
}

function ConfirmSubmit({ state }: { state: QuizState }) {
  const { quiz, answeredCount } = state;
  if (!quiz || !state.confirming) return null;
  const open = quiz.questions.length - answeredCount;
  return (
    <View className='confirm' data-testid='quiz-confirm'>
      <View className='confirm__box' role='dialog' aria-modal aria-label='确认交卷'>
        <Text className='confirm__title'>确定交卷吗？</Text>
        <Text className='confirm__text'>还有 {open} 道题没有答，没答的题按答错计算。交卷后不能再改答案。</Text>
        <View className='button-row'>
          <Tappable className='button' testId='quiz-confirm-cancel' label='继续答题' onTap={state.cancelSubmit}>
            <Text>继续答题</Text>
          </Tappable>
          <Tappable className='button button--primary' testId='quiz-confirm-submit' label='仍然交卷' onTap={state.submit}>
            <Text>仍然交卷</Text>
          </Tappable>
        </View>
      </View>
    </View>
  );
}

/** 每题马上看对错: her choice, for practice and drills only (campaigns are graded at 交卷). */
function CheckEachSwitch({ state }: { state: QuizState }) {
  if (state.checkEach === null) return null;
  const on = state.checkEach;
  return (
    <Tappable className='card check-each' role='switch' checked={on} testId='quiz-check-each' label={`每题马上看对错，${on ? '已开启' : '已关闭'}，点按切换`} onTap={() => state.setCheckEach(!on)}>
      <View className='check-each__text'>
        <Text className='check-each__name'>每题马上看对错</Text>
        <Text className='check-each__hint'>{on ? '选完就告诉你对不对，并给出解析和法条' : '关闭时，交卷后一起看答案'}</Text>
      </View>
      <View className={`toggle${on ? ' toggle--on' : ''}`}>
        <Text className='toggle__text'>{on ? '开' : '关'}</Text>
      </View>
    </Tappable>
  );
}

/** The answer just checked: right or wrong, the right answer, the explanation and the article. */
function Feedback({ state, question }: { state: QuizState; question: QuizQuestion }) {
  const checked = state.feedback[question.id];
  if (checked) {
    return (
      <View className='card quiz-feedback' data-testid='quiz-feedback'>
        <Verdict correct={checked.correct} />
        <GradedOptions options={question.options} answer={checked.answer} chosen={checked.chosen} />
        <Explanation explanation={checked.explanation} article={checked.article} />
      </View>
    );
  }
  const multiple = question.type === 'multiple';
  const chosen = state.answers[question.id] ?? [];
  return (
    <View>
      {state.checkEach && multiple && (
        <Tappable className='button button--primary button--block quiz-check' testId='quiz-check' label='确定，看看选得对不对' disabled={chosen.length === 0 || state.checking !== null} onTap={state.check}>
          <Text>{state.checking === question.id ? '正在判断…' : '确定'}</Text>
        </Tappable>
      )}
      {state.checkError && (
        <Text className='notice notice--error' aria-live='polite' data-testid='quiz-check-error'>
          没有判断成功：{state.checkError.message}
        </Text>
      )}
    </View>
  );
}

/** The bar at the bottom of the screen: 上一题, and 下一题 — or 交卷 on the last question. */
function BottomBar({ state }: { state: QuizState }) {
  const { quiz, index, submitting } = state;
  if (!quiz) return null;
  const last = index === quiz.questions.length - 1;
  const open = quiz.questions.length - state.answeredCount;
  return (
    <View className='quiz-actions' data-testid='quiz-actions'>
      <Tappable className='button quiz-actions__prev' testId='quiz-prev' label='上一题' disabled={index === 0} onTap={() => state.go(index - 1)}>
        <Text>‹ 上一题</Text>
      </Tappable>
      {last ? (
        <Tappable
          className='button button--primary quiz-actions__next'
          testId='quiz-submit'
          label={submitting ? '正在交卷' : open > 0 ? `交卷，还有${open}题没答` : '交卷'}
          disabled={submitting}
          onTap={state.askSubmit}
        >
          <Text>{submitting ? '正在交卷…' : '交卷'}</Text>
        </Tappable>
      ) : (
        <Tappable className='button button--primary quiz-actions__next' testId='quiz-next' label='下一题' onTap={() => state.go(index + 1)}>
          <Text>下一题 ›</Text>
        </Tappable>
      )}
    </View>
  );
}

function Quiz({ state }: { state: QuizState }) {
  const { quiz, question, submitting, secondsLeft } = state;
  if (!quiz || !question) return null;
  const open = quiz.questions.length - state.answeredCount;
  const locked = submitting || Boolean(state.feedback[question.id]) || state.checking !== null;
  return (
    <View className='quiz'>
      <QuizHead state={state} />
      <CheckEachSwitch state={state} />
      {state.feedback[question.id] ? null : <QuestionCard question={question} chosen={state.answers[question.id] ?? []} onChoose={state.choose} locked={locked} />}
      {state.feedback[question.id] && (
        <View className='card quiz-question' data-testid='quiz-question' data-question-id={question.id}>
          <Text className='quiz-question__stem'>{question.stem}</Text>
        </View>
      )}
      <Feedback state={state} question={question} />
      {secondsLeft === 0 && <Text className='notice'>时间到了，答案已自动交卷。</Text>}
      {state.error && (
        <Text className='notice notice--error' aria-live='polite' data-testid='quiz-error'>
          交卷没有成功：{state.error.message}。请再点一次“交卷”。
        </Text>
      )}
      <AnswerSheet state={state} />
      <Tappable
        className='button button--block quiz-submit'
        testId='quiz-submit-early'
        label={submitting ? '正在交卷' : open > 0 ? `现在交卷，还有${open}题没答` : '现在交卷'}
        disabled={submitting}
        onTap={state.askSubmit}
      >
        <Text>{submitting ? '正在交卷…' : '现在交卷'}</Text>
      </Tappable>
      <Text className='quiz-submit__hint'>{open > 0 ? `还有 ${open} 道题没答` : '全部答完了，可以交卷'}</Text>
      <BottomBar state={state} />
      <ConfirmSubmit state={state} />
    </View>
  );
}

/** 每日一题: one question, answered at once: right or wrong, the explanation and the article. */
function Daily({ quiz }: { quiz: QuizData }) {
  const daily = useDailyAnswer(quiz);
  const question = quiz.questions[0];
  if (!question) return null;
  const item = daily.result?.items[0] ?? null;
  const multiple = question.type === 'multiple';
  return (
    <View className='daily-quiz' data-testid='daily-quiz'>
      <Text className='quiz-head__title'>{quiz.title}</Text>
      {item ? (
        <View className='card quiz-feedback' data-testid='quiz-feedback'>
          <View className='quiz-question__meta'>
            <Text className='tag'>{QUESTION_TYPE_LABELS[question.type]}</Text>
            <Text className='quiz-question__law'>{question.lawShort}</Text>
          </View>
          <Text className='quiz-question__stem'>{question.stem}</Text>
          <Verdict correct={item.correct} />
          <GradedOptions options={item.options} answer={item.answer} chosen={item.chosen} />
          <Explanation explanation={item.explanation} article={item.article} />
        </View>
      ) : (
        <QuestionCard question={question} chosen={daily.chosen} onChoose={daily.choose} locked={daily.sending} />
      )}
      {!item && multiple && (
        <Tappable className='button button--primary button--block' testId='daily-confirm' label='确定，看看选得对不对' disabled={daily.chosen.length === 0 || daily.sending} onTap={daily.confirm}>
          <Text>{daily.sending ? '正在判断…' : '确定'}</Text>
        </Tappable>
      )}
      {daily.sending && !multiple && <Text className='notice'>正在判断…</Text>}
      {daily.error && (
        <Text className='notice notice--error' aria-live='polite' data-testid='quiz-error'>
          没有提交成功：{daily.error.message}。请再选一次。
        </Text>
      )}
      {item && (
        <View className='button-row'>
          <Tappable className='button button--primary' testId='daily-done' label='回到学法' onTap={() => openTab(ROUTES.learn)}>
            <Text>回到学法</Text>
          </Tappable>
        </View>
      )}
    </View>
  );
}

/** Answering a quiz, one question at a time, then 交卷 (graded on the server in one call). */
export default function QuizPage() {
  const { params } = useRouter<{ attemptId?: string }>();
  const state = useQuiz(params.attemptId, showResult);
  const answering = state.quiz !== null;

  useEffect(() => {
    // WeChat only: the back gesture would silently drop the answers chosen so far.
    if (process.env.TARO_ENV !== 'weapp' || !answering) return;
    try {
      Taro.enableAlertBeforeUnload({ message: '还没有交卷，离开后已选的答案不会保存。确定离开吗？' });
    } catch {
      // an older WeChat without this API: leaving simply is not guarded
    }
  }, [answering]);

  return (
    <Page testId='quiz-page'>
      {state.quiz?.mode === 'daily' ? (
        <Daily quiz={state.quiz} />
      ) : state.quiz ? (
        <Quiz state={state} />
      ) : (
        <View className='state' data-testid='state-error'>
          <Text className='state__text'>这次答题已经失效（可能是小程序重新打开过），请回到学法页重新开始。</Text>
          <Tappable className='button button--primary' label='回到学法' testId='quiz-restart' onTap={() => openTab(ROUTES.learn)}>
            <Text>回到学法</Text>
          </Tappable>
        </View>
      )}
    </Page>
  );
}
