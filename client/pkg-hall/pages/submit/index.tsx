import { Text } from '@tarojs/components';
import { Page } from '../../../components/page';

// Placeholder until this page is built.
export default function Placeholder() {
  return (
    <Page testId='submit-page'>
      <Text>提建议</Text>
    </Page>
  );
}
