import { Text } from '@tarojs/components';
import { Page } from '../../../components/page';

// Placeholder until this page is built.
export default function Placeholder() {
  return (
    <Page testId='staff-follow-ups'>
      <Text>回访提醒</Text>
    </Page>
  );
}
