import { Text, View } from '@tarojs/components';
import { CallView } from '../../../components/call-view';
import { Page } from '../../../components/page';
import { Tappable } from '../../../components/tappable';
import { countdown, dayOf, duration, msUntil } from '../../../time';
import { useCampaigns, type CampaignView } from '../../../hooks/use-campaigns';
import { useNow } from '../../../hooks/use-now';
import { startKey, useQuizStarter, type QuizStarter } from '../../../hooks/use-quiz-starter';
import { openQuiz, openTab, ROUTES } from '../../../routes';
import './index.scss';

/** Where a campaign stands at `now`: coming, running or over, and the time to the next change. */
function phaseOf(campaign: CampaignView, now: number): { phase: 'coming' | 'running' | 'over'; text: string } {
  const toStart = msUntil(campaign.startsAt, now);
  const toEnd = msUntil(campaign.endsAt, now);
  if (toStart > 0) return { phase: 'coming', text: `距开始还有 ${countdown(toStart)}` };
  if (toEnd >= 0) return { phase: 'running', text: `距结束还有 ${countdown(toEnd)}` };
  return { phase: 'over', text: '活动已结束' };
}

/** Why 开始答题 cannot be tapped, or null when it can. */
function blockedBy(campaign: CampaignView, phase: 'coming' | 'running' | 'over'): string | null {
  if (phase === 'coming') return '活动还没开始';
  if (phase === 'over') return '活动已结束';
  if (campaign.remainingToday <= 0) return '今天的次数用完了，明天再来';
  return null;
}

function CampaignCard({ campaign, now, starter }: { campaign: CampaignView; now: number; starter: QuizStarter }) {
  const { phase, text } = phaseOf(campaign, now);
  const blocked = blockedBy(campaign, phase);
  const start = { kind: 'campaign', campaignId: campaign.id } as const;
  const busy = starter.pending === startKey(start);
  return (
    <View className='card campaign' data-testid={`campaign-${campaign.id}`}>
      <View className='campaign__head'>
        <Text className='campaign__title'>{campaign.title}</Text>
        <Text className={`tag campaign__phase campaign__phase--${phase}`}>{phase === 'coming' ? '未开始' : phase === 'running' ? '进行中' : '已结束'}</Text>
      </View>
      {campaign.description && <Text className='campaign__desc'>{campaign.description}</Text>}
      <Text className='campaign__line'>
        活动时间：{dayOf(campaign.startsAt)} 至 {dayOf(campaign.endsAt)}
      </Text>
      <View className='campaign__facts'>
        <Text className='campaign__fact'>每日 {campaign.dailyCap} 次</Text>
        <Text className='campaign__fact' data-testid='campaign-remaining'>
          今日剩余 {campaign.remainingToday} 次
        </Text>
        <Text className='campaign__fact'>{campaign.questionCount} 道题</Text>
        <Text className='campaign__fact'>及格 {campaign.passMark} 分</Text>
        <Text className='campaign__fact'>{campaign.timeLimitSec === null ? '不限时' : `限时 ${duration(campaign.timeLimitSec)}`}</Text>
        {campaign.bestScore !== null && <Text className='campaign__fact'>我的最好成绩 {campaign.bestScore} 分</Text>}
      </View>
      <Text className='campaign__countdown' data-testid='campaign-countdown'>
        {text}
      </Text>
      <Tappable
        className='button button--primary button--block'
        testId={`campaign-start-${campaign.id}`}
        label={blocked ? `开始答题，暂不可用：${blocked}` : `开始答题：${campaign.title}`}
        disabled={blocked !== null || starter.pending !== null}
        onTap={() => starter.start(start)}
      >
        <Text>{busy ? '正在出题…' : '开始答题'}</Text>
      </Tappable>
      {blocked && <Text className='notice'>{blocked}</Text>}
      {starter.failed?.key === startKey(start) && (
        <Text className='notice notice--error' aria-live='polite'>
          {starter.failed.error.message}
        </Text>
      )}
    </View>
  );
}

/** 答题活动: campaigns running or coming, with my attempts left today and a countdown. */
export default function CampaignsPage() {
  const campaigns = useCampaigns();
  const starter = useQuizStarter(openQuiz);
  const now = useNow(1000);
  return (
    <Page testId='campaigns-page'>
      <CallView
        state={campaigns}
        loadingText='正在加载答题活动…'
        emptyText='现在没有进行中的答题活动，请留意妇联的通知。平时可以先做各部法律的练习题。'
        isEmpty={(data) => data.campaigns.length === 0}
        emptyAction={
          <Tappable className='button button--primary' testId='campaigns-go-practice' label='去学法页做练习题' onTap={() => openTab(ROUTES.learn)}>
            <Text>去做练习题</Text>
          </Tappable>
        }
      >
        {(data) => (
          <View>
            {data.campaigns.map((campaign) => (
              <CampaignCard key={campaign.id} campaign={campaign} now={now} starter={starter} />
            ))}
          </View>
        )}
      </CallView>
    </Page>
  );
}
