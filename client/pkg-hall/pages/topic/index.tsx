import { Text } from '@tarojs/components';
import { Page } from '../../../components/page';

// Placeholder until this page is built.
export default function Placeholder() {
  return (
    <Page testId='topic-page'>
      <Text>议题</Text>
    </Page>
  );
}
