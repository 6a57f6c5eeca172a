import { Text, View } from '@tarojs/components';
import { Tappable } from '../../../components/tappable';
import type { CaseSummary } from '../../../hooks/use-cases';
import { ROUTES, openPage } from '../../../routes';
import { chinaStamp, dayOf } from '../../../time';
import { ESCALATION_LABELS, caseStatusLabel, contactLabel } from './case-labels';

/** The case page of one case. */
export function caseUrl(id: string): string {
  return `${ROUTES.staffCase}?id=${encodeURIComponent(id)}`;
}

/** The masked facts of a case: what the list rows and the case page before 查看详情 show. */
export function CaseFacts({ c }: { c: CaseSummary }) {
  const status = caseStatusLabel(c);
  return (
    <View>
      <View className='case-row__head'>
        <Text className='case-row__ref'>服务编号 {c.reference}</Text>
        <Text className={`tag ${c.status === 'closed' ? 'tag--grey' : c.status === 'submitted' ? 'tag--bad' : 'tag--ok'}`} data-testid='case-status'>
          {status}
        </Text>
      </View>
      <View className='case-row__tags'>
        <Text className='tag'>{c.category}</Text>
        {c.urgency === 'urgent' && <Text className='tag tag--bad case-row__urgent'>紧急</Text>}
        {c.channel === 'visit' && <Text className='tag tag--grey'>来访</Text>}
        {c.escalation !== 'station' && <Text className='tag tag--bad'>已升级至{ESCALATION_LABELS[c.escalation]}</Text>}
      </View>
      <Text className='case-row__line'>{c.placeName}</Text>
      <Text className='case-row__line'>层级：{ESCALATION_LABELS[c.escalation]}</Text>
      <Text className='case-row__line'>{contactLabel(c)}</Text>
      {c.status === 'submitted' && c.dueAt && (
        <Text className='case-row__line'>
          受理期限 {chinaStamp(c.dueAt)}
          {c.overdue && (
            <Text className='case-row__overdue' data-testid='case-overdue'>
              {' '}
              已超时
            </Text>
          )}
        </Text>
      )}
      {c.followUpAt && <Text className='case-row__line'>回访日期 {dayOf(c.followUpAt)}</Text>}
      <Text className='case-row__line case-row__meta'>
        登记于 {chinaStamp(c.createdAt)}
        {c.assigneeName ? ` · 负责人 ${c.assigneeName}` : ' · 未指派'}
      </Text>
    </View>
  );
}

/** One row of a case list; opens the case (masked until 查看详情 there). */
export function CaseRow({ c }: { c: CaseSummary }) {
  const spoken = `服务编号 ${c.reference}，${c.category}${c.urgency === 'urgent' ? '，紧急' : ''}，${caseStatusLabel(c)}${c.overdue ? '，已超时' : ''}，${c.placeName}`;
  return (
    <View data-testid='case-row' data-case-id={c.id}>
      <Tappable className='card case-row' role='link' label={spoken} onTap={() => openPage(caseUrl(c.id))}>
        <CaseFacts c={c} />
      </Tappable>
    </View>
  );
}
