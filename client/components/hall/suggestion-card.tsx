import { Text, View } from '@tarojs/components';
import type { PublicSuggestionView } from '../../hooks/use-hall-topic';
import { dayOf } from '../../time';
import { Tappable } from '../tappable';
import { OfficialReply } from './official-reply';
import { StatusTag } from './status-tag';
import './hall.scss';

interface SuggestionCardProps {
  suggestion: PublicSuggestionView;
  /** Why 附议 is off (已附议, 征集已结束, 我的建议), or null when she may support it. */
  blocked: string | null;
  busy: boolean;
  /** What the server said about her support, if anything. */
  note?: string;
  refused: boolean;
  onSupport: () => void;
}

/** One public suggestion: status, text, who (masked) and where, supports with 附议, and the reply. */
export function SuggestionCard({ suggestion: s, blocked, busy, note, refused, onSupport }: SuggestionCardProps) {
  const byline = s.townName ? `${s.authorName} · ${s.townName}` : s.authorName;
  return (
    <View className='card suggestion' data-testid='suggestion' data-suggestion-id={s.id}>
      <View className='suggestion__head'>
        <StatusTag status={s.status} testId='suggestion-status' />
        <Text className='suggestion__date'>{dayOf(s.createdAt)}</Text>
      </View>
      {s.title && <Text className='suggestion__title'>{s.title}</Text>}
      <Text className='suggestion__content'>{s.content}</Text>
      <Text className='suggestion__author'>{byline}</Text>
      {s.reply && <OfficialReply reply={s.reply} />}
      <View className='suggestion__foot'>
        <Text className='suggestion__supports'>
          <Text className='suggestion__supports-count' data-testid='support-count'>
            {s.supports}
          </Text>{' '}
          人附议
        </Text>
        <Tappable
          className={`button support-button${blocked ? ' button--off' : ''}`}
          testId='support'
          disabled={blocked !== null || busy}
          label={blocked ? `附议，暂不可用：${blocked}` : `附议这条建议，现在 ${s.supports} 人附议`}
          onTap={onSupport}
        >
          <Text>{busy ? '附议中…' : (blocked ?? '附议')}</Text>
        </Tappable>
      </View>
      {note && (
        <Text className={`hall-notice${refused ? ' hall-notice--error' : ''}`} aria-live='polite' data-testid='support-note'>
          {note}
        </Text>
      )}
    </View>
  );
}
