import { useEffect, useRef, useState } from 'react';
import { View } from '@tarojs/components';
import { certificateText, drawCertificate, type CertificateData } from '../../native/certificate/draw';

/** The logical size drawn at; the native card's canvas is 600×840rpx, the same 5:7. */
const SIZE = { width: 300, height: 420 };

/** Browser build: the poster on an HTML canvas, and a link that downloads it as a PNG. */
export function WebCertificate({ data }: { data: CertificateData }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [href, setHref] = useState<string | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    // At least 2x, so the downloaded picture stays sharp on a phone.
    const ratio = Math.max(2, window.devicePixelRatio || 1);
    canvas.width = SIZE.width * ratio;
    canvas.height = SIZE.height * ratio;
    ctx.scale(ratio, ratio);
    drawCertificate(ctx, data, SIZE);
    setHref(canvas.toDataURL('image/png'));
  }, [data]);

  return (
    <View className='certificate'>
      <canvas ref={canvasRef} className='certificate__canvas' role='img' aria-label={certificateText(data).summary} data-testid='certificate-canvas' />
      <a
        className='tappable button button--primary certificate__save'
        href={href ?? undefined}
        download='学法答题证书.png'
        aria-disabled={href === null}
        data-testid='certificate-save'
      >
        下载证书图片
      </a>
    </View>
  );
}
