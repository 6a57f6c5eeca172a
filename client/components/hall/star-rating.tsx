import { Text, View } from '@tarojs/components';
import './hall.scss';

/** What each number of stars means, in her words. */
export const SCORE_WORDS: Record<number, string> = { 1: '很不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '很满意' };

/** Stars as text, "★★★★☆". */
export function starsText(score: number): string {
  return '★'.repeat(score) + '☆'.repeat(Math.max(0, 5 - score));
}

/** Five tappable stars (a radio group) with the chosen meaning written beside them. */
export function StarRating({ score, onChange }: { score: number; onChange: (score: number) => void }) {
  return (
    <View className='stars' {...(process.env.TARO_ENV === 'h5' ? { role: 'radiogroup', 'aria-label': '满意度' } : {})}>
      {[1, 2, 3, 4, 5].map((n) => {
        const on = n <= score;
        const a11y = process.env.TARO_ENV === 'h5'
          ? {
              role: 'radio',
              tabIndex: 0,
              'aria-checked': n === score,
              onKeyDown: (event: { key: string; preventDefault: () => void }) => {
                if (event.key === 'Enter' || event.key === ' ') {
                  event.preventDefault();
                  onChange(n);
                }
              },
            }
          : { 'aria-role': 'radio', 'aria-checked': n === score };
        return (
          <View
            key={n}
            className={`star${on ? ' star--on' : ''}`}
            hoverClass='tappable--pressed'
            aria-label={`${n} 颗星：${SCORE_WORDS[n] ?? ''}${n === score ? '，已选' : ''}`}
            data-testid={`rate-${n}`}
            onClick={() => onChange(n)}
            {...a11y}
          >
            <Text>{on ? '★' : '☆'}</Text>
          </View>
        );
      })}
      <Text className='stars__word'>{score > 0 ? SCORE_WORDS[score] : '请点星星打分'}</Text>
    </View>
  );
}
