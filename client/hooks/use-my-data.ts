import { useCallback, useState } from 'react';
import { openSpreadsheet } from '../components/stats/open-spreadsheet';
import { useCall } from './use-call';
import { useStaffAction } from './use-staff-action';

/** 个人信息: what is kept about her, export it, delete the account (one call each). */
export function useMyData() {
  const data = useCall('account', 'myData', {});
  const exporter = useStaffAction('account', 'exportMyData');
  const deleter = useStaffAction('account', 'deleteAccount');
  const [exportProblem, setExportProblem] = useState<string | null>(null);
  const [deleted, setDeleted] = useState(false);
  const { run: runExport } = exporter;
  const exportAll = useCallback(async () => {
    setExportProblem(null);
    const file = await runExport({});
    if (file) setExportProblem(await openSpreadsheet(file));
  }, [runExport]);
  const { run: runDelete } = deleter;
  const deleteAccount = useCallback(async () => {
    if (await runDelete({ confirm: '注销' })) setDeleted(true);
  }, [runDelete]);
  return { data, exporter, exportAll, exportProblem, deleter, deleteAccount, deleted };
}
