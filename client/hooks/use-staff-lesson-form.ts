import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Input, Output } from '@shared/contracts';
import type { ResultError } from '@shared/result';
import { call } from '../services/cloud';
import { mergeFormProblems } from './form-problems';
import { useStaffAction } from './use-staff-action';
import { articleNumberOf } from './use-staff-question-form';
import { markStaffChanged } from './use-staff-refresh';

type Lesson = Input<'learnAdmin', 'saveLesson'>['lesson'];
type LessonView = Output<'learnAdmin', 'getLesson'>;

/** One quoted article as the form holds it. */
export interface ArticleForm {
  law: string;
  article: string;
  text: string;
  source: string;
}

/** The lesson form: lists as text with one item per line, converted on save. */
export interface LessonForm {
  order: string;
  title: string;
  summary: string;
  /** Paragraphs, one per line (blank lines between them are ignored). */
  body: string;
  articles: ArticleForm[];
  caseTitle: string;
  caseText: string;
  /** 你可以这样做, one per line. */
  actions: string;
  /** 求助电话, one per line: "名称 电话". */
  contacts: string;
  checked: string;
}

export type LessonField = 'order' | 'title' | 'summary' | 'body' | 'articles' | 'case' | 'actions' | 'contacts' | 'checked';

export const LESSON_FIELD_LABELS: Record<LessonField, string> = {
  order: '课次',
  title: '标题',
  summary: '一句话摘要',
  body: '正文',
  articles: '法条',
  case: '案例',
  actions: '你可以这样做',
  contacts: '求助电话',
  checked: '核对说明',
};

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

const ARTICLE_RE = /^第[一二三四五六七八九十百千零]+条/;

function formOf(view: LessonView): LessonForm {
  const l = view.lesson;
  return {
    order: String(l.order),
    title: l.title,
    summary: l.summary,
    body: l.body.join('\n\n'),
    articles: l.articles.map((a) => ({ ...a })),
    caseTitle: l.case.title,
    caseText: l.case.text,
    actions: l.actions.join('\n'),
    contacts: l.contacts.map((c) => `${c.name} ${c.phone}`).join('\n'),
    checked: l.checked,
  };
}

function emptyArticle(lawName: string): ArticleForm {
  return { law: lawName, article: '', text: '', source: '' };
}

/** The form as the contract's lesson, with the problems found on the way. */
function lessonOf(form: LessonForm, id: string, lawId: string): { lesson: Lesson | null; problems: Partial<Record<LessonField, string[]>> } {
  const problems: Partial<Record<LessonField, string[]>> = {};
  const add = (field: LessonField, message: string) => (problems[field] ??= []).push(message);
  const order = /^\d+$/.test(form.order.trim()) ? Number(form.order.trim()) : 0;
  if (order < 1 || order > 999) add('order', '课次填 1 开始的整数');
  const title = form.title.trim();
  if (!title || title.length > 30) add('title', '标题 1–30 个字');
  const summary = form.summary.trim();
  if (!summary || summary.length > 80) add('summary', '摘要 1–80 个字');
  const body = lines(form.body);
  if (body.length === 0) add('body', '请填写正文（每段一行）');
  const articles = form.articles.map((a) => ({ law: a.law.trim(), article: articleNumberOf(a.article), text: a.text.trim(), source: a.source.trim() }));
  if (articles.length === 0) add('articles', '至少引用一条法条');
  articles.forEach((a, i) => {
    const n = `第 ${i + 1} 条引用`;
    if (!a.law) add('articles', `${n}：请填写法律名称`);
    if (!ARTICLE_RE.test(a.article)) add('articles', `${n}：条文号请写成“第X条”`);
    if (a.text.length < 4) add('articles', `${n}：请粘贴法条原文`);
    if (!a.source) add('articles', `${n}：请写明核对出处`);
  });
  const caseTitle = form.caseTitle.trim();
  const caseText = form.caseText.trim();
  if (!caseTitle || !caseText) add('case', '案例的标题和内容都要填写');
  const actions = lines(form.actions);
  if (actions.length === 0) add('actions', '至少写一条（每条一行）');
  const contacts: Array<{ name: string; phone: string }> = [];
  for (const line of lines(form.contacts)) {
    const m = /^(.+?)[\s:：]+([0-9-]{3,20})$/.exec(line);
    if (m?.[1] && m[2]) contacts.push({ name: m[1].trim(), phone: m[2] });
    else add('contacts', `“${line}”应写成“名称 电话”，如：妇女维权热线 12338`);
  }
  const checked = form.checked.trim();
  if (!checked) add('checked', '请写明法条核对的日期和出处');
  if (Object.keys(problems).length > 0) return { lesson: null, problems };
  return {
    lesson: { id, lawId, order, title, summary, body, articles, case: { title: caseTitle, text: caseText }, actions, contacts, checked },
    problems,
  };
}

function fieldOfPath(path: string): LessonField | null {
  const parts = path.split('.');
  if (parts[0] === 'lesson') parts.shift();
  const head = parts[0] ?? '';
  return head in LESSON_FIELD_LABELS ? (head as LessonField) : null;
}

