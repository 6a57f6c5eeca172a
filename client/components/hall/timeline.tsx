import { Text, View } from '@tarojs/components';
import { STATE_LABELS, type SuggestionState } from '@shared/domain/suggestion-status';
import { dayOf } from '../../time';
import './hall.scss';

interface Step {
  status: SuggestionState;
  at: string;
  note: string | null;
}

/** A suggestion's history, oldest first: each status with its date and the note given with it. */
export function Timeline({ steps }: { steps: readonly Step[] }) {
  return (
    <View className='timeline' data-testid='timeline'>
      {steps.map((step, i) => {
        const now = i === steps.length - 1;
        return (
          <View key={`${step.status}-${step.at}`} className={`timeline__step${now ? ' timeline__step--now' : ''}`} data-testid='timeline-step' data-status={step.status}>
            <View className='timeline__dot' />
            <View className='timeline__line'>
              <Text className='timeline__label'>
                {STATE_LABELS[step.status]}
                {now ? '（当前）' : ''}
              </Text>
              <Text className='timeline__date'>{dayOf(step.at)}</Text>
            </View>
            {step.note && <Text className='timeline__note'>{step.note}</Text>}
          </View>
        );
      })}
    </View>
  );
}
