import { useCallback, useState } from 'react';
import type { ResultError } from '@shared/result';
import { useCall, type CallState } from './use-call';
import type { MyRequest } from './use-help-records';
import { useRefreshOnShow } from './use-refresh-on-show';
import { useStaffAction } from './use-staff-action';

export interface HelpRecord {
  record: CallState<MyRequest>;
  /** 撤回 asks once more, in the page, before anything is sent. */
  confirming: boolean;
  askWithdraw: () => void;
  cancelWithdraw: () => void;
  withdraw: () => void;
  withdrawing: boolean;
  withdrawError: ResultError | null;
  /** Withdrawn just now: the record and what she wrote are erased, so there is nothing left to show. */
  withdrawn: boolean;
}

/** One of her requests, with 撤回 (which erases it) behind an in-page confirmation. */
export function useHelpRecord(id: string | undefined): HelpRecord {
  const record = useCall('help', 'getMyRequest', id ? { id } : null, { code: 'BAD_REQUEST', message: '没有找到这条记录，请从「我的服务记录」打开' });
  useRefreshOnShow(record.retry);
  const [confirming, setConfirming] = useState(false);
  const [withdrawn, setWithdrawn] = useState(false);
  const withdrawer = useStaffAction('help', 'withdraw');
  const { run, clearError } = withdrawer;

  const askWithdraw = useCallback(() => {
    clearError();
    setConfirming(true);
  }, [clearError]);
  const cancelWithdraw = useCallback(() => setConfirming(false), []);
  const withdraw = useCallback(() => {
    if (!id) return;
    void run({ id }).then((out) => {
      if (!out) return;
      setConfirming(false);
      setWithdrawn(true);
    });
  }, [id, run]);

  return { record, confirming, askWithdraw, cancelWithdraw, withdraw, withdrawing: withdrawer.busy, withdrawError: withdrawer.error, withdrawn };
}
