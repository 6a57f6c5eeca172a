import { Text } from '@tarojs/components';
import { Page } from '../../components/page';

// Placeholder until this page is built.
export default function Placeholder() {
  return (
    <Page testId='service-page'>
      <Text>服务</Text>
    </Page>
  );
}
