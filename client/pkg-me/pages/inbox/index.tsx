import { Text } from '@tarojs/components';
import { Page } from '../../../components/page';

// Placeholder until this page is built.
export default function Placeholder() {
  return (
    <Page testId='inbox-page'>
      <Text>我的消息</Text>
    </Page>
  );
}
