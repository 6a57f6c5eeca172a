import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { whereText } from '../../../components/hall/format';
import { SwitchRow } from '../../../components/hall/switch-row';
import { mineUrl } from '../../../components/hall/urls';
import { Page } from '../../../components/page';
import { Tappable } from '../../../components/tappable';
import { useCall } from '../../../hooks/use-call';
import { CONTENT_MAX, CONTENT_MIN, TITLE_MAX, useHallSubmit, type Submitted, type SuggestionFormState } from '../../../hooks/use-hall-submit';
import { replacePage } from '../../../routes';
import '../../../components/hall/hall.scss';
import './index.scss';

function TitleBox({ f }: { f: SuggestionFormState }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <input className='box' type='text' value={f.title} maxLength={TITLE_MAX} placeholder='一句话说说是什么事（可以不填）' aria-label='标题，可以不填' data-testid='suggestion-title' onChange={(e) => f.setTitle(e.target.value)} />
    );
  }
  return <Input className='box' value={f.title} maxlength={TITLE_MAX} placeholder='一句话说说是什么事（可以不填）' aria-label='标题，可以不填' onInput={(e) => f.setTitle(e.detail.value)} />;
}

function ContentBox({ f }: { f: SuggestionFormState }) {
  const placeholder = '把你看到的问题和想法写清楚：在哪里、什么情况、希望怎么改';
  // A little room past the limit, so a pasted text is not cut silently: the counter says what to trim.
  const limit = CONTENT_MAX + 200;
  if (process.env.TARO_ENV === 'h5') {
    return (
      <textarea
        className={`box box--area${f.problem ? ' box--invalid' : ''}`}
        value={f.content}
        maxLength={limit}
        rows={8}
        placeholder={placeholder}
        aria-label={`建议内容，${CONTENT_MIN} 到 ${CONTENT_MAX} 字`}
        aria-invalid={Boolean(f.problem)}
        data-testid='suggestion-content'
        onChange={(e) => f.setContent(e.target.value)}
      />
    );
  }
  return (
    <Textarea
      className={`box box--area${f.problem ? ' box--invalid' : ''}`}
      value={f.content}
      maxlength={limit}
      autoHeight
      placeholder={placeholder}
      aria-label={`建议内容，${CONTENT_MIN} 到 ${CONTENT_MAX} 字`}
      onInput={(e) => f.setContent(e.detail.value)}
    />
  );
}

function TopicLine({ topicId }: { topicId: string }) {
  const topic = useCall('hall', 'getTopic', { topicId });
  if (topic.error) {
    return (
      <Text className='hall-notice hall-notice--error' aria-live='polite'>
        {topic.error.message}
      </Text>
    );
  }
  if (!topic.data) return <Text className='hall-notice'>正在读取议题…</Text>;
  return (
    <View className='card submit-topic' data-testid='submit-topic'>
      <Text className='submit-topic__label'>针对议题 · {whereText(topic.data)}</Text>
      <Text className='submit-topic__title'>{topic.data.title}</Text>
      {!topic.data.open && <Text className='hall-notice hall-notice--error'>这个议题已经截止，不能再提建议了。</Text>}
    </View>
  );
}

/** 提建议: an optional title, the content with a live count, 匿名发表, and what happens after. */
export default function SubmitPage() {
  const { params } = useRouter<{ topicId?: string }>();
  const topicId = params.topicId || undefined;
  const onDone = useCallback((out: Submitted) => replacePage(mineUrl({ id: out.id, sent: out.held ? 'held' : 'public' })), []);
  const f = useHallSubmit(topicId, onDone);
  const over = f.count > CONTENT_MAX;
  return (
    <Page testId='submit-page'>
      {topicId ? <TopicLine topicId={topicId} /> : <Text className='submit-free'>不针对某个议题，直接向妇联提建议。</Text>}

      <View className='submit-field'>
        <Text className='submit-field__label'>标题（可以不填）</Text>
        <TitleBox f={f} />
      </View>

      <View className='submit-field'>
        <Text className='submit-field__label'>建议内容</Text>
        <ContentBox f={f} />
        <View className='submit-count'>
          <Text className='submit-count__rule'>
            {CONTENT_MIN}–{CONTENT_MAX} 字
          </Text>
          <Text className={`submit-count__now${over || f.problem ? ' submit-count__now--bad' : ''}`} data-testid='content-count' aria-live='polite'>
            已写 {f.count} 字
          </Text>
        </View>
        {f.problem && (
          <Text className='hall-notice hall-notice--error' data-testid='content-problem' aria-live='polite'>
            {f.problem}
          </Text>
        )}
      </View>

      <SwitchRow
        name='匿名发表'
        hint={f.anonymous ? '公开时显示为“匿名居民”，不显示姓氏和所在镇街。' : '公开时显示你的姓氏（如“李**”）和所在镇街。'}
        on={f.anonymous}
        onToggle={f.toggleAnonymous}
        testId='suggestion-anonymous'
      />

      <View className='submit-rule' data-testid='submit-rule'>
        <Text>提交后会先经过内容安全检查，通过后公开；需要人工审核的，工作人员审核后公开。</Text>
        <Text className='submit-rule__more'>办理有进展时，会在「我的消息」里告诉你{process.env.TARO_ENV === 'h5' ? '' : '；微信询问是否接收通知时，选“允许”就能收到微信提醒'}。</Text>
      </View>

      {f.error && (
        <Text className='hall-notice hall-notice--error' data-testid='submit-error' aria-live='polite'>
          {f.error.issues?.[0]?.message ?? f.error.message}
        </Text>
      )}
      <Tappable className='button button--primary button--block submit-go' testId='suggestion-submit' disabled={f.submitting} label={f.submitting ? '正在提交建议' : '提交建议'} onTap={f.submit}>
        <Text>{f.submitting ? '正在提交…' : '提交建议'}</Text>
      </Tappable>
    </Page>
  );
}
