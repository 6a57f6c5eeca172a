import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { FormErrors } from '../../../components/staff/form-errors';
import { NoAccess, isNoAccess } from '../../../components/staff/staff-call-view';
import { useStaffImport, type ImportReport, type StaffImport } from '../../../hooks/use-staff-import';
import { openPage } from '../../../routes';
import { STAFF_ROUTES } from '../../routes';
import './index.scss';

// The template's header row. Keep in step with IMPORT_COLUMNS in shared/contracts/learn-admin.ts
// (not imported: that module brings zod into the mini-program bundle).
const TEMPLATE_COLUMNS = ['法律', '题型', '题干', '选项A', '选项B', '选项C', '选项D', '选项E', '答案', '解析', '法条', '法条原文', '核对来源', '难度'];

const VILLAGE_COLUMNS = ['镇街', '村（社区）', '工作室名称'];

function VillageTemplate() {
  return (
    <View className='card template' data-testid='import-template'>
      <Text className='section-title template__title'>模板说明</Text>
      <Text className='template__rule'>第一行是表头，依次为：</Text>
      <View className='template__cols'>
        {VILLAGE_COLUMNS.map((c) => (
          <Text key={c} className='template__col'>
            {c}
          </Text>
        ))}
      </View>
      <Text className='template__rule'>· 镇街写全称，如“双江镇”“梓潼街道”；每行一个村（社区）。</Text>
      <Text className='template__rule'>· 已有的同名村（社区）不会重复添加，只更新工作室名称；工作室名称可以不填。</Text>
      <Text className='template__rule'>· 有一行出错就全部不导入，改正后重新检查。</Text>
    </View>
  );
}

function Template() {
  return (
    <View className='card template' data-testid='import-template'>
      <Text className='section-title template__title'>
        模板说明
      </Text>
      <Text className='template__rule'>第一行是表头，依次为：</Text>
      <View className='template__cols'>
        {TEMPLATE_COLUMNS.map((c) => (
          <Text key={c} className='template__col'>
            {c}
          </Text>
        ))}
      </View>
      <Text className='template__rule'>· 法律：写简称或全称，如“反家庭暴力法”。</Text>
      <Text className='template__rule'>· 题型：单选、多选 或 判断。判断题不填选项，答案写“正确”或“错误”。</Text>
      <Text className='template__rule'>· 选项从 A 开始连续填写，选择题至少三项；答案写字母，多选如“ABD”。</Text>
      <Text className='template__rule'>· 法条写成“第X条”；法条原文照现行文本逐字粘贴；核对来源写明出处。</Text>
      <Text className='template__rule'>· 难度填 1、2 或 3（易、中、难）。</Text>
      <Text className='template__rule'>· 支持 .xlsx 和 .csv（UTF-8）文件，单个文件约 60 KB 以内；题目多时请分成几个文件。</Text>
    </View>
  );
}

function FilePicker({ imp }: { imp: StaffImport }) {
  if (process.env.TARO_ENV === 'h5') {
    // A real file input, visually hidden inside a label that looks like our buttons.
    return (
      <label className='tappable button file-pick'>
        <input
          className='file-pick__input'
          type='file'
          accept='.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv'
          aria-label='选择要导入的 .xlsx 或 .csv 文件'
          data-testid='import-file'
          onChange={(e) => {
            const picked = e.target.files?.[0];
            if (picked) imp.takeBrowserFile(picked);
            e.target.value = ''; // choosing the same file again still reads it
          }}
        />
        {imp.file ? '重新选择文件' : '选择 .xlsx 或 .csv 文件'}
      </label>
    );
  }
  return (
    <ActionButton label='从微信聊天中选择 .xlsx 或 .csv 文件' testId='import-file' onTap={imp.chooseFromChat}>
      {imp.file ? '重新选择文件' : '从聊天记录选择文件'}
    </ActionButton>
  );
}

