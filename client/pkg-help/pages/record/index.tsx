import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CallView } from '../../../components/call-view';
import { HelpPage } from '../../../components/help/help-page';
import { ActionButton } from '../../../components/staff/action-button';
import { FormErrors } from '../../../components/staff/form-errors';
import { useHelpRecord, type HelpRecord } from '../../../hooks/use-help-record';
import { dayOf, type MyRequest } from '../../../hooks/use-help-records';
import { WITHDRAW_NOTICE } from '@shared/domain/help';
import { ROUTES, replacePage } from '../../../routes';
import './index.scss';

function Withdraw({ rec }: { rec: HelpRecord }) {
  if (!rec.confirming) {
    return (
      <ActionButton kind='danger' className='record__withdraw' label='撤回这条记录' testId='withdraw' onTap={rec.askWithdraw}>
        撤回
      </ActionButton>
    );
  }
  return (
    <View className='card record__confirm' data-testid='withdraw-confirm-box' aria-live='polite'>
      <Text className='record__confirm-text' data-testid='withdraw-notice'>
        {WITHDRAW_NOTICE}确定撤回吗？
      </Text>
      <FormErrors error={rec.withdrawError} testId='withdraw-error' />
      <View className='button-row'>
        <ActionButton kind='danger' busy={rec.withdrawing} label='确定撤回' testId='withdraw-confirm' onTap={rec.withdraw}>
          确定撤回
        </ActionButton>
        <ActionButton label='再想想，不撤回' testId='withdraw-cancel' onTap={rec.cancelWithdraw}>
          再想想
        </ActionButton>
      </View>
    </View>
  );
}

function Record({ record, rec }: { record: MyRequest; rec: HelpRecord }) {
  return (
    <View data-testid='record-detail'>
      <View className='card'>
        <Text className='record__ref'>服务编号 {record.reference}</Text>
        <View className='record__status-row'>
          <Text className='record__label'>状态</Text>
          <Text className={`record-status record-status--${record.canWithdraw ? 'open' : 'done'}`} data-testid='record-status'>
            {record.status}
          </Text>
        </View>
        <Text className='record__label'>登记于 {dayOf(record.createdAt)}</Text>
      </View>
      <Text className='section-title'>进展</Text>
      <View className='card' data-testid='record-messages'>
        {record.messages.length === 0 && <Text className='muted'>暂时没有新的进展</Text>}
        {record.messages.map((m, i) => (
          <View key={`${m.at}${i}`} className='record__message'>
            <Text className='record__message-date'>{dayOf(m.at)}</Text>
            <Text className='record__message-text'>{m.text}</Text>
          </View>
        ))}
      </View>
      {record.canWithdraw && <Withdraw rec={rec} />}
    </View>
  );
}

/** One of her records: status and messages in neutral words; 撤回 while it is still open. */
export default function HelpRecordPage() {
  const { params } = useRouter<{ id?: string }>();
  const rec = useHelpRecord(params.id);
  if (rec.withdrawn) {
    return (
      <HelpPage testId='help-record-page'>
        <View className='card' data-testid='withdrawn' aria-live='polite'>
          <Text className='record__confirm-text'>已撤回。您填写的内容和联系方式已经删除。如还需要帮助，可以随时再次登记。</Text>
          <ActionButton label='返回服务记录' testId='withdrawn-back' onTap={() => replacePage(ROUTES.helpRecords)}>
            返回服务记录
          </ActionButton>
        </View>
      </HelpPage>
    );
  }
  return (
    <HelpPage testId='help-record-page'>
      <CallView state={rec.record} loadingText='正在加载…'>
        {(data) => <Record record={data} rec={rec} />}
      </CallView>
    </HelpPage>
  );
}
