import { Text } from '@tarojs/components';
import { Page } from '../../../components/page';

// Placeholder until this page is built.
export default function Placeholder() {
  return (
    <Page testId='staff-hall-handling'>
      <Text>建议办理</Text>
    </Page>
  );
}
