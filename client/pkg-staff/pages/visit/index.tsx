import { Text } from '@tarojs/components';
import { Page } from '../../../components/page';

// Placeholder until this page is built.
export default function Placeholder() {
  return (
    <Page testId='staff-visit'>
      <Text>来访登记</Text>
    </Page>
  );
}
