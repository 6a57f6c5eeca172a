import { Text, View } from '@tarojs/components';
import { CallView } from '../../../components/call-view';
import { HelpPage } from '../../../components/help/help-page';
import { Tappable } from '../../../components/tappable';
import { dayOf, useHelpRecords, type MyRequest } from '../../../hooks/use-help-records';
import { ROUTES, openPage } from '../../../routes';
import '../record/index.scss';

function RecordItem({ record }: { record: MyRequest }) {
  const last = record.messages[record.messages.length - 1];
  return (
    <Tappable className='card record-item' role='link' testId='record-item' label={`服务编号 ${record.reference}，${record.status}，查看详情`} onTap={() => openPage(`${ROUTES.helpRecord}?id=${encodeURIComponent(record.id)}`)}>
      <View className='record-item__head'>
        <Text className='record-item__ref'>服务编号 {record.reference}</Text>
        <Text className={`record-status record-status--${record.status === '处理中' || record.status === '已收到' ? 'open' : 'done'}`} data-testid='record-status'>
          {record.status}
        </Text>
      </View>
      <Text className='record-item__date'>登记于 {dayOf(record.createdAt)}</Text>
      {last && (
        <Text className='record-item__message'>
          {dayOf(last.at)}：{last.text}
        </Text>
      )}
      <Text className='record-item__go'>查看详情 ›</Text>
    </Tappable>
  );
}

/** 我的服务记录: her requests with neutral status words. */
export default function HelpRecordsPage() {
  const records = useHelpRecords();
  return (
    <HelpPage testId='help-records-page'>
      <Text className='section-title help-records__title'>我的服务记录</Text>
      <CallView state={records} loadingText='正在加载…' emptyText='还没有服务记录' isEmpty={(d) => d.requests.length === 0}>
        {(data) => (
          <View data-testid='record-list'>
            {data.requests.map((r) => (
              <RecordItem key={r.id} record={r} />
            ))}
          </View>
        )}
      </CallView>
      <Tappable className='button help-button' testId='records-new' label='我要登记' onTap={() => openPage(ROUTES.helpRequest)}>
        <Text>我要登记</Text>
      </Tappable>
    </HelpPage>
  );
}
