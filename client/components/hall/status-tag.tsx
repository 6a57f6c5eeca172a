import { Text } from '@tarojs/components';
import { STATE_LABELS, type SuggestionState } from '@shared/domain/suggestion-status';
import './status-tag.scss';

const TONES: Record<SuggestionState, 'waiting' | 'moving' | 'done' | 'stopped'> = {
  pending: 'waiting',
  published: 'moving',
  rejected: 'stopped',
  accepted: 'moving',
  in_progress: 'moving',
  adopted: 'done',
  declined: 'waiting',
  answered: 'done',
};

/** A suggestion's status in words (已受理, 已答复…), tinted by how far along it is. */
export function StatusTag({ status, testId }: { status: SuggestionState; testId?: string }) {
  return (
    <Text className={`status-tag status-tag--${TONES[status]}`} data-testid={testId}>
      {STATE_LABELS[status]}
    </Text>
  );
}
