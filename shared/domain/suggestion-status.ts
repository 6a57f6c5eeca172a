/** States of a suggestion in the deliberation hall, in display order. */
export const SUGGESTION_STATES = ['pending', 'published', 'rejected', 'accepted', 'in_progress', 'adopted', 'declined', 'answered'] as const;
export type SuggestionState = (typeof SUGGESTION_STATES)[number];

/** What residents read for each state. */
export const STATE_LABELS: Record<SuggestionState, string> = {
  pending: '待审核',
  published: '已公开',
  rejected: '未通过',
  accepted: '已受理',
  in_progress: '办理中',
  adopted: '已采纳',
  declined: '未采纳',
  answered: '已答复',
};

/** The allowed moves: 待审核 → 已公开 / 未通过; 已公开 → 已受理 → 办理中 → 已采纳 / 未采纳 → 已答复. */
export const TRANSITIONS: Record<SuggestionState, readonly SuggestionState[]> = {
  pending: ['published', 'rejected'],
  published: ['accepted'],
  rejected: [],
  accepted: ['in_progress'],
  in_progress: ['adopted', 'declined'],
  adopted: ['answered'],
  declined: ['answered'],
  answered: [],
};

/** States whose entry needs a written reason (shown to the author). */
export const NEEDS_REASON: ReadonlySet<SuggestionState> = new Set(['rejected', 'declined', 'answered']);

/** States others can see (after moderation, not rejected). */
export const PUBLIC_STATES: ReadonlySet<SuggestionState> = new Set(['published', 'accepted', 'in_progress', 'adopted', 'declined', 'answered']);

/** Why a move is refused, or null when it is allowed. */
export function transitionError(from: SuggestionState, to: SuggestionState, reason: string | undefined): string | null {
  if (!TRANSITIONS[from].includes(to)) return `不能从“${STATE_LABELS[from]}”变为“${STATE_LABELS[to]}”`;
  if (NEEDS_REASON.has(to) && (!reason || reason.trim().length < 2)) return `变为“${STATE_LABELS[to]}”需要填写说明`;
  return null;
}

/** Whether the author may rate the reply: only once answered. */
export function canRate(state: SuggestionState): boolean {
  return state === 'answered';
}
