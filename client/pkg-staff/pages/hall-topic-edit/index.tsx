import { Text } from '@tarojs/components';
import { Page } from '../../../components/page';

// Placeholder until this page is built.
export default function Placeholder() {
  return (
    <Page testId='staff-hall-topic-edit'>
      <Text>编辑议题</Text>
    </Page>
  );
}
