import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { requirePrivacy } from '../services/privacy';
import type { Output } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { useStaffAction } from './use-staff-action';
import { markStaffChanged } from './use-staff-refresh';

/** The validation report of an import, row by row, and how many records it added or updated. */
export type ImportReport = Omit<Output<'learnAdmin', 'importQuestions'>, 'imported'> & { imported: number };

/** What is imported: the question bank, or the district's villages (镇街, 村（社区）, 工作室名称). */
export type ImportTarget = 'questions' | 'villages';

/** The largest file the import takes: its base64 must fit the contract's 90 000 characters. */
export const IMPORT_MAX_BYTES = 67_000;
const FILE_RE = /\.(xlsx|csv)$/i;
const TOO_BIG = '文件太大：请控制在约 60 KB 以内（可以分成几个文件，分批导入）';
const WRONG_KIND = '只能导入 .xlsx 或 .csv 文件';

/** The chosen file, read as base64. */
export interface ImportFile {
  name: string;
  size: number;
  base64: string;
}

export interface StaffImport {
  file: ImportFile | null;
  /** Why the file could not be taken (kind, size, reading). */
  fileError: string | null;
  reading: boolean;
  /** WeChat: opens the chat-file chooser. */
  chooseFromChat: () => void;
  /** Browser: takes the file of an <input type="file">. */
  takeBrowserFile: (file: File) => void;
  /** The dry run's report for the current file; null until 检查 ran. */
  report: ImportReport | null;
  /** Every row passed the check. */
  allPassed: boolean;
  /** 导入 may run: every row passed and this file was not imported yet (or its import stopped part-way). */
  canImport: boolean;
  check: () => void;
  checking: boolean;
  runImport: () => void;
  importing: boolean;
  /** How many questions the import added; null until it ran. */
  imported: number | null;
  error: ResultError | null;
}

function base64OfDataUrl(url: string): string {
  const comma = url.indexOf(',');
  return comma >= 0 ? url.slice(comma + 1) : '';
}

/** Why a file cannot be imported, before reading it; null when it may be. */
function precheck(name: string, size: number): string | null {
  if (!FILE_RE.test(name)) return WRONG_KIND;
  if (name.length > 100) return '文件名太长，请改短一些（100 个字以内）';
  if (size > IMPORT_MAX_BYTES) return TOO_BIG;
  return null;
}

type ImportInput = { fileName: string; contentBase64: string; dryRun: boolean };

/** One import action of either target, as the page runs it: busy, error, and a normalized report. */
function useImportAction(target: ImportTarget) {
  const questions = useStaffAction('learnAdmin', 'importQuestions');
  const villages = useStaffAction('staff', 'importVillages');
  const chosen = target === 'villages' ? villages : questions;
  const { run: runQuestions } = questions;
  const { run: runVillages } = villages;
  const run = useCallback(
    async (input: ImportInput): Promise<ImportReport | null> => {
      if (target === 'questions') return runQuestions(input);
      const out = await runVillages(input);
      return out ? { imported: out.added + out.updated, alreadyPresent: 0, complete: true, rows: out.rows, report: out.report } : null;
    },
    [target, runQuestions, runVillages],
  );
  return { run, busy: chosen.busy, error: chosen.error, clearError: chosen.clearError };
}

/** An import: choose a file, 检查 (dry run) for a row-by-row report, then 导入. */
export function useStaffImport(target: ImportTarget = 'questions'): StaffImport {
  const [file, setFile] = useState<ImportFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const checker = useImportAction(target);
  const importer = useImportAction(target);

  const { clearError: clearCheckError } = checker;
  const { clearError: clearImportError } = importer;
  const accept = useCallback((next: ImportFile | null, error: string | null) => {
    clearCheckError();
    clearImportError();
    setFile(next);
    setFileError(error);
    setReport(null);
    setImported(null);
    setReading(false);
  }, [clearCheckError, clearImportError]);

  const takeBrowserFile = useCallback(
    (picked: File) => {
      const problem = precheck(picked.name, picked.size);
      if (problem) {
        accept(null, problem);
        return;
      }
      setReading(true);
      const reader = new FileReader();
      reader.onload = () => accept({ name: picked.name, size: picked.size, base64: base64OfDataUrl(typeof reader.result === 'string' ? reader.result : '') }, null);
      reader.onerror = () => accept(null, '读取文件失败，请重新选择');
      reader.readAsDataURL(picked);
    },
    [accept],
  );

  const chooseFromChat = useCallback(() => {
    void requirePrivacy()
      .then((agreed) => {
        if (!agreed) throw new Error('privacy not agreed');
        return Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] });
      })
      .then((res) => {
        const picked = res.tempFiles[0];
        if (!picked) return;
        const problem = precheck(picked.name, picked.size);
        if (problem) {
          accept(null, problem);
          return;
        }
        setReading(true);
        Taro.getFileSystemManager().readFile({
          filePath: picked.path,
          encoding: 'base64',
          success: (r) => accept({ name: picked.name, size: picked.size, base64: typeof r.data === 'string' ? r.data : '' }, null),
          fail: () => accept(null, '读取文件失败，请重新选择'),
        });
      })
      .catch(() => undefined); // closing the chooser is not an error
  }, [accept]);

  const { run: runCheck } = checker;
  const check = useCallback(() => {
    if (!file) return;
    setImported(null);
    void runCheck({ fileName: file.name, contentBase64: file.base64, dryRun: true }).then((out) => setReport(out));
  }, [file, runCheck]);

  const allPassed = report !== null && report.report.length > 0 && report.report.every((r) => r.ok);
  const canImport = allPassed && (imported === null || report?.complete === false);
  const { run: runImporter } = importer;
  const runImport = useCallback(() => {
    if (!file || !canImport) return;
    void runImporter({ fileName: file.name, contentBase64: file.base64, dryRun: false }).then((out) => {
      if (!out) return;
      setReport(out);
      setImported(out.imported);
      if (target === 'questions') markStaffChanged('questions');
    });
  }, [file, canImport, runImporter, target]);

  return {
    file,
    fileError,
    reading,
    chooseFromChat,
    takeBrowserFile,
    report,
    allPassed,
    canImport,
    check,
    checking: checker.busy,
    runImport,
    importing: importer.busy,
    imported,
    error: importer.error ?? checker.error,
  };
}
