import { Text } from '@tarojs/components';
import { Page } from '../../../components/page';

// Placeholder until this page is built.
export default function Placeholder() {
  return (
    <Page testId='staff-cases'>
      <Text>服务记录</Text>
    </Page>
  );
}
