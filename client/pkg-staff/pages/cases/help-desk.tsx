import { Text, View } from '@tarojs/components';
import { Tappable } from '../../../components/tappable';
import { useCaseDesk } from '../../../hooks/use-cases';
import { ROUTES, openPage } from '../../../routes';

interface CardProps {
  name: string;
  desc: string;
  url: string;
  testId: string;
  count?: number | null;
}

function Card({ name, desc, url, testId, count }: CardProps) {
  const spoken = count === undefined || count === null ? '' : `，进行中 ${count} 条`;
  return (
    <Tappable className='card desk-card' role='link' testId={testId} label={`${name}${spoken}：${desc}`} onTap={() => openPage(url)}>
      <View className='desk-card__text'>
        <Text className='desk-card__name'>{name}</Text>
        <Text className='desk-card__desc'>{desc}</Text>
      </View>
      {count !== undefined && count !== null && (
        <View className={`desk-card__badge${count === 0 ? ' desk-card__badge--zero' : ''}`}>
          <Text>进行中 </Text>
          <Text data-testid='open-case-count'>{count}</Text>
        </View>
      )}
      <Text className='desk-card__go'>›</Text>
    </Tappable>
  );
}

/** The 工作台 cards of the service desk, for every staff role; 操作记录 for administrators. */
export function HelpDesk() {
  const desk = useCaseDesk();
  if (desk.allowed !== true) return null;
  return (
    <View data-testid='desk-help'>
      <Card name='服务记录' desc='本辖区的服务登记：受理、处理、结案' url={ROUTES.staffCases} testId='desk-cases' count={desk.openCount} />
      <Card name='来访登记' desc='登记来工作室或电话咨询的群众' url={ROUTES.staffVisit} testId='desk-visit' />
      <Card name='回访提醒' desc='告诫书、保护令后的回访' url={ROUTES.staffFollowUps} testId='desk-follow-ups' />
      {desk.admin && <Card name='操作记录' desc='谁在什么时间查看、处理了哪条服务记录' url={ROUTES.staffAudit} testId='desk-audit' />}
    </View>
  );
}
