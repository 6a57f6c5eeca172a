import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Output } from '@shared/contracts';
import { CallView } from '../../../components/call-view';
import { Page } from '../../../components/page';
import { Tappable } from '../../../components/tappable';
import { useLesson } from '../../../hooks/use-lesson';
import { useQuizStarter } from '../../../hooks/use-quiz-starter';
import { lessonUrl, openQuiz, openTab, replacePage, ROUTES } from '../../../routes';
import { PhoneLink } from './phone-link';
import './index.scss';

type LessonView = Output<'learn', 'getLesson'>;
type Article = LessonView['lesson']['articles'][number];

/** The date at the front of a lesson's `checked` note ("2026-11-29: compared with …"). */
function checkedDate(checked: string): string | null {
  return /^(\d{4}-\d{2}-\d{2})/.exec(checked)?.[1] ?? null;
}

function ArticleBlock({ article }: { article: Article }) {
  return (
    <View className='article' data-testid='article-block'>
      <Text className='article__cite'>
        《{article.law}》{article.article}
      </Text>
      <Text className='article__text'>
        {article.text}
      </Text>
    </View>
  );
}

function NeighbourLinks({ prev, next }: Pick<LessonView, 'prev' | 'next'>) {
  if (!prev && !next) return null;
  return (
    <View className='neighbours'>
      {prev && (
        <Tappable className='card neighbour' role='link' testId='lesson-prev' label={`上一课：${prev.title}`} onTap={() => replacePage(lessonUrl(prev.id))}>
          <Text className='neighbour__dir'>‹ 上一课</Text>
          <Text className='neighbour__title'>{prev.title}</Text>
        </Tappable>
      )}
      {next && (
        <Tappable className='card neighbour neighbour--next' role='link' testId='lesson-next' label={`下一课：${next.title}`} onTap={() => replacePage(lessonUrl(next.id))}>
          <Text className='neighbour__dir'>下一课 ›</Text>
          <Text className='neighbour__title'>{next.title}</Text>
        </Tappable>
      )}
    </View>
  );
}

/** 做这部法律的练习题, at the end of a lesson. */
function PracticeAfterLesson({ lawId, lawShort }: { lawId: string; lawShort: string }) {
  const starter = useQuizStarter(openQuiz);
  const busy = starter.pending !== null;
  return (
    <View className='after-lesson'>
      <Text className='after-lesson__text'>学完了？做几道题检验一下。</Text>
      <Tappable className='button button--primary' testId='lesson-start-practice' label={`做${lawShort}的练习题`} disabled={busy} onTap={() => starter.start({ kind: 'practice', lawId })}>
        <Text>{busy ? '正在出题…' : '做这部法律的练习题'}</Text>
      </Tappable>
      {starter.failed && (
        <Text className='after-lesson__error' aria-live='polite'>
          {starter.failed.error.message}
        </Text>
      )}
    </View>
  );
}

function Reader({ view }: { view: LessonView }) {
  const { lesson, law } = view;
  const date = checkedDate(lesson.checked);
  return (
    <View className='reader' data-testid='lesson-reader'>
      <Text className='reader__meta'>
        {law.short} · 第 {view.number} 课 · 共 {view.count} 课
      </Text>
      <Text className='reader__title' data-testid='lesson-title'>
        {lesson.title}
      </Text>
      <Text className='reader__summary'>{lesson.summary}</Text>

      <View className='reader__body'>
        {lesson.body.map((paragraph, i) => (
          <Text key={i} className='reader__paragraph'>
            {paragraph}
          </Text>
        ))}
      </View>

      <Text className='section-title'>法条原文</Text>
      {lesson.articles.map((article) => (
        <ArticleBlock key={`${article.law}${article.article}`} article={article} />
      ))}
      {date && <Text className='reader__checked'>以上法条已与现行法律原文逐字核对（{date}）。</Text>}

      <Text className='section-title'>案例</Text>
      <View className='card case' data-testid='lesson-case'>
        <Text className='case__title'>{lesson.case.title}</Text>
        <Text className='case__text'>{lesson.case.text}</Text>
      </View>

      <Text className='section-title'>你可以这样做</Text>
      <View className='actions' data-testid='lesson-actions'>
        {lesson.actions.map((action, i) => (
          <View key={i} className='actions__item'>
            <Text className='actions__num'>{i + 1}</Text>
            <Text className='actions__text'>{action}</Text>
          </View>
        ))}
      </View>

      {lesson.contacts.length > 0 && (
        <View data-testid='lesson-contacts'>
          <Text className='section-title'>求助电话</Text>
          {lesson.contacts.map((contact) => (
            <View key={`${contact.name}${contact.phone}`} className='card contact'>
              <View className='contact__text'>
                <Text className='contact__name'>{contact.name}</Text>
                <Text className='contact__phone'>{contact.phone}</Text>
              </View>
              <PhoneLink name={contact.name} phone={contact.phone} />
            </View>
          ))}
        </View>
      )}

      <PracticeAfterLesson lawId={law.id} lawShort={law.short} />
      <NeighbourLinks prev={view.prev} next={view.next} />
    </View>
  );
}

/** Where to go when the lesson is gone (staff removed it): the laws, not 重试. */
function BackToLearn() {
  return (
    <Tappable className='button button--primary' testId='lesson-back-to-learn' label='回到学法，看看其他课程' onTap={() => openTab(ROUTES.learn)}>
      <Text>回到学法</Text>
    </Tappable>
  );
}

/** The lesson reader. */
export default function LessonPage() {
  const { params } = useRouter<{ id?: string }>();
  const lesson = useLesson(params.id);
  const short = lesson.data?.law.short;

  useEffect(() => {
    if (short) Taro.setNavigationBarTitle({ title: short }).catch(() => undefined);
  }, [short]);

  return (
    <Page testId='lesson-page'>
      <CallView state={lesson} loadingText='正在打开这一课…' missingAction={<BackToLearn />}>
        {(data) => <Reader view={data} />}
      </CallView>
    </Page>
  );
}
