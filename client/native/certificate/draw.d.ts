/** Types of draw.js (plain ES5 for the native component), for the TypeScript side. */

/** What a certificate shows; `name` is masked when drawn, `date` is a China date `YYYY-MM-DD`. */
export interface CertificateData {
  title: string;
  name?: string | null;
  score: number;
  passMark: number;
  date: string;
  issuer?: string;
}

/** The words of a certificate, as drawn and as read out by screen readers. */
export interface CertificateText {
  heading: string;
  name: string;
  title: string;
  praise: string;
  score: string;
  passMark: string;
  motto: string;
  issuer: string;
  date: string;
  summary: string;
}

/** The part of a 2D context the drawing uses: WeChat's canvas 2d and the browser's both have it. */
export interface CertificateContext {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  fillText(text: string, x: number, y: number): void;
  measureText(text: string): { width: number };
}

export const HEADING: string;
export const MOTTO: string;
export const DEFAULT_ISSUER: string;
export function maskName(name: string | null | undefined): string;
export function chinaDateText(date: string): string;
export function certificateText(data: CertificateData): CertificateText;
export function drawCertificate(ctx: CertificateContext, data: CertificateData, size: { width: number; height: number }): CertificateText;
