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
  /** The mini-program state subscribe messages open in: formal, trial or developer. */
  miniprogramState: env.MINIPROGRAM_STATE ?? 'formal',
};
