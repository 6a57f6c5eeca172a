import { Text, View } from '@tarojs/components';
import type { Output } from '@shared/contracts';
import { CallView } from '../../../components/call-view';
import { Page } from '../../../components/page';
import { Tappable } from '../../../components/tappable';
import { percent } from '../../../components/quiz-format';
import { useRanking, type RankingPeriod, type RankingState } from '../../../hooks/use-ranking';
import { openTab, ROUTES } from '../../../routes';
import './index.scss';

type Ranking = Output<'learn', 'ranking'>;

const PERIODS: Array<{ period: RankingPeriod; name: string }> = [
  { period: 'month', name: '本月' },
  { period: 'year', name: '本年' },
];

function PeriodTabs({ state }: { state: RankingState }) {
  return (
    <View className='tabs' aria-label='排行时段'>
      {PERIODS.map(({ period, name }) => {
        const on = state.period === period;
        return (
          <Tappable
            key={period}
            className={`tabs__tab${on ? ' tabs__tab--on' : ''}`}
            role='radio'
            checked={on}
            testId={`ranking-${period}`}
            label={`${name}${on ? '，已选' : ''}`}
            onTap={() => state.setPeriod(period)}
          >
            <Text>{name}</Text>
          </Tappable>
        );
      })}
    </View>
  );
}

function Towns({ data }: { data: Ranking }) {
  const when = data.period === 'month' ? '本月' : '今年';
  if (data.towns.length === 0) {
    return (
      <View className='card ranks-empty' data-testid='ranking-towns-empty'>
        <Text className='notice'>{when}还没有人参加答题。做一次练习，就能为你所在的镇街加上一位参与者。</Text>
        <Tappable className='button button--primary' testId='ranking-go-practice' label='去学法页做练习' onTap={() => openTab(ROUTES.learn)}>
          <Text>去做练习</Text>
        </Tappable>
      </View>
    );
  }
  return (
    <View>
      <Text className='notice ranks__note'>
        {data.by === 'rate' ? '按参与率排名：参与率 = 参加答题的人数 ÷ 该镇街的妇女人数。' : '按参加答题的人数排名。'}
        {data.quietTowns > 0 ? `另有 ${data.quietTowns} 个镇街${when}还没有人参加，暂不列出。` : ''}
      </Text>
      <View className='card ranks' data-testid='ranking-towns'>
        {data.towns.map((town) => (
          <View key={town.town} className='rank' data-testid={`ranking-town-${town.town}`}>
            <Text className='rank__no'>{town.rank}</Text>
            <View className='rank__main'>
              <Text className='rank__name'>{town.name}</Text>
              {data.by === 'rate' && <Text className='rank__meta'>{town.people} 人参加答题</Text>}
            </View>
            <View className='rank__figure'>
              <Text className='rank__value'>{data.by === 'rate' && town.rate !== null ? percent(town.rate) : town.people}</Text>
              <Text className='rank__unit'>{data.by === 'rate' ? '参与率' : '人参加'}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

function OptInSwitch({ state }: { state: RankingState }) {
  const on = state.optIn === true;
  return (
    <View>
      <Tappable
        className='card setting'
        role='switch'
        checked={on}
        disabled={state.optIn === null || state.savingOptIn}
        testId='ranking-optin'
        label={`参加个人排行，${on ? '已开启' : '已关闭'}，点按切换`}
        onTap={state.toggleOptIn}
      >
        <View className='setting__text'>
          <Text className='setting__name'>参加个人排行</Text>
          <Text className='setting__hint'>开启后，你的积分会出现在下面的排行里。只显示姓氏加星号（如“李**”）和所在镇街，不显示全名。</Text>
        </View>
        <View className={`toggle${on ? ' toggle--on' : ''}`}>
          <Text className='toggle__text'>{state.savingOptIn ? '…' : on ? '开' : '关'}</Text>
        </View>
      </Tappable>
      {state.optInError && (
        <Text className='notice notice--error' aria-live='polite'>
          {state.optInError.message}
        </Text>
      )}
    </View>
  );
}

function People({ people }: { people: Ranking['people'] }) {
  if (people.length === 0) {
    return <Text className='notice'>还没有人参加个人排行。</Text>;
  }
  return (
    <View className='card ranks' data-testid='ranking-people'>
      {people.map((person) => (
        <View key={person.rank} className={`rank${person.me ? ' rank--me' : ''}`}>
          <Text className='rank__no'>{person.rank}</Text>
          <View className='rank__main'>
            <Text className='rank__name'>
              {person.name}
              {person.me ? '（我）' : ''}
            </Text>
            {person.townName && <Text className='rank__meta'>{person.townName}</Text>}
          </View>
          <View className='rank__figure'>
            <Text className='rank__value'>{person.points}</Text>
            <Text className='rank__unit'>积分</Text>
          </View>
        </View>
      ))}
    </View>
  );
}

/** 排行榜: towns by participation rate, and people by points for those who opt in. */
export default function RankingPage() {
  const state = useRanking();
  return (
    <Page testId='ranking-page'>
      <PeriodTabs state={state} />
      <CallView state={state.ranking} loadingText='正在加载排行榜…'>
        {(data) => (
          <View>
            <Text className='section-title'>镇街参与排行</Text>
            <Towns data={data} />
            <Text className='section-title'>个人积分榜</Text>
            <OptInSwitch state={state} />
            <People people={data.people} />
          </View>
        )}
      </CallView>
    </Page>
  );
}
