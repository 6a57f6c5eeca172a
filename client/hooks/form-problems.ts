import type { Issue } from '@shared/result';

/**
 * The problems of a staff form, merged: the client's own checks and the server's INVALID_INPUT
 * issues, by field (for the field) and as one deduplicated list (for the summary).
 */
export function mergeFormProblems<F extends string>(
  client: Partial<Record<F, string[]>>,
  issues: readonly Issue[],
  labels: Record<F, string>,
  fieldOfPath: (path: string) => F | null,
): { fieldErrors: Partial<Record<F, string[]>>; problemList: string[] } {
  const fieldErrors: Partial<Record<F, string[]>> = {};
  const problemList: string[] = [];
  const add = (field: F | null, message: string) => {
    if (field && !(fieldErrors[field] ??= []).includes(message)) fieldErrors[field]?.push(message);
    const line = field ? `${labels[field]}：${message}` : message;
    if (!problemList.includes(line)) problemList.push(line);
  };
  for (const [field, messages] of Object.entries(client) as Array<[F, string[]]>) for (const m of messages) add(field, m);
  for (const issue of issues) add(fieldOfPath(issue.path), issue.message);
  return { fieldErrors, problemList };
}
