import type { accountContract } from '../../shared/contracts/account';
import { neutralStatus } from '../../shared/domain/help';
import { STATE_LABELS } from '../../shared/domain/suggestion-status';
import { AppError } from '../../shared/result';
import { chinaWall } from '../../shared/time';
import { _, db } from '../_lib/cloud';
import { eraseNotices, erasure, type CaseDoc } from '../_lib/cases';
import { COLL } from '../_lib/collections';
import { getById, list, removeWhere, updateWhere } from '../_lib/db-helpers';
import { exportWorkbook } from '../_lib/export';
import type { CallContext, Handlers } from '../_lib/handler';
import { placeName, townsById } from '../_lib/regions';
import { requesterKey } from '../_lib/lookup';

type A = Handlers<typeof accountContract>;

/** What a deleted author's public suggestions are shown as. */
export const ANONYMOUS_AUTHOR = '匿名居民';

const stamp = (d: Date) => chinaWall(d).format('YYYY-MM-DD HH:mm');
const count = async (coll: string, where: Record<string, unknown>) => (await (db.collection(coll).where(where).count() as Promise<{ total: number }>)).total;

interface ProgressLike {
  points: number;
  attempts: number;
  history: Array<{ title: string; score: number; correct: number; total: number; at: Date }>;
}

/** Her documents, by area: found by her OPENID, or (help requests and their notices) by the keyed hash of it. */
const mine = (ctx: CallContext) => {
  const requester = requesterKey(ctx.openid);
  return { openid: ctx.openid, requester, inbox: _.in([ctx.openid, requester]) };
};

export const rightsHandlers: Pick<A, 'myData' | 'exportMyData' | 'deleteAccount'> = {
  async myData(_input, ctx) {
    const who = mine(ctx);
    const [me, progress, attempts, mistakes, suggestions, inbox, cases] = await Promise.all([
      ctx.profile(),
      getById<ProgressLike>(COLL.progress, ctx.openid),
      count(COLL.attempts, { openid: who.openid }),
      count(COLL.mistakes, { openid: who.openid, active: true }),
      count(COLL.suggestions, { author: who.openid }),
      count(COLL.inbox, { openid: who.inbox }),
      count(COLL.cases, { requester: who.requester }),
    ]);
    const place = me.town ? placeName(await townsById(ctx.now), me.town, me.village) : '没有选择';
    return {
      canDelete: me.role === 'user',
      areas: [
        { key: 'profile', title: '基本信息', count: 1, kept: `您的微信给本小程序的身份编号（不是微信号）、所在地（${place}）、开始使用的时间。不收集姓名、手机号、位置。` },
        { key: 'learning', title: '学习和答题', count: attempts, kept: `答题记录 ${attempts} 次、积分 ${progress?.points ?? 0}、错题本 ${mistakes} 道。用于显示您的学习记录、错题本和排行榜（只有您选择参加排行时才显示您的名字）。` },
        { key: 'hall', title: '议事厅的建议', count: suggestions, kept: `您提的建议 ${suggestions} 条。公开的建议所有人可见，选择匿名时不显示您的名字。` },
        { key: 'inbox', title: '我的消息', count: inbox, kept: `站内消息 ${inbox} 条（建议的答复、办理进度等）。` },
        { key: 'help', title: '服务记录', count: cases, kept: `登记过的服务事项 ${cases} 件。情况说明和联系方式加密保存，只有负责的工作人员能看；办结后 180 天删除个人信息。` },
      ],
    };
  },

  async exportMyData(_input, ctx) {
    const who = mine(ctx);
    const [me, progress, mistakes, suggestions, inbox, cases] = await Promise.all([
      ctx.profile(),
      getById<ProgressLike>(COLL.progress, ctx.openid),
      list<{ lawId: string; questionId: string; wrongCount?: number }>(db.collection(COLL.mistakes).where({ openid: who.openid, active: true }).orderBy('lawId', 'asc').limit(100)),
      list<{ title: string; content: string; status: keyof typeof STATE_LABELS; anonymous: boolean; createdAt: Date; reply: { text: string } | null }>(db.collection(COLL.suggestions).where({ author: who.openid }).orderBy('createdAt', 'desc').limit(100)),
      list<{ title: string; body: string; createdAt: Date }>(db.collection(COLL.inbox).where({ openid: who.inbox }).orderBy('createdAt', 'desc').limit(100)),
      list<CaseDoc>(db.collection(COLL.cases).where({ requester: who.requester }).orderBy('createdAt', 'desc').limit(100)),
    ]);
    const towns = await townsById(ctx.now);
    return exportWorkbook(`巾帼法治通_我的信息_${stamp(ctx.now).slice(0, 10)}.xlsx`, [
      { name: '基本信息', rows: [['项目', '内容'], ['所在地', me.town ? placeName(towns, me.town, me.village) : '没有选择'], ['开始使用', stamp(me.createdAt)], ['积分', progress?.points ?? 0], ['答题次数', progress?.attempts ?? 0]] },
      { name: '学习记录', rows: [['时间', '内容', '得分', '答对', '题数'], ...(progress?.history ?? []).map((h) => [stamp(h.at), h.title, h.score, h.correct, h.total])] },
      { name: '错题本', rows: [['法律', '题目编号'], ...mistakes.map((m) => [m.lawId, m.questionId])] },
      { name: '我的建议', rows: [['时间', '标题', '内容', '匿名', '状态', '答复'], ...suggestions.map((s) => [stamp(s.createdAt), s.title, s.content, s.anonymous ? '是' : '否', STATE_LABELS[s.status], s.reply?.text ?? ''])] },
      { name: '我的消息', rows: [['时间', '标题', '内容'], ...inbox.map((m) => [stamp(m.createdAt), m.title, m.body])] },
      // Neutral words only, as on her pages: the file may end up on a shared phone.
      { name: '服务记录', rows: [['登记时间', '服务编号', '进度'], ...cases.map((c) => [stamp(c.createdAt), c.reference, neutralStatus(c.status, c.withdrawn)])] },
    ], ctx.now);
  },

  async deleteAccount(_input, ctx) {
    const me = await ctx.profile();
    if (me.role !== 'user') throw new AppError('FORBIDDEN', '工作人员账号请联系管理员停用');
    const who = mine(ctx);
    // Her help requests first: open ones close as withdrawn, and every one loses its personal details now.
    const cases = await list<CaseDoc>(db.collection(COLL.cases).where({ requester: who.requester }).limit(100));
    let purged = 0;
    for (const c of cases) {
      const close = c.status === 'closed' ? {} : { status: 'closed', withdrawn: true, outcome: '求助人撤回', closedAt: ctx.now, updatedAt: ctx.now };
      purged += await updateWhere(COLL.cases, { _id: c._id }, { ...close, ...erasure(c, ctx.now) });
      await eraseNotices(c._id);
    }
    // Her public suggestions stay, with nothing that leads back to her.
    const anonymized = await updateWhere(COLL.suggestions, { author: who.openid }, { author: '', anonymous: true, authorName: ANONYMOUS_AUTHOR });
    const removed = (
      await Promise.all([
        removeWhere(COLL.attempts, { openid: who.openid }),
        removeWhere(COLL.mistakes, { openid: who.openid }),
        removeWhere(COLL.inbox, { openid: who.inbox }),
        removeWhere(COLL.progress, { _id: who.openid }),
        removeWhere(COLL.users, { _id: who.openid }),
      ])
    ).reduce((a, b) => a + b, 0);
    return { removed, anonymized, purged };
  },
};

