import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CallView } from '../../../components/call-view';
import { Page } from '../../../components/page';
import { Tappable } from '../../../components/tappable';
import { useLessons } from '../../../hooks/use-lessons';
import { PRACTICE_COUNT, useQuizStarter } from '../../../hooks/use-quiz-starter';
import { lessonUrl, openPage, openQuiz, openTab, ROUTES } from '../../../routes';
import './index.scss';

/** 做练习题: practice on this law. */
function PracticeButton({ lawId, lawShort, questionCount }: { lawId: string; lawShort: string; questionCount: number }) {
  const starter = useQuizStarter(openQuiz);
  const busy = starter.pending !== null;
  const count = Math.min(PRACTICE_COUNT, questionCount);
  return (
    <View className='practice'>
      <Tappable className='button button--primary practice__button' testId='start-practice' label={`做${lawShort}的练习题，共${count}道`} disabled={busy} onTap={() => starter.start({ kind: 'practice', lawId })}>
        <Text>{busy ? '正在出题…' : '做练习题'}</Text>
      </Tappable>
      <Text className='practice__hint'>{count} 道题，可以每题马上看对错，也可以交卷后一起看答案、解析和法条</Text>
      {starter.failed && (
        <Text className='practice__error' aria-live='polite' data-testid='start-practice-error'>
          {starter.failed.error.message}
        </Text>
      )}
    </View>
  );
}

function BackToLearn() {
  return (
    <Tappable className='button' testId='lessons-back-to-learn' label='回到学法，看看其他法律' onTap={() => openTab(ROUTES.learn)}>
      <Text>回到学法</Text>
    </Tappable>
  );
}

/** The lessons of one law, in order, and its practice quiz (also when it has no lessons yet). */
export default function LessonsPage() {
  const { params } = useRouter<{ lawId?: string }>();
  const lessons = useLessons(params.lawId);
  const short = lessons.data?.law.short;

  useEffect(() => {
    if (short) Taro.setNavigationBarTitle({ title: short }).catch(() => undefined);
  }, [short]);

  return (
    <Page testId='lessons-page'>
      <CallView state={lessons} loadingText='正在加载课程…' missingAction={<BackToLearn />}>
        {(data) => (
          <View>
            <View className='law-head'>
              <Text className='law-head__name'>{data.law.name}</Text>
              <Text className='law-head__version'>{data.law.version}</Text>
              <Text className='law-head__intro'>{data.law.intro}</Text>
            </View>
            {data.questionCount > 0 && <PracticeButton lawId={data.law.id} lawShort={data.law.short} questionCount={data.questionCount} />}
            {data.lessons.length === 0 && (
              <View className='state' data-testid='lessons-none'>
                <Text className='state__text'>{data.questionCount > 0 ? '这部法律的课程还在准备中，可以先做上面的练习题，每道题都附有解析和法条原文。' : '这部法律的课程和练习题都还在准备中。'}</Text>
                {data.questionCount === 0 && <BackToLearn />}
              </View>
            )}
            {data.lessons.length > 0 && <Text className='section-title'>共 {data.lessons.length} 课</Text>}
            {data.lessons.map((lesson) => (
              <Tappable
                key={lesson.id}
                className='card lesson-item'
                testId={`lesson-${lesson.id}`}
                label={`第${lesson.order}课：${lesson.title}`}
                onTap={() => openPage(lessonUrl(lesson.id))}
              >
                <Text className='lesson-item__order'>第 {lesson.order} 课</Text>
                <Text className='lesson-item__title'>{lesson.title}</Text>
                <Text className='lesson-item__summary'>{lesson.summary}</Text>
              </Tappable>
            ))}
          </View>
        )}
      </CallView>
    </Page>
  );
}
