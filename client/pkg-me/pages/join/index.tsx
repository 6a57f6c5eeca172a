import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@shared/roles';
import { Page } from '../../../components/page';
import { ActionButton } from '../../../components/staff/action-button';
import { Field, TextInput } from '../../../components/staff/fields';
import { FormErrors } from '../../../components/staff/form-errors';
import { useJoin } from '../../../hooks/use-join';
import { openPage, ROUTES } from '../../../routes';

/** 工作人员邀请: opened from the invitation link (h5), a 小程序码 whose `scene` is the code (WeChat), or typed. */
export default function JoinPage() {
  const { params } = useRouter<{ code?: string; scene?: string }>();
  const join = useJoin(params.code ?? (params.scene ? decodeURIComponent(params.scene) : ''));
  if (join.joined) {
    return (
      <Page testId='join-page'>
        <View className='card' data-testid='join-done'>
          <Text>
            您已成为{ROLE_LABELS[join.joined.role]}工作人员：{join.joined.placeName}。
          </Text>
        </View>
        <ActionButton kind='primary' label='进入工作台' testId='join-open-desk' onTap={() => openPage(ROUTES.staff)}>
          进入工作台
        </ActionButton>
      </Page>
    );
  }
  return (
    <Page testId='join-page'>
      <View className='card'>
        <Text>这是妇联工作人员的邀请。接受后，您的账号会成为邀请里的岗位，可以使用工作台。每个邀请只能用一次。</Text>
      </View>
      <Field label='邀请码'>
        <TextInput label='邀请码' value={join.code} maxLength={12} placeholder='10 位字母和数字' onChange={join.setCode} testId='join-code' />
      </Field>
      <FormErrors error={join.redeem.error} testId='join-error' />
      <ActionButton kind='primary' label='接受邀请' busy={join.redeem.busy} disabled={join.code.length !== 10} testId='join-accept' onTap={() => void join.accept()}>
        接受邀请
      </ActionButton>
    </Page>
  );
}
