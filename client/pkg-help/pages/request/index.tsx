import { Text } from '@tarojs/components';
import { Page } from '../../../components/page';

// Placeholder until this page is built.
export default function Placeholder() {
  return (
    <Page testId='help-request-page'>
      <Text>服务登记</Text>
    </Page>
  );
}
