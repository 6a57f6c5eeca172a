import { Input, Text, View } from '@tarojs/components';
import { Tappable } from '../../../components/tappable';
import { REPORT_NOTE_MAX, REPORT_REASON_CHOICES, useQuestionReport } from '../../../hooks/use-question-report';

/** 纠错: a question reported as wrong, with a reason and an optional note. */
export function ReportBox({ questionId }: { questionId: string }) {
  const report = useQuestionReport(questionId);
  if (report.sent) {
    return (
      <Text className='report__done' data-testid='report-sent' aria-live='polite'>
        已收到你的纠错，工作人员核实后会修改。谢谢！
      </Text>
    );
  }
  return (
    <View className='report'>
      <Tappable className='report__open' testId='report-open' label={report.open ? '收起纠错' : '这道题有错？点按纠错'} onTap={report.toggle}>
        <Text>{report.open ? '收起纠错 ▲' : '这道题有错？纠错 ▼'}</Text>
      </Tappable>
      {report.open && (
        <View className='report__form' data-testid='report-form'>
          <Text className='report__label'>哪里有错？</Text>
          <View className='report__reasons'>
            {REPORT_REASON_CHOICES.map((reason) => {
              const picked = report.reason === reason;
              return (
                <Tappable
                  key={reason}
                  className={`report__reason${picked ? ' report__reason--picked' : ''}`}
                  role='radio'
                  checked={picked}
                  testId={`report-reason-${reason}`}
                  label={`${reason}${picked ? '，已选' : ''}`}
                  onTap={() => report.setReason(reason)}
                >
                  <Text>
                    {picked ? '● ' : '○ '}
                    {reason}
                  </Text>
                </Tappable>
              );
            })}
          </View>
          <Text className='report__label'>补充说明（可以不填）</Text>
          <Input
            className='report__note'
            value={report.note}
            maxlength={REPORT_NOTE_MAX}
            placeholder='比如：正确答案应该是……'
            data-testid='report-note'
            onInput={(e) => report.setNote(e.detail.value)}
          />
          {report.error && (
            <Text className='notice notice--error' aria-live='polite'>
              {report.error.message}
            </Text>
          )}
          <Tappable
            className='button button--primary report__send'
            testId='report-send'
            label={report.reason === null ? '提交纠错，请先选择哪里有错' : '提交纠错'}
            disabled={report.reason === null || report.sending}
            onTap={report.send}
          >
            <Text>{report.sending ? '正在提交…' : '提交纠错'}</Text>
          </Tappable>
        </View>
      )}
    </View>
  );
}
