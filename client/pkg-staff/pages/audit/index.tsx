import { Text } from '@tarojs/components';
import { Page } from '../../../components/page';

// Placeholder until this page is built.
export default function Placeholder() {
  return (
    <Page testId='staff-audit'>
      <Text>查看记录</Text>
    </Page>
  );
}
