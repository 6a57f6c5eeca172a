import { View } from '@tarojs/components';
import type { CertificateData } from '../../native/certificate/draw';
import { WebCertificate } from './web-certificate';
import './certificate.scss';

/** The id of the native card on the page, for `selectComponent` (see use-certificate-share). */
export const CERTIFICATE_CARD_ID = 'certificate-card';

/**
 * The certificate poster with a way to keep it: in WeChat the native <certificate-card> (2d
 * canvas, 保存到相册); in the browser an HTML canvas drawn by the same module, and a download link.
 */
export function Certificate({ data }: { data: CertificateData }) {
  if (process.env.TARO_ENV === 'h5') return <WebCertificate data={data} />;
  return (
    <View className='certificate' data-testid='certificate-canvas'>
      <certificate-card id={CERTIFICATE_CARD_ID} title={data.title} name={data.name ?? ''} score={data.score} pass-mark={data.passMark} date={data.date} />
    </View>
  );
}
