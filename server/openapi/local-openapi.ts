import { randomBytes } from 'node:crypto';
import type { Store } from '../store/types';
import { SEC_KEYWORDS } from './keywords';

/** The error shape the real SDK throws for a failed open-API call. */
export class OpenApiError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(errMsg);
  }
}

interface MsgSecCheckParams {
  openid?: string;
  scene?: number;
  version?: number;
  content?: string;
}

interface SubscribeSendParams {
  touser?: string;
  templateId?: string;
  page?: string;
  data?: Record<string, { value: string }>;
  miniprogramState?: string;
}

/**
 * Local engines of the open APIs the functions use, with the shapes of the real ones:
 * `security.msgSecCheck` (v2 result from a keyword list) and `subscribeMessage.send` (into the
 * outbox collection; 43101 when the person has not granted that template).
 */
export function createLocalOpenApi(store: Store, clock: () => number = Date.now) {
  const outbox = 'outbox';
  const grants = 'subscriptions';
  return {
    security: {
      msgSecCheck(params: MsgSecCheckParams) {
        if (params.version !== 2 || typeof params.content !== 'string' || !params.openid || !params.scene) {
          return Promise.reject(new OpenApiError(47001, 'openapi.security.msgSecCheck:fail 47001 data format error'));
        }
        const hits = SEC_KEYWORDS.filter((k) => params.content?.includes(k.word));
        const worst = hits.find((h) => h.suggest === 'risky') ?? hits[0];
        return Promise.resolve({
          errCode: 0,
          errMsg: 'openapi.security.msgSecCheck:ok',
          traceId: randomBytes(8).toString('hex'),
          result: { suggest: worst ? worst.suggest : 'pass', label: worst ? worst.label : 100 },
          detail: hits.map((h) => ({ strategy: 'keyword', errcode: 0, suggest: h.suggest, label: h.label, keyword: h.word })),
        });
      },
    },
    subscribeMessage: {
      send(params: SubscribeSendParams) {
        if (!params.touser || !params.templateId || !params.data) {
          return Promise.reject(new OpenApiError(47003, 'openapi.subscribeMessage.send:fail 47003 argument invalid'));
        }
        const grantId = `${params.touser}|${params.templateId}`;
        const grant = store.get(grants, grantId)?.doc as { remaining?: number } | undefined;
        if (!grant || !grant.remaining || grant.remaining < 1) {
          return Promise.reject(new OpenApiError(43101, 'openapi.subscribeMessage.send:fail 43101 user refuse to accept the msg'));
        }
        store.commitSync([
          { coll: grants, id: grantId, doc: { _id: grantId, remaining: grant.remaining - 1 } },
          {
            coll: outbox,
            id: randomBytes(16).toString('hex'),
            doc: {
              _id: randomBytes(16).toString('hex'),
              touser: params.touser,
              templateId: params.templateId,
              page: params.page ?? null,
              data: params.data,
              sentAt: new Date(clock()),
            },
          },
        ]);
        return Promise.resolve({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok', msgid: Number.parseInt(randomBytes(4).toString('hex'), 16) });
      },
    },
    /** What `wx.requestSubscribeMessage` accepting a one-time template does: one more send allowed. */
    grantSubscription(openid: string, templateId: string): void {
      const grantId = `${openid}|${templateId}`;
      const grant = store.get(grants, grantId)?.doc as { remaining?: number } | undefined;
      store.commitSync([{ coll: grants, id: grantId, doc: { _id: grantId, remaining: (grant?.remaining ?? 0) + 1 } }]);
    },
  };
}

export type LocalOpenApi = ReturnType<typeof createLocalOpenApi>;
