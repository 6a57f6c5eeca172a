import { randomBytes } from 'node:crypto';
import type { Store } from '../store/types';
import { SEC_KEYWORDS } from './keywords';
import { subscribeDataError } from './subscribe-rules';
import { appPages, checkGetUnlimited, qrPng, type GetUnlimitedParams, type WxacodeRequest } from './wxacode';

/** The SDK's words for the codes it knows (wx-server-sdk's ERR_CODE table), used in `message`. */
const SDK_CODE_TEXT: Record<number, string> = { [-604101]: 'function has no permission to call this API' };

/**
 * The error the real SDK (4.0.2, its CloudSDKError) throws for a failed open-API call: `errCode`,
 * `errMsg`, and a `message` of the form "errCode: N text | errMsg: ...".
 */
export class OpenApiError extends Error {
  constructor(
    readonly errCode: number,
    readonly errMsg: string,
  ) {
    super(`errCode: ${errCode} ${SDK_CODE_TEXT[errCode] ?? ''} | errMsg: ${errMsg}`);
  }
}

/** The cloud function making an open-API call, and the APIs its config.json declares. */
export interface OpenApiCaller {
  name: string;
  /** `permissions.openapi` of the function's config.json. */
  openapi: readonly string[];
}

/** Like WeChat's request ids ("rid: 676d614b-19a23fcf-18023ffa"), for errmsg texts. */
const rid = () => `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;

/** A failure as WeChat answers it, surfaced as the SDK does: "openapi.<api>:fail <errmsg>". */
const wxFailure = (api: string, errcode: number, errmsg: string) => new OpenApiError(errcode, `openapi.${api}:fail ${errmsg} rid: ${rid()}`);

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
 * `security.msgSecCheck` (v2 result from a keyword list), `subscribeMessage.send` (into the
 * outbox collection; 43101 when the person has not granted that template, 47003 for a value that
 * breaks WeChat's rules) and `wxacode.getUnlimited` (a real PNG; 40169/40129 for a bad scene, 41030
 * for a page the published release does not have). As on CloudBase, a function may call only the APIs its config.json
 * declares in `permissions.openapi`; any other call fails with -604101
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/openapi/openapi.html), and so
 * does a call made outside any function.
 */
export function createLocalOpenApi(store: Store, clock: () => number = Date.now, caller: () => OpenApiCaller | undefined = () => undefined) {
  const outbox = 'outbox';
  const grants = 'subscriptions';
  /** The pages of the published release (getUnlimited's check_path): the app's, unless a test says otherwise. */
  let published: readonly string[] | null = null;
  /** The getUnlimited requests answered with an image, the latest last (a few kept). */
  const wxacodes: WxacodeRequest[] = [];
  /** The refusal of an API the calling function has not declared, as the SDK surfaces it. */
  const undeclared = (api: string): OpenApiError | null => {
    const fn = caller();
    if (fn && fn.openapi.includes(api)) return null;
    return new OpenApiError(-604101, 'system error: error code: -604101');
  };
  return {
    security: {
      msgSecCheck(params: MsgSecCheckParams) {
        const refused = undeclared('security.msgSecCheck');
        if (refused) return Promise.reject(refused);
        if (params.version !== 2 || typeof params.content !== 'string' || !params.openid || !params.scene) {
          return Promise.reject(wxFailure('security.msgSecCheck', 47001, 'data format error'));
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
        const api = 'subscribeMessage.send';
        const refused = undeclared(api);
        if (refused) return Promise.reject(refused);
        // errcodes of https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
        if (!params.touser) return Promise.reject(wxFailure(api, 40003, 'invalid openid'));
        if (!params.templateId) return Promise.reject(wxFailure(api, 40037, 'invalid template_id'));
        const invalid = subscribeDataError(params.data ?? {});
        if (invalid) return Promise.reject(wxFailure(api, 47003, invalid));
        const grantId = `${params.touser}|${params.templateId}`;
        const grant = store.get(grants, grantId)?.doc as { remaining?: number } | undefined;
        if (!grant || !grant.remaining || grant.remaining < 1) {
          return Promise.reject(wxFailure(api, 43101, 'user refuse to accept the msg'));
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
    wxacode: {
      getUnlimited(params: GetUnlimitedParams) {
        const api = 'wxacode.getUnlimited';
        const refused = undeclared(api);
        if (refused) return Promise.reject(refused);
        published ??= appPages();
        const checked = checkGetUnlimited(params ?? {}, published);
        if ('refused' in checked) return Promise.reject(wxFailure(api, ...checked.refused));
        const { request } = checked;
        wxacodes.push(request);
        if (wxacodes.length > 20) wxacodes.shift();
        // What the SDK answers for an image (its "buffer response"): contentType and the bytes.
        return Promise.resolve({ contentType: 'image/png', buffer: qrPng(`${request.page}?scene=${request.scene}`, request.width), errMsg: `openapi.${api}:ok`, errCode: 0 });
      },
    },
    /** The getUnlimited requests that made an image, the latest last. */
    wxacodeRequests(): readonly WxacodeRequest[] {
      return [...wxacodes];
    },
    /** Sets the pages of the published release (`null`: every page of the app), e.g. a release without a new page. */
    publishPages(pages: readonly string[] | null): void {
      published = pages;
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
