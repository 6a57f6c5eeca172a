import { useCallback, useState } from 'react';
import type { Output } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { openSpreadsheet } from '../components/stats/open-spreadsheet';
import { useCall, type CallState } from './use-call';
import { useRefreshOnShow } from './use-refresh-on-show';
import { useStaffAction } from './use-staff-action';
import { useStatsPeriod, type StatsPeriod } from './use-stats-period';

export type Dashboard = Output<'stats', 'dashboard'>;

export interface StatsDashboard {
  period: StatsPeriod;
  dashboard: CallState<Dashboard>;
  /** 导出 Excel of the period shown. */
  exportXlsx: () => void;
  exporting: boolean;
  exportError: ResultError | null;
  /** The file name of the last export handed over. */
  exported: string | null;
}

/** 参与统计: the period chosen, its figures (reloaded when the page shows again) and the Excel export. */
export function useStatsDashboard(): StatsDashboard {
  const period = useStatsPeriod();
  const dashboard = useCall('stats', 'dashboard', period.input, { code: 'INVALID_INPUT', message: period.problem ?? '请选择时段' });
  useRefreshOnShow(dashboard.retry);

  const exporter = useStaffAction('stats', 'exportXlsx');
  const [exported, setExported] = useState<string | null>(null);
  const [openError, setOpenError] = useState<ResultError | null>(null);
  const { run } = exporter;
  const { input } = period;
  const exportXlsx = useCallback(() => {
    if (!input) return;
    setExported(null);
    setOpenError(null);
    void run(input).then(async (file) => {
      if (!file) return;
      const problem = await openSpreadsheet(file);
      if (problem) setOpenError({ code: 'INTERNAL', message: problem });
      else setExported(file.fileName);
    });
  }, [input, run]);

  return { period, dashboard, exportXlsx, exporting: exporter.busy, exportError: exporter.error ?? openError, exported };
}
