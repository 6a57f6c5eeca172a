import { Text } from '@tarojs/components';
import { Page } from '../../components/page';

// Placeholder until this page is built.
export default function Placeholder() {
  return (
    <Page testId='hall-page'>
      <Text>议事</Text>
    </Page>
  );
}
