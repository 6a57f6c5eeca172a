import { randomBytes } from 'node:crypto';
import { chinaDay } from '../../shared/time';
import { cloud } from './cloud';
import { COLL } from './collections';
import { config } from './config';
import { insert } from './db-helpers';

/** A notice for one person: the in-app inbox always, and a subscribe message when she allowed one. */
export interface Notice {
  openid: string;
  /** Short, neutral title (inbox and the message's first field). */
  title: string;
  /** The new status, as a short phrase. */
  status: string;
  /** One neutral line of detail. */
  body: string;
  /** The mini-program page the notice opens. */
  page: string;
  at: Date;
  /** Whom the inbox entry is filed under, if not the OPENID: her help notices use her requester key. */
  owner?: string;
  /** The case a notice about her request goes with: erased with the case's personal details. */
  caseId?: string;
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * Tells a person about a change. The inbox entry is written first; the subscribe message is best
 * effort: a refusal (43101) or any other failure is expected and never fails the caller's action.
 */
export async function notify(n: Notice): Promise<void> {
  await insert(COLL.inbox, {
    _id: `n${randomBytes(12).toString('hex')}`,
    openid: n.owner ?? n.openid,
    ...(n.caseId ? { case: n.caseId } : {}),
    title: n.title,
    body: n.body,
    page: n.page,
    read: false,
    createdAt: n.at,
  });
  try {
    const openapi = cloud.openapi as { subscribeMessage: { send(p: unknown): Promise<unknown> } };
    await openapi.subscribeMessage.send({
      touser: n.openid,
      templateId: config.templateStatus,
      page: n.page,
      miniprogramState: config.miniprogramState,
      data: {
        thing1: { value: clip(n.title, 20) },
        phrase2: { value: clip(n.status, 5) },
        date3: { value: chinaDay(n.at) },
        thing4: { value: clip(n.body, 20) },
      },
    });
  } catch {
    // Not subscribed (43101), quota used up, or WeChat unreachable: the inbox still has it.
  }
}
