import { useEffect } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { canRate } from '@shared/domain/suggestion-status';
import { CallView } from '../../../components/call-view';
import { OfficialReply } from '../../../components/hall/official-reply';
import { StarRating, starsText, SCORE_WORDS } from '../../../components/hall/star-rating';
import { StatusTag } from '../../../components/hall/status-tag';
import { Timeline } from '../../../components/hall/timeline';
import { submitUrl } from '../../../components/hall/urls';
import { Page } from '../../../components/page';
import { dayOf } from '../../../time';
import { Tappable } from '../../../components/tappable';
import { RATING_COMMENT_MAX, useHallMine, type MySuggestionsState, type OwnSuggestionView } from '../../../hooks/use-hall-mine';
import { openPage } from '../../../routes';
import './index.scss';
import { LoadMore } from '../../../components/load-more';

function CommentBox({ id, state }: { id: string; state: MySuggestionsState }) {
  const value = state.comments[id] ?? '';
  const placeholder = '还想说点什么？（可以不填）';
  if (process.env.TARO_ENV === 'h5') {
    return (
      <textarea className='rate__comment' value={value} maxLength={RATING_COMMENT_MAX} rows={3} placeholder={placeholder} aria-label='评价的话，可以不填' data-testid='rate-comment' onChange={(e) => state.setComment(id, e.target.value)} />
    );
  }
  return <Textarea className='rate__comment' value={value} maxlength={RATING_COMMENT_MAX} autoHeight placeholder={placeholder} aria-label='评价的话，可以不填' onInput={(e) => state.setComment(id, e.detail.value)} />;
}

function RateBox({ s, state }: { s: OwnSuggestionView; state: MySuggestionsState }) {
  const busy = state.ratingId === s.id;
  const error = state.errors[s.id];
  return (
    <View className='rate' data-testid='rate-box'>
      <Text className='rate__title'>对这次答复满意吗？</Text>
      <StarRating score={state.scores[s.id] ?? 0} onChange={(n) => state.setScore(s.id, n)} />
      <CommentBox id={s.id} state={state} />
      {error && (
        <Text className='hall-notice hall-notice--error' aria-live='polite' data-testid='rate-error'>
          {error}
        </Text>
      )}
      <Tappable className='button button--primary button--block rate__send' testId='rate-submit' disabled={busy} label={busy ? '正在提交评价' : '提交评价'} onTap={() => state.rate(s.id)}>
        <Text>{busy ? '正在提交…' : '提交评价'}</Text>
      </Tappable>
    </View>
  );
}

function MyRating({ rating }: { rating: { score: number; comment: string } }) {
  return (
    <View className='my-rating' data-testid='my-rating'>
      <Text className='my-rating__line'>
        我的评价：<Text className='my-rating__stars'>{starsText(rating.score)}</Text> {rating.score} 分，{SCORE_WORDS[rating.score] ?? ''}
      </Text>
      {rating.comment && <Text className='my-rating__comment'>“{rating.comment}”</Text>}
    </View>
  );
}

function SuggestionItem({ s, state, focused }: { s: OwnSuggestionView; state: MySuggestionsState; focused: boolean }) {
  const rating = s.rating ?? state.sent[s.id] ?? null;
  return (
    <View id={`s-${s.id}`} className={`card mine${focused ? ' mine--focused' : ''}`} data-testid='my-suggestion' data-suggestion-id={s.id}>
      <View className='mine__head'>
        <Text className='mine__topic'>{s.topicTitle ? `议题：${s.topicTitle}` : '自由建议'}</Text>
        <StatusTag status={s.status} testId='my-suggestion-status' />
      </View>
      {s.title && <Text className='mine__title'>{s.title}</Text>}
      <Text className='mine__content'>{s.content}</Text>
      <Text className='mine__meta'>
        {dayOf(s.createdAt)} 提交 · {s.anonymous ? '匿名发表' : '署名发表'} · {s.supports} 人附议
      </Text>
      <Text className='mine__section'>办理进度</Text>
      <Timeline steps={s.history} />
      {s.reply && <OfficialReply reply={s.reply} />}
      {rating ? <MyRating rating={rating} /> : canRate(s.status) && <RateBox s={s} state={state} />}
    </View>
  );
}

const SENT_TEXT = {
  held: '已提交，正在等待审核。工作人员审核通过后会公开，结果会在「我的消息」里告诉你。',
  public: '已公开。大家现在可以看到并附议你的建议了。',
} as const;

/** 提一条建议 the first time, 再提一条 after that. */
function mineNewLabel(count: number): string {
  return count === 0 ? '提一条建议' : '再提一条建议';
}

/** 我的建议: each with its topic, status, history, the reply, and 满意度 once answered. */
export default function MySuggestionsPage() {
  const { params } = useRouter<{ id?: string; sent?: string }>();
  const state = useHallMine();
  const focus = params.id ?? null;
  const sent = params.sent === 'held' || params.sent === 'public' ? params.sent : null;
  const loaded = state.list.data !== null;

  // Opened from a notice or right after submitting: bring that suggestion into view.
  useEffect(() => {
    if (!focus || !loaded) return;
    Taro.pageScrollTo({ selector: `#s-${focus}`, duration: 0 }).catch(() => undefined);
  }, [focus, loaded]);

  return (
    <Page testId='my-suggestions-page'>
      {sent && (
        <Text className={`hall-notice ${sent === 'held' ? 'hall-notice--wait' : 'hall-notice--ok'} mine__sent`} data-testid='submit-result' aria-live='polite'>
          {SENT_TEXT[sent]}
        </Text>
      )}
      <CallView state={state.list} loadingText='正在加载我的建议…' emptyText='你还没有提过建议。对村里、镇上的事有想法，可以在这里向妇联提。' isEmpty={(d) => d.suggestions.length === 0}>
        {(data) => (
          <View data-testid='my-suggestion-list'>
            {data.suggestions.map((s) => (
              <SuggestionItem key={s.id} s={s} state={state} focused={s.id === focus} />
            ))}
          </View>
        )}
      </CallView>
      <LoadMore list={state.list} label='加载更多我的建议' />
      {state.list.data && (
        <Tappable className='button button--block mine__new' testId='mine-new' label={mineNewLabel(state.list.data.suggestions.length)} onTap={() => openPage(submitUrl())}>
          <Text>{mineNewLabel(state.list.data.suggestions.length)}</Text>
        </Tappable>
      )}
    </Page>
  );
}
