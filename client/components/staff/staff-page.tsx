import type { PropsWithChildren } from 'react';
import { Text, View } from '@tarojs/components';
import { useProfile } from '../../hooks/use-profile';
import { Page } from '../page';
import { Tappable } from '../tappable';
import { meetsNeed, Refusal, type StaffNeed } from './refusal';
import './staff.scss';

/**
 * The root of every staff page: the page itself only for those it is for (its hooks, and so its
 * calls, start only then); everyone else gets the kind refusal with a way home. The role comes
 * from the profile read earlier this session when there is one.
 */
export function StaffPage({ testId, need, children }: PropsWithChildren<{ testId: string; need: StaffNeed }>) {
  const profile = useProfile({ cached: true });
  const role = profile.data?.role ?? null;
  let body;
  if (profile.data && meetsNeed(role, need)) body = children;
  else if (profile.data) body = <Refusal role={role} need={need} />;
  else if (profile.error?.code === 'UNAUTHENTICATED') body = <Refusal role={null} need={need} />;
  else if (profile.error) {
    body = (
      <View className='state state--error' data-testid='state-error'>
        <Text className='state__text' aria-live='polite'>
          {profile.error.message}
        </Text>
        <Tappable className='button button--primary' label='重试' testId='retry' onTap={profile.retry}>
          <Text>重试</Text>
        </Tappable>
      </View>
    );
  } else {
    body = (
      <View className='state' data-testid='state-loading'>
        <Text className='state__text' aria-live='polite'>
          正在打开…
        </Text>
      </View>
    );
  }
  return <Page testId={testId}>{body}</Page>;
}
