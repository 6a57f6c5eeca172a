import { Text } from '@tarojs/components';
import { Page } from '../../../components/page';

// Placeholder until this page is built.
export default function Placeholder() {
  return (
    <Page testId='my-suggestions-page'>
      <Text>我的建议</Text>
    </Page>
  );
}
