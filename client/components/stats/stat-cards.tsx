import { Text, View } from '@tarojs/components';
import type { Dashboard } from '@shared/contracts/stats';
import { countText, peopleText } from './format';
import './stats.scss';

type Totals = Dashboard['totals'];
type CountKey = 'lessonReads' | 'quizAttempts' | 'suggestions' | 'helpRequests';

interface CountCardProps {
  id: CountKey;
  name: string;
  times: number;
  timesUnit: string;
  people: number | null;
  peopleLabel: string;
}

/** One headline figure: 人次 (or 条, 件) large, 人数 beneath. */
function CountCard({ id, name, times, timesUnit, people, peopleLabel }: CountCardProps) {
  const spoken = `${name}：${times} ${timesUnit}，${peopleLabel}${people === null ? '不统计' : `${people} 人`}`;
  return (
    <View className='stat' data-testid={`stat-${id}`} aria-label={spoken}>
      <Text className='stat__name'>{name}</Text>
      <View className='stat__main'>
        <Text className='stat__num' data-testid={`stat-${id}-times`}>
          {countText(times)}
        </Text>
        <Text className='stat__unit'>{timesUnit}</Text>
      </View>
      <Text className='stat__sub'>
        {peopleLabel} <Text data-testid={`stat-${id}-people`}>{peopleText(people)}</Text>
        {people === null ? '' : ' 人'}
      </Text>
    </View>
  );
}

/** The headline cards of a period: 学法, 答题, 建议, 求助, 来访, 线下活动, in the report's units. */
export function StatCards({ totals }: { totals: Totals }) {
  const a = totals.activities;
  return (
    <View className='stat-grid' data-testid='stat-cards'>
      <CountCard id='lessonReads' name='学法（阅读课程）' times={totals.lessonReads.times} timesUnit='人次' people={totals.lessonReads.people} peopleLabel='人数' />
      <CountCard id='quizAttempts' name='答题' times={totals.quizAttempts.times} timesUnit='人次' people={totals.quizAttempts.people} peopleLabel='人数' />
      <CountCard id='suggestions' name='议事厅建议' times={totals.suggestions.times} timesUnit='条' people={totals.suggestions.people} peopleLabel='提出人数' />
      <CountCard id='helpRequests' name='求助（含来访）' times={totals.helpRequests.times} timesUnit='件' people={totals.helpRequests.people} peopleLabel='求助人数' />
      <View className='stat' data-testid='stat-visits' aria-label={`来访接待：${totals.visits} 人次`}>
        <Text className='stat__name'>来访接待</Text>
        <View className='stat__main'>
          <Text className='stat__num' data-testid='stat-visits-times'>
            {countText(totals.visits)}
          </Text>
          <Text className='stat__unit'>人次</Text>
        </View>
        <Text className='stat__sub'>已计入求助</Text>
      </View>
      <View className='stat' data-testid='stat-activities' aria-label={`线下活动：${a.count} 场，覆盖 ${a.reached} 人次，发放资料 ${a.materials} 份`}>
        <Text className='stat__name'>线下活动</Text>
        <View className='stat__main'>
          <Text className='stat__num' data-testid='stat-activities-count'>
            {countText(a.count)}
          </Text>
          <Text className='stat__unit'>场</Text>
        </View>
        <Text className='stat__sub'>
          覆盖 <Text data-testid='stat-activities-reached'>{countText(a.reached)}</Text> 人次
        </Text>
        <Text className='stat__sub'>
          发放资料 <Text data-testid='stat-activities-materials'>{countText(a.materials)}</Text> 份
        </Text>
      </View>
    </View>
  );
}
