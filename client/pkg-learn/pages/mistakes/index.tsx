import { Text, View } from '@tarojs/components';
import { CallView } from '../../../components/call-view';
import { Page } from '../../../components/page';
import { Tappable } from '../../../components/tappable';
import { QUESTION_TYPE_LABELS } from '../../../components/quiz-format';
import { useMistakes, type MistakeGroup } from '../../../hooks/use-mistakes';
import { startKey, useQuizStarter, type QuizStarter } from '../../../hooks/use-quiz-starter';
import { openQuiz, openTab, ROUTES } from '../../../routes';
import './index.scss';
import { LoadMore } from '../../../components/load-more';

type MistakeItem = MistakeGroup['items'][number];

/** The right answer in words: the texts of the right options (letters change with every shuffle). */
function rightAnswer(question: MistakeItem['question']): string {
  return question.options
    .filter((o) => question.answer.includes(o.key))
    .map((o) => o.text)
    .join('；');
}

function Item({ item }: { item: MistakeItem }) {
  const { question } = item;
  return (
    <View className='mistake' data-testid='mistake-item' data-question-id={question.id}>
      <View className='mistake__head'>
        <Text className='tag'>{QUESTION_TYPE_LABELS[question.type]}</Text>
        <Text className='mistake__count'>错 {item.wrongCount} 次</Text>
      </View>
      <Text className='mistake__stem'>{question.stem}</Text>
      <Text className='mistake__answer'>
        <Text className='mistake__label'>正确答案：</Text>
        {rightAnswer(question)}
      </Text>
      <Text className='mistake__explain'>
        <Text className='mistake__label'>解析：</Text>
        {question.explanation}
      </Text>
      <Text className='mistake__cite'>
        依据：《{question.article.law}》{question.article.article}
      </Text>
    </View>
  );
}

function Group({ group, starter }: { group: MistakeGroup; starter: QuizStarter }) {
  const start = { kind: 'drill', lawId: group.lawId } as const;
  const busy = starter.pending === startKey(start);
  return (
    <View className='card mistake-group' data-testid={`mistake-group-${group.lawId}`}>
      <View className='mistake-group__head'>
        <Text className='mistake-group__name'>{group.lawShort}</Text>
        <Text className='mistake-group__count'>{group.items.length} 道错题</Text>
      </View>
      <Tappable
        className='button button--primary button--block'
        testId={`drill-${group.lawId}`}
        label={`重做${group.lawShort}的${group.items.length}道错题`}
        disabled={starter.pending !== null}
        onTap={() => starter.start(start)}
      >
        <Text>{busy ? '正在出题…' : '重做本组错题'}</Text>
      </Tappable>
      {starter.failed?.key === startKey(start) && (
        <Text className='notice notice--error' aria-live='polite'>
          {starter.failed.error.message}
        </Text>
      )}
      {group.items.map((item) => (
        <Item key={item.question.id} item={item} />
      ))}
    </View>
  );
}

function Empty() {
  return (
    <View className='state state--empty' data-testid='mistakes-empty'>
      <Text className='state__text'>错题本是空的。做练习时答错的题会收在这里，可以反复重做，答对了就会移出。</Text>
      <Tappable className='button button--primary' testId='mistakes-go-learn' label='去学法做练习' onTap={() => openTab(ROUTES.learn)}>
        <Text>去学法做练习</Text>
      </Tappable>
    </View>
  );
}

/** 错题本: every question I answered wrong, by law, to drill until answered right. */
export default function MistakesPage() {
  const mistakes = useMistakes();
  const starter = useQuizStarter(openQuiz);
  const all = { kind: 'drill' } as const;
  return (
    <Page testId='mistakes-page'>
      <CallView state={mistakes} loadingText='正在打开错题本…'>
        {(data) =>
          data.total === 0 && data.setAside === 0 ? (
            <Empty />
          ) : (
            <View>
              <View className='mistakes-head'>
                <Text className='mistakes-head__total'>共 {data.total} 道错题</Text>
                <Text className='mistakes-head__hint'>重做时答对的题会移出错题本。</Text>
                {data.setAside > 0 && (
                  <Text className='mistakes-head__hint' data-testid='mistakes-set-aside'>
                    另有 {data.setAside} 道题正在用于答题活动，活动结束后再显示。
                  </Text>
                )}
                <Tappable
                  className='button button--primary button--block'
                  testId='drill-all'
                  label={`全部重做，共${data.total}道错题`}
                  disabled={starter.pending !== null}
                  onTap={() => starter.start(all)}
                >
                  <Text>{starter.pending === startKey(all) ? '正在出题…' : '全部重做'}</Text>
                </Tappable>
                {starter.failed?.key === startKey(all) && (
                  <Text className='notice notice--error' aria-live='polite'>
                    {starter.failed.error.message}
                  </Text>
                )}
              </View>
              {data.groups.map((group) => (
                <Group key={group.lawId} group={group} starter={starter} />
              ))}
            </View>
          )
        }
      </CallView>
      <LoadMore list={mistakes} label='加载更多错题' />
    </Page>
  );
}
