import { Text, View } from '@tarojs/components';
import { StaffPage } from '../../../components/staff/staff-page';
import { ActionButton } from '../../../components/staff/action-button';
import { StaffCallView } from '../../../components/staff/staff-call-view';
import { countText } from '../../../components/stats/format';
import { FIRST_YEAR, annualText, useStatsAnnual, type AnnualReport, type StatsAnnual } from '../../../hooks/use-stats-annual';
import '../../../components/stats/stats.scss';

/** 复制 with its outcome in words, announced politely. */
function CopyButton({ id, text, label, annual, testId }: { id: string; text: string; label: string; annual: StatsAnnual; testId?: string }) {
  const state = annual.copied?.id === id ? annual.copied : null;
  return (
    <View className='copy-button'>
      <ActionButton small label={label} testId={testId} onTap={() => annual.copy(id, text)}>
        {state ? (state.ok ? '已复制' : '复制失败') : '复制'}
      </ActionButton>
    </View>
  );
}

function ReportView({ r, annual }: { r: AnnualReport; annual: StatsAnnual }) {
  const all = annualText(r);
  return (
    <View data-testid='annual-report'>
      <Text className='staff-note'>
        {r.year} 年 · {r.scopeName}。线上（学法、答题、求助、议事厅）和线下活动合在一起统计；数字是全年准确值，段落里按报告习惯写成“××余”。
        {annual.report.loading ? ' 正在更新…' : ''}
      </Text>
      <View className='button-row'>
        <ActionButton kind='primary' label='复制全部数字和段落' testId='annual-copy-all' onTap={() => annual.copy('all', all)}>
          {annual.copied?.id === 'all' ? (annual.copied.ok ? '已复制全部' : '复制失败，请长按文字复制') : '复制全部'}
        </ActionButton>
      </View>
      {annual.copied && !annual.copied.ok && <Text className='field__error'>复制失败：可以长按段落文字手动复制。</Text>}
      <Text className='section-title'>数字</Text>
      <View className='card area' data-testid='annual-figures'>
        {r.figures.map((f) => (
          <View key={f.key} className='copy-row' data-testid={`annual-figure-${f.key}`} data-value={String(f.value)}>
            <View className='copy-row__text'>
              <Text className='copy-row__label'>{f.label}</Text>
              <Text className='copy-row__value' userSelect>
                {f.value}
              </Text>
              <Text className='copy-row__unit'>{f.unit}</Text>
              {f.value >= 10000 && <Text className='copy-row__unit'>（{countText(f.value)}）</Text>}
            </View>
            <CopyButton id={f.key} text={`${f.label}${f.value}${f.unit}`} label={`复制：${f.label}${f.value}${f.unit}`} annual={annual} />
          </View>
        ))}
      </View>
      <Text className='section-title'>可直接粘贴的段落</Text>
      {r.paragraphs.map((p, i) => (
        <View key={p} className='card paragraph' data-testid='annual-paragraph'>
          <Text className='paragraph__text' userSelect>
            {p}
          </Text>
          <View className='paragraph__foot'>
            <CopyButton id={`p${i}`} text={p} label={`复制第 ${i + 1} 段`} annual={annual} testId='annual-paragraph-copy' />
          </View>
        </View>
      ))}
    </View>
  );
}

/** 年度报告数据: the year-end figures in the report's own terms, each copyable, with ready paragraphs. */
function StaffStatsAnnualBody() {
  const annual = useStatsAnnual();
  return (
    <>
      <View className='card year-step'>
        <ActionButton small label='上一年' disabled={annual.year <= FIRST_YEAR} testId='annual-prev' onTap={() => annual.setYear(annual.year - 1)}>
          ‹ 上一年
        </ActionButton>
        <Text className='year-step__text' data-testid='annual-year'>
          {annual.year} 年
        </Text>
        <ActionButton small label='下一年' disabled={annual.year >= annual.thisYear} testId='annual-next' onTap={() => annual.setYear(annual.year + 1)}>
          下一年 ›
        </ActionButton>
      </View>
      <StaffCallView state={annual.report} loadingText='正在汇总全年数字…'>
        {(r) => <ReportView r={r} annual={annual} />}
      </StaffCallView>
    </>
  );
}

export default function StaffStatsAnnualPage() {
  return (
    <StaffPage testId='staff-stats-annual' need='staff'>
      <StaffStatsAnnualBody />
    </StaffPage>
  );
}
