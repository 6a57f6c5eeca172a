import { Text, View } from '@tarojs/components';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { FormErrors } from '../../../components/staff/form-errors';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { Tappable } from '../../../components/tappable';
import { useLaws } from '../../../hooks/use-laws';
import { useStaffCampaigns, type StaffCampaign, type StaffCampaigns } from '../../../hooks/use-staff-campaigns';
import { openPage } from '../../../routes';
import { chinaStamp, msUntil } from '../../../time';
import { campaignEditUrl } from '../../routes';
import './index.scss';
import { LoadMore } from '../../../components/load-more';

/** Where a campaign stands now: 草稿, 未开始, 进行中 or 已结束. */
function phaseOf(c: StaffCampaign, now: number): { text: string; tone: string } {
  if (c.removed) return { text: '已移除', tone: 'tag--bad' };
  if (!c.published) return { text: '草稿', tone: 'tag--grey' };
  if (msUntil(c.startsAt, now) > 0) return { text: '未开始', tone: '' };
  if (msUntil(c.endsAt, now) < 0) return { text: '已结束', tone: 'tag--grey' };
  return { text: '进行中', tone: 'tag--ok' };
}

function ratioText(c: StaffCampaign, lawShort: (id: string) => string): string {
  const parts = Object.entries(c.ratio).filter(([, w]) => w > 0);
  return parts.length === 0 ? '未设比例' : parts.map(([law, w]) => `${lawShort(law)} ${w}`).join(' · ');
}

function CampaignRow({ c, staff, lawShort, now }: { c: StaffCampaign; staff: StaffCampaigns; lawShort: (id: string) => string; now: number }) {
  const phase = phaseOf(c, now);
  const busy = staff.togglingId === c.id;
  return (
    <View className={`card c-row${c.removed ? ' c-row--removed' : ''}`} data-testid={c.removed ? 'campaign-row-removed' : 'campaign-row'}>
      <Tappable className='c-row__main' role='link' label={`${c.title}，${phase.text}，点按修改`} onTap={() => openPage(campaignEditUrl(c.id))}>
        <Text className={`tag ${phase.tone}`}>{phase.text}</Text>
        <Text className='c-row__title'>{c.title}</Text>
        <Text className='c-row__line'>
          {chinaStamp(c.startsAt)} 至 {chinaStamp(c.endsAt)}
        </Text>
        <Text className='c-row__line'>
          每次 {c.questionCount} 题 · 每天 {c.dailyCap} 次 · 及格 {c.passMark} 分{c.timeLimitSec ? ` · 限时 ${Math.round(c.timeLimitSec / 60)} 分钟` : ''}
        </Text>
        <Text className='c-row__line'>比例：{ratioText(c, lawShort)}</Text>
        {c.removed && (
          <Text className='c-row__line'>
            {c.removedBy ?? '工作人员'} 于 {chinaStamp(c.removedAt)} 移除；参加记录和统计数字照常保留。
          </Text>
        )}
      </Tappable>
      <View className='button-row c-row__actions'>
        {c.removed ? (
          <ActionButton small busy={busy} label={`恢复答题活动：${c.title}`} testId='campaign-restore' onTap={() => staff.toggle(c.id, true)}>
            恢复
          </ActionButton>
        ) : staff.confirmingId === c.id ? (
          <>
            <ActionButton small kind='danger' busy={busy} label={`确认移除答题活动：${c.title}`} testId='campaign-remove-confirm' onTap={() => staff.toggle(c.id, false)}>
              确认移除
            </ActionButton>
            <ActionButton small label='取消移除' onTap={() => staff.askRemove(null)}>
              取消
            </ActionButton>
          </>
        ) : (
          <ActionButton small kind='danger' label={`移除答题活动：${c.title}`} testId='campaign-remove' onTap={() => staff.askRemove(c.id)}>
            移除
          </ActionButton>
        )}
      </View>
    </View>
  );
}

/** 答题活动: every campaign, drafts and removed ones included; tap to edit, create one, remove or restore one. */
function StaffCampaignsBody() {
  const staff = useStaffCampaigns();
  const laws = useLaws({ all: true });
  const lawShort = (id: string) => laws.data?.laws.find((l) => l.id === id)?.short ?? '';
  const now = Date.now();
  return (
    <>
      <View className='button-row'>
        <ActionButton kind='primary' label='新建答题活动' testId='campaign-new' onTap={() => openPage(campaignEditUrl())}>
          ＋ 新建活动
        </ActionButton>
      </View>
      <FormErrors error={staff.toggleError} testId='campaign-remove-error' />
      <StaffCallView state={staff.list} loadingText='正在加载答题活动…' emptyText='还没有答题活动，点“新建活动”创建第一个' isEmpty={(d) => d.campaigns.length === 0}>
        {(data) => {
          const shown = data.campaigns.filter((c) => !c.removed);
          return (
            <View data-testid='campaign-list'>
              <Text className='section-title'>
                {staff.list.hasMore ? '已显示' : '共'} {shown.length} 个活动
              </Text>
              {data.campaigns.map((c) => (
                <CampaignRow key={c.id} c={c} staff={staff} lawShort={lawShort} now={now} />
              ))}
            </View>
          );
        }}
      </StaffCallView>
      <LoadMore list={staff.list} label='加载更多活动' />
    </>
  );
}

export default function StaffCampaignsPage() {
  return (
    <StaffPage testId='staff-campaigns' need='district'>
      <StaffCampaignsBody />
    </StaffPage>
  );
}