export interface LessonFormState {
  loading: boolean;
  loadError: ResultError | null;
  retryLoad: () => void;
  lawId: string | null;
  lessonId: string | null;
  isNew: boolean;
  form: LessonForm | null;
  update: (patch: Partial<LessonForm>) => void;
  setArticle: (index: number, patch: Partial<ArticleForm>) => void;
  addArticle: () => void;
  removeArticle: (index: number) => void;
  fieldErrors: Partial<Record<LessonField, string[]>>;
  problemList: string[];
  saving: boolean;
  saveError: ResultError | null;
  savedAt: Date | null;
  save: () => void;
}

/** A new lesson's id: the law, then a time stamp, so two staff adding lessons never collide. */
function newLessonId(lawId: string): string {
  return `${lawId}-s${Date.now().toString(36)}`.slice(0, 64);
}

/**
 * The lesson form: an existing lesson (read through learnAdmin.getLesson, not counted as a read) or a new one for a law,
 * checked and saved through learnAdmin.saveLesson.
 */
export function useStaffLessonForm(target: { id?: string; lawId?: string; order?: string; lawName?: string }): LessonFormState {
  const { id: existingId, lawId: newLawId, order: newOrder, lawName } = target;
  const [lessonId, setLessonId] = useState<string | null>(existingId ?? null);
  const [lawId, setLawId] = useState<string | null>(existingId ? null : (newLawId ?? null));
  const [form, setForm] = useState<LessonForm | null>(null);
  const [loading, setLoading] = useState(Boolean(existingId));
  const [loadError, setLoadError] = useState<ResultError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [tried, setTried] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const saver = useStaffAction('learnAdmin', 'saveLesson');

  useEffect(() => {
    if (!existingId) {
      if (!newLawId) setLoadError({ code: 'BAD_REQUEST', message: '没有指定法律，请从课程管理打开' });
      return undefined;
    }
    let live = true;
    setLoading(true);
    setLoadError(null);
    void call('learnAdmin', 'getLesson', { id: existingId }).then((result) => {
      if (!live) return;
      setLoading(false);
      if (!result.ok) {
        setLoadError(result.error);
        return;
      }
      setLawId(result.data.lesson.lawId);
      setForm(formOf(result.data));
    });
    return () => {
      live = false;
    };
  }, [existingId, newLawId, attempt]);

  // A new lesson starts once the law's full name is known: its first article quotes that law.
  useEffect(() => {
    if (existingId || !newLawId || lawName === undefined || form !== null) return;
    setForm({
      order: newOrder ?? '',
      title: '',
      summary: '',
      body: '',
      articles: [emptyArticle(lawName)],
      caseTitle: '',
      caseText: '',
      actions: '',
      contacts: '妇女维权热线 12338',
      checked: '',
    });
  }, [existingId, newLawId, newOrder, lawName, form]);

  const edit = useCallback((change: (f: LessonForm) => LessonForm) => {
    setForm((f) => (f ? change(f) : f));
    setSavedAt(null);
  }, []);
  const update = useCallback((patch: Partial<LessonForm>) => edit((f) => ({ ...f, ...patch })), [edit]);
  const setArticle = useCallback((index: number, patch: Partial<ArticleForm>) => edit((f) => ({ ...f, articles: f.articles.map((a, i) => (i === index ? { ...a, ...patch } : a)) })), [edit]);
  const addArticle = useCallback(() => edit((f) => ({ ...f, articles: [...f.articles, emptyArticle(f.articles[0]?.law ?? lawName ?? '')] })), [edit, lawName]);
  const removeArticle = useCallback((index: number) => edit((f) => ({ ...f, articles: f.articles.filter((_, i) => i !== index) })), [edit]);

  const checkedProblems = useMemo(() => (form && tried && lawId ? lessonOf(form, lessonId ?? 'new', lawId).problems : {}), [form, tried, lawId, lessonId]);
  const { fieldErrors, problemList } = useMemo(
    () => mergeFormProblems<LessonField>(checkedProblems, saver.error?.issues ?? [], LESSON_FIELD_LABELS, fieldOfPath),
    [checkedProblems, saver.error],
  );

  const { run } = saver;
  const save = useCallback(() => {
    if (!form || !lawId) return;
    setTried(true);
    const id = lessonId ?? newLessonId(lawId);
    const { lesson } = lessonOf(form, id, lawId);
    if (!lesson) return;
    void run({ lesson }).then((out) => {
      if (!out) return;
      setLessonId(out.id);
      setSavedAt(new Date());
      markStaffChanged('lessons');
    });
  }, [form, lawId, lessonId, run]);

  const retryLoad = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    loading,
    loadError,
    retryLoad,
    lawId,
    lessonId,
    isNew: !existingId && lessonId === null,
    form,
    update,
    setArticle,
    addArticle,
    removeArticle,
    fieldErrors,
    problemList,
    saving: saver.busy,
    saveError: saver.error,
    savedAt,
    save,
  };
}
