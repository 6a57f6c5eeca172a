/**
 * Function configuration: the one place function code reads process.env (CloudBase function
 * environment variables; the local host passes its own environment).
 */
const env = process.env;

const int = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
};

export const config = {
  /** Subscribe-message template for a status change of something the person sent in. */
  templateStatus: env.SUBSCRIBE_TEMPLATE_STATUS ?? 'local-status-template',
  /** Most suggestions one person may submit in a China day. */
  suggestionsPerDay: int(env.HALL_SUGGESTIONS_PER_DAY, 5),
  /**
   * The version of the mini-program that subscribe messages and 小程序码 open: formal, trial or
   * developer (before the first release is published). Read at each use.
   */
  get miniprogramState(): string {
    return process.env.MINIPROGRAM_STATE ?? 'formal';
  },
  /** Days after closure when the personal details of a help request are deleted. */
  helpPurgeDays: int(env.HELP_PURGE_DAYS, 180),
  /** Most quiz points one person may earn in a China day (practice and drills cannot farm the ranking). */
  get learnPointsPerDay(): number {
    return int(process.env.LEARN_POINTS_PER_DAY, 100);
  },
  /** Most help requests one person may send in a China day (read at each use: staff may change it without a redeploy). */
  get helpRequestsPerDay(): number {
    return int(process.env.HELP_REQUESTS_PER_DAY, 3);
  },
};

/**
 * Encryption keys for help requests, read at each use so keys can rotate without a redeploy:
 * HELP_KEYS is JSON {"<key id>": "<base64 of 32 bytes>"}, HELP_ACTIVE_KEY the id new records use.
 * Only the functions that seal or open help records are given them. Never in the repository.
 */
export function sealKeys(): { active: string; keys: Record<string, string> } {
  const keys = JSON.parse(process.env.HELP_KEYS ?? '{}') as Record<string, string>;
  return { active: process.env.HELP_ACTIVE_KEY ?? '', keys };
}

/** HELP_LOOKUP_KEY: a separate secret for the keyed hashes that find her records without storing who she is. */
export function lookupKey(): string {
  return process.env.HELP_LOOKUP_KEY ?? '';
}