function Report({ report, imported, unit }: { report: ImportReport; imported: number | null; unit: string }) {
  const bad = report.report.filter((r) => !r.ok).length;
  return (
    <View className='card report' data-testid='import-report'>
      {imported !== null ? (
        <Text className='imported' data-testid='import-done' aria-live='polite'>
          已导入 {imported} {unit}{report.alreadyPresent > 0 ? `，另有 ${report.alreadyPresent} ${unit}之前已导入，没有重复添加` : ''}
          {report.complete ? '' : '。导入没有全部完成，请再点一次“导入”（已导入的不会重复）'}
        </Text>
      ) : (
        <Text className={`report__summary ${bad === 0 ? 'report__summary--ok' : 'report__summary--bad'}`} data-testid='import-summary' aria-live='polite'>
          {report.rows === 0 ? '这个表格不能导入，见下面的说明' : bad === 0 ? `共 ${report.rows} 行，全部通过，可以导入` : `共 ${report.rows} 行，${bad} 行有错误，改正后重新选择文件再检查`}
        </Text>
      )}
      {report.report.map((r) => (
        <View key={r.row} className='report-row' data-testid='import-report-row' data-row={r.row} data-ok={r.ok ? 'true' : 'false'}>
          <Text className='report-row__no'>第 {r.row} 行</Text>
          <View className='report-row__body'>
            <Text className={`tag ${r.ok ? 'tag--ok' : 'tag--bad'}`}>{r.ok ? '通过' : '错误'}</Text>
            {r.errors.map((e) => (
              <Text key={e} className='report-row__error'>
                {e}
              </Text>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}

/** 导入题目 (or, with `?target=villages`, 导入村（社区）): choose a spreadsheet, 检查 it row by row, then 导入 when every row passed. */
function StaffImportBody() {
  const villages = useRouter<{ target?: string }>().params.target === 'villages';
  const imp = useStaffImport(villages ? 'villages' : 'questions');
  const denied = isNoAccess(imp.error) ? imp.error : null;
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return (
    <>
      {denied ? (
        <NoAccess />
      ) : (
        <View>
          <View className='card'>
            <Text className='staff-note'>第一步：选择文件</Text>
            <FilePicker imp={imp} />
            {imp.reading && <Text className='muted'>正在读取文件…</Text>}
            {imp.file && (
              <Text className='file-name' data-testid='import-file-name'>
                {imp.file.name} <Text className='file-size'>（{kb(imp.file.size)}）</Text>
              </Text>
            )}
            {imp.fileError && (
              <Text className='field__error' data-testid='import-file-error' aria-live='polite'>
                {imp.fileError}
              </Text>
            )}
          </View>

          <View className='button-row'>
            <ActionButton kind='primary' label='检查表格' testId='import-check' disabled={!imp.file} busy={imp.checking} onTap={imp.check}>
              {imp.checking ? '正在检查…' : '检查'}
            </ActionButton>
            <ActionButton kind='primary' label={villages ? '导入村（社区）' : '导入题目'} testId='import-run' disabled={!imp.canImport} busy={imp.importing} onTap={imp.runImport}>
              {imp.importing ? '正在导入…' : '导入'}
            </ActionButton>
          </View>
          {!imp.canImport && imp.imported === null && <Text className='staff-note'>先“检查”，每一行都通过后才能“导入”。</Text>}

          <FormErrors error={imp.error} problems={(imp.error?.issues ?? []).map((i) => i.message)} testId='import-error' />
          {imp.report && <Report report={imp.report} imported={imp.imported} unit={villages ? '个村（社区）' : '题'} />}
          {imp.imported !== null && !villages && (
            <View className='button-row'>
              <ActionButton label='去题库查看' testId='import-to-bank' onTap={() => openPage(STAFF_ROUTES.questions)}>
                去题库查看
              </ActionButton>
            </View>
          )}

          {villages ? <VillageTemplate /> : <Template />}
        </View>
      )}
    </>
  );
}

export default function StaffImportPage() {
  return (
    <StaffPage testId='import-page' need='district'>
      <StaffImportBody />
    </StaffPage>
  );
}
