import { Text, View } from '@tarojs/components';
import { Page } from '../../../components/page';
import { ActionButton } from '../../../components/staff/action-button';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { Tappable } from '../../../components/tappable';
import { useLaws } from '../../../hooks/use-laws';
import { useStaffCampaigns, type StaffCampaign } from '../../../hooks/use-staff-campaigns';
import { openPage } from '../../../routes';
import { chinaStamp, msUntil } from '../../../time';
import { campaignEditUrl } from '../../routes';
import './index.scss';
import { LoadMore } from '../../../components/load-more';

/** Where a campaign stands now: 草稿, 未开始, 进行中 or 已结束. */
function phaseOf(c: StaffCampaign, now: number): { text: string; tone: string } {
  if (!c.published) return { text: '草稿', tone: 'tag--grey' };
  if (msUntil(c.startsAt, now) > 0) return { text: '未开始', tone: '' };
  if (msUntil(c.endsAt, now) < 0) return { text: '已结束', tone: 'tag--grey' };
  return { text: '进行中', tone: 'tag--ok' };
}

function ratioText(c: StaffCampaign, lawShort: (id: string) => string): string {
  const parts = Object.entries(c.ratio).filter(([, w]) => w > 0);
  return parts.length === 0 ? '未设比例' : parts.map(([law, w]) => `${lawShort(law)} ${w}`).join(' · ');
}

/** 答题活动: every campaign, drafts included; tap to edit, or create one. */
export default function StaffCampaignsPage() {
  const list = useStaffCampaigns();
  const laws = useLaws();
  const lawShort = (id: string) => laws.data?.laws.find((l) => l.id === id)?.short ?? id;
  const now = Date.now();
  return (
    <Page testId='staff-campaigns'>
      <View className='button-row'>
        <ActionButton kind='primary' label='新建答题活动' testId='campaign-new' onTap={() => openPage(campaignEditUrl())}>
          ＋ 新建活动
        </ActionButton>
      </View>
      <StaffCallView state={list} loadingText='正在加载答题活动…' emptyText='还没有答题活动，点“新建活动”创建第一个' isEmpty={(d) => d.campaigns.length === 0}>
        {(data) => (
          <View data-testid='campaign-list'>
            <Text className='section-title'>
              {list.hasMore ? '已显示' : '共'} {data.campaigns.length} 个活动
            </Text>
            {data.campaigns.map((c) => {
              const phase = phaseOf(c, now);
              return (
                <Tappable key={c.id} className='card c-row' role='link' testId='campaign-row' label={`${c.title}，${phase.text}，点按修改`} onTap={() => openPage(campaignEditUrl(c.id))}>
                  <Text className={`tag ${phase.tone}`}>{phase.text}</Text>
                  <Text className='c-row__title'>{c.title}</Text>
                  <Text className='c-row__line'>
                    {chinaStamp(c.startsAt)} 至 {chinaStamp(c.endsAt)}
                  </Text>
                  <Text className='c-row__line'>
                    每次 {c.questionCount} 题 · 每天 {c.dailyCap} 次 · 及格 {c.passMark} 分{c.timeLimitSec ? ` · 限时 ${Math.round(c.timeLimitSec / 60)} 分钟` : ''}
                  </Text>
                  <Text className='c-row__line'>比例：{ratioText(c, lawShort)}</Text>
                </Tappable>
              );
            })}
          </View>
        )}
      </StaffCallView>
      <LoadMore list={list} label='加载更多活动' />
    </Page>
  );
}
