import { useMemo } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Output } from '@shared/contracts';
import { dayOf } from '../../../time';
import { CallView } from '../../../components/call-view';
import { Certificate } from '../../../components/certificate/certificate';
import { useCertificateShare } from '../../../components/certificate/use-certificate-share';
import { Page } from '../../../components/page';
import { useCertificate } from './use-certificate';
import './index.scss';

type QuizResult = Output<'learn', 'getResult'>;

function NoCertificate({ result }: { result: QuizResult }) {
  if (result.passed === null || result.passMark === null) {
    return (
      <View className='card no-certificate' data-testid='certificate-none'>
        <Text className='no-certificate__title'>这次答题没有及格线</Text>
        <Text className='no-certificate__text'>练习和每日一题不发证书；参加答题活动并及格，就能领取学法答题证书。</Text>
      </View>
    );
  }
  return (
    <View className='card no-certificate' data-testid='certificate-failed'>
      <Text className='no-certificate__title'>未通过</Text>
      <Text className='no-certificate__text'>
        「{result.title}」本次得分 {result.score} 分，及格线 {result.passMark} 分。再学一学，下次一定能拿到证书。
      </Text>
    </View>
  );
}

function Earned({ result, name }: { result: QuizResult & { passMark: number }; name: string | null }) {
  const data = useMemo(
    () => ({ title: result.title, name, score: result.score, passMark: result.passMark, date: dayOf(result.submittedAt) }),
    [result.title, name, result.score, result.passMark, result.submittedAt],
  );
  return (
    <View data-testid='certificate-earned'>
      <Certificate data={data} />
      {name !== null && <Text className='certificate-page__hint'>证书上的姓名只显示第一个字，可以放心分享。</Text>}
    </View>
  );
}

/** 学法答题证书 of one attempt (`?attemptId=`): the poster once passed, 未通过 otherwise. */
export default function CertificatePage() {
  const { params } = useRouter<{ attemptId?: string }>();
  const { result, name } = useCertificate(params.attemptId);
  const passed = result.data?.passed === true ? result.data : null;
  useCertificateShare(passed?.title ?? null);

  return (
    <Page testId='certificate-page'>
      <CallView state={result} loadingText='正在取出证书…'>
        {(data) => (data.passed === true && data.passMark !== null ? <Earned result={{ ...data, passMark: data.passMark }} name={name} /> : <NoCertificate result={data} />)}
      </CallView>
    </Page>
  );
}
