import type { Role } from '@shared/roles';
import { Text, View } from '@tarojs/components';
import { isStaffRole, useHallPendingCount } from '../../hooks/use-hall-desk';
import { openPage, ROUTES } from '../../routes';
import { Tappable } from '../tappable';

interface CardProps {
  name: string;
  desc: string;
  url: string;
  testId: string;
  /** Suggestions waiting for review; undefined for a card without a count, null while unknown. */
  pending?: number | null;
}

function Card({ name, desc, url, testId, pending }: CardProps) {
  const spoken = pending === undefined ? '' : pending === null ? '，待审核数量暂时无法读取' : `，待审核 ${pending} 条`;
  return (
    <Tappable className='card desk-card' role='link' testId={testId} label={`${name}${spoken}：${desc}`} onTap={() => openPage(url)}>
      <View className='desk-card__text'>
        <Text className='desk-card__name'>{name}</Text>
        <Text className='desk-card__desc'>{desc}</Text>
      </View>
      {pending !== undefined && pending !== null && (
        <View className={`desk-card__badge${pending === 0 ? ' desk-card__badge--zero' : ''}`}>
          <Text>待审核 </Text>
          <Text data-testid='pending-suggestion-count'>{pending}</Text>
        </View>
      )}
      <Text className='desk-card__go'>›</Text>
    </Tappable>
  );
}

/** The 工作台 cards of the deliberation hall, for every staff role (each sees their own area). */
export function HallDesk({ role }: { role: Role | null }) {
  const pending = useHallPendingCount(role);
  if (!isStaffRole(role)) return null;
  return (
    <View data-testid='desk-hall'>
      <Card name='建议审核' desc='内容检查没有直接通过的建议：公开或不通过' url={ROUTES.staffHallModeration} testId='desk-hall-moderation' pending={pending} />
      <Card name='建议办理' desc='受理、办理、答复居民的建议' url={ROUTES.staffHallHandling} testId='desk-hall-handling' />
      <Card name='议题管理' desc='发布议题、修改截止时间、关闭议题' url={ROUTES.staffHallTopics} testId='desk-hall-topics' />
    </View>
  );
}
