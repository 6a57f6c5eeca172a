/**
 * A person's name as others may see it: the first character and stars (李**), with any note in
 * brackets dropped; null when there is no name. The one masking rule of the system (the native
 * certificate card repeats it in plain ES5, see client/native/certificate/draw.js).
 */
export function maskName(name: string | null): string | null {
  const clean = (name ?? '').replace(/（.*?）|\(.*?\)/g, '').trim();
  if (clean.length === 0) return null;
  return `${clean.slice(0, 1)}${'*'.repeat(Math.max(1, Math.min(2, clean.length - 1)))}`;
}
