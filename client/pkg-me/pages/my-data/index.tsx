import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { CallView } from '../../../components/call-view';
import { Page } from '../../../components/page';
import { ActionButton } from '../../../components/staff/action-button';
import { FormErrors } from '../../../components/staff/form-errors';
import { useMyData } from '../../../hooks/use-my-data';
import { openPage, ROUTES } from '../../../routes';
import './index.scss';

function DeleteAccount({ my }: { my: ReturnType<typeof useMyData> }) {
  const [asking, setAsking] = useState(false);
  return (
    <View className='card my-data__delete' data-testid='delete-account'>
      <Text className='my-data__title'>注销账号</Text>
      <Text>注销后：基本信息、学习和答题记录、错题本、站内消息会被删除；公开的建议会保留，但只显示为“匿名居民”，不再和您有任何关联；服务记录里的个人信息立即删除，没有办完的事项按撤回处理；统计数字（人次、人数）不变。注销后不能恢复。</Text>
      <FormErrors error={my.deleter.error} testId='delete-error' />
      {asking ? (
        <View className='my-data__actions'>
          <ActionButton kind='danger' label='确定注销账号' busy={my.deleter.busy} testId='delete-confirm' onTap={() => void my.deleteAccount()}>
            确定注销
          </ActionButton>
          <ActionButton label='不注销了' testId='delete-cancel' onTap={() => setAsking(false)}>
            不注销了
          </ActionButton>
        </View>
      ) : (
        <ActionButton kind='danger' label='注销账号' testId='delete-start' onTap={() => setAsking(true)}>
          注销账号
        </ActionButton>
      )}
    </View>
  );
}

/** 个人信息: what the app keeps about her by area, an export, and 注销 (个人信息保护法 第四十四至四十七条). */
export default function MyDataPage() {
  const my = useMyData();
  if (my.deleted) {
    return (
      <Page testId='my-data-page'>
        <View className='card' data-testid='delete-done'>
          <Text>账号已注销。再次使用时会作为新用户开始。</Text>
        </View>
      </Page>
    );
  }
  return (
    <Page testId='my-data-page'>
      <CallView state={my.data} loadingText='正在读取…'>
        {(data) => (
          <View>
            {data.areas.map((a) => (
              <View key={a.key} className='card my-data__area' data-testid={`area-${a.key}`}>
                <Text className='my-data__title'>{a.title}</Text>
                <Text>{a.kept}</Text>
              </View>
            ))}
            <View className='card my-data__area'>
              <Text className='my-data__title'>导出我的信息</Text>
              <Text>生成一份表格文件，包含上面各项中您的记录。服务记录只列编号和进度。</Text>
              <FormErrors error={my.exporter.error} problems={my.exportProblem ? [my.exportProblem] : []} testId='export-error' />
              <ActionButton label='导出我的信息' busy={my.exporter.busy} testId='export-my-data' onTap={() => void my.exportAll()}>
                导出
              </ActionButton>
            </View>
            {data.canDelete ? <DeleteAccount my={my} /> : <Text className='my-data__note'>工作人员账号由管理员停用，不能在这里注销。</Text>}
            <ActionButton label='查看隐私政策' testId='open-privacy' onTap={() => openPage(ROUTES.privacy)}>
              隐私政策
            </ActionButton>
          </View>
        )}
      </CallView>
    </Page>
  );
}
