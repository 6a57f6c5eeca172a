import type { PropsWithChildren } from 'react';
import { Page } from '../page';
import { useHelpPrivacy } from '../../hooks/use-help-privacy';
import { EmergencyBar } from './emergency-bar';
import { QuickExit } from './quick-exit';
import './help.scss';

/**
 * The frame of every help page: 快速离开 always in reach, the emergency numbers first, and the
 * page kept out of sharing and screenshots where WeChat allows.
 */
export function HelpPage({ testId, children }: PropsWithChildren<{ testId: string }>) {
  useHelpPrivacy();
  return (
    <Page className='help-page' testId={testId}>
      <QuickExit />
      <EmergencyBar />
      {children}
    </Page>
  );
}
