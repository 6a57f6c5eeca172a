import { View } from '@tarojs/components';
import './text-encoder';
import { generate } from 'lean-qr';

/**
 * A QR code drawn with plain views (no canvas, the same on both platforms): each row is a run of
 * dark and light blocks. Used only inside the staff subpackage, so lean-qr stays out of the main package.
 */
export function QrCode({ text, label, testId }: { text: string; label: string; testId?: string }) {
  const code = generate(text);
  const size = code.size;
  const rows: Array<Array<{ dark: boolean; n: number }>> = [];
  for (let y = 0; y < size; y += 1) {
    const runs: Array<{ dark: boolean; n: number }> = [];
    for (let x = 0; x < size; x += 1) {
      const dark = code.get(x, y);
      const last = runs[runs.length - 1];
      if (last && last.dark === dark) last.n += 1;
      else runs.push({ dark, n: 1 });
    }
    rows.push(runs);
  }
  // Whole pixels per module keep the edges sharp enough to scan; a quiet zone of four modules.
  const px = Math.max(4, Math.floor(240 / size));
  return (
    <View className='qr' aria-label={label} data-testid={testId} data-size={size} style={{ padding: `${px * 4}px`, width: `${px * size}px`, background: '#ffffff' }}>
      {rows.map((runs, y) => (
        <View key={y} style={{ display: 'flex', height: `${px}px` }}>
          {runs.map((r, i) => (
            <View key={i} style={{ width: `${px * r.n}px`, height: `${px}px`, background: r.dark ? '#000000' : '#ffffff' }} />
          ))}
        </View>
      ))}
    </View>
  );
}
