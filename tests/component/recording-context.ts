/** One call made on a RecordingContext, with the drawing state it was made in. */
export interface DrawCall {
  op: string;
  args: unknown[];
  font: string;
  fillStyle: unknown;
}

/** A fake 2D canvas context that records what is drawn, measuring every glyph one em wide (as CJK text is). */
export class RecordingContext {
  fillStyle: unknown = '#000000';
  strokeStyle: unknown = '#000000';
  lineWidth = 1;
  font = '10px sans-serif';
  textAlign = 'start';
  textBaseline = 'alphabetic';
  readonly calls: DrawCall[] = [];

  private record(op: string, args: unknown[]): void {
    this.calls.push({ op, args, font: this.font, fillStyle: this.fillStyle });
  }

  clearRect(...args: number[]): void {
    this.record('clearRect', args);
  }

  fillRect(...args: number[]): void {
    this.record('fillRect', args);
  }

  strokeRect(...args: number[]): void {
    this.record('strokeRect', args);
  }

  scale(...args: number[]): void {
    this.record('scale', args);
  }

  fillText(text: string, x: number, y: number): void {
    this.record('fillText', [text, x, y]);
  }

  measureText(text: string): { width: number } {
    return { width: text.length * fontPx(this.font) };
  }

  /** The texts drawn, in order. */
  texts(): string[] {
    return this.textCalls().map((c) => c.text);
  }

  textCalls(): Array<{ text: string; x: number; y: number; px: number }> {
    return this.calls
      .filter((c) => c.op === 'fillText')
      .map((c) => ({ text: c.args[0] as string, x: c.args[1] as number, y: c.args[2] as number, px: fontPx(c.font) }));
  }
}

/** The pixel size in a CSS font shorthand such as "bold 17px sans-serif". */
export function fontPx(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  if (!m?.[1]) throw new Error(`no pixel size in font "${font}"`);
  return Number(m[1]);
}
