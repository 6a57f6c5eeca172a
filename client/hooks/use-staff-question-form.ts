import { useCallback, useEffect, useMemo, useState } from 'react';
import type { QuestionDraft } from '@shared/contracts/learn-admin';
import type { QuestionType } from '@shared/domain/quiz';
import type { Result, ResultError } from '@shared/result';
import { call } from '../services/cloud';
import type { LawSummary } from './use-laws';
import { mergeFormProblems } from './form-problems';
import { useStaffAction } from './use-staff-action';
import { markStaffChanged } from './use-staff-refresh';
import { rememberQuestion, rememberedQuestion, type AdminQuestion } from './use-staff-questions';

/** Letters of the options a choice question may have. */
export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E'] as const;
export type OptionKey = (typeof OPTION_KEYS)[number];

/** The fixed options of a true/false question. */
export const JUDGE_OPTIONS = [
  { key: 'T', text: '正确' },
  { key: 'F', text: '错误' },
] as const;

/** The question form as staff fill it in: every field as text, converted on save. */
export interface QuestionForm {
  lawId: string;
  type: QuestionType;
  stem: string;
  options: Record<OptionKey, string>;
  answer: string[];
  explanation: string;
  articleLaw: string;
  articleNo: string;
  articleText: string;
  articleSource: string;
  difficulty: number;
}

/** The fields of the form, named as the server's issue paths name them. */
export type QuestionField = 'lawId' | 'type' | 'stem' | 'options' | 'answer' | 'explanation' | 'article.law' | 'article.article' | 'article.text' | 'article.source' | 'difficulty';

/** What each field is called on the page (for the list of problems). */
export const QUESTION_FIELD_LABELS: Record<QuestionField, string> = {
  lawId: '所属法律',
  type: '题型',
  stem: '题干',
  options: '选项',
  answer: '答案',
  explanation: '解析',
  'article.law': '法条所属法律',
  'article.article': '条文号',
  'article.text': '法条原文',
  'article.source': '核对来源',
  difficulty: '难度',
};

const EMPTY_OPTIONS: Record<OptionKey, string> = { A: '', B: '', C: '', D: '', E: '' };

function emptyForm(lawId: string, lawName: string): QuestionForm {
  return {
    lawId,
    type: 'single',
    stem: '',
    options: { ...EMPTY_OPTIONS },
    answer: [],
    explanation: '',
    articleLaw: lawName,
    articleNo: '',
    articleText: '',
    articleSource: '',
    difficulty: 1,
  };
}

function formOf(q: AdminQuestion): QuestionForm {
  const options = { ...EMPTY_OPTIONS };
  if (q.type !== 'judge') for (const o of q.options) if ((OPTION_KEYS as readonly string[]).includes(o.key)) options[o.key as OptionKey] = o.text;
  return {
    lawId: q.lawId,
    type: q.type,
    stem: q.stem,
    options,
    answer: [...q.answer],
    explanation: q.explanation,
    articleLaw: q.article.law,
    articleNo: q.article.article,
    articleText: q.article.text,
    articleSource: q.article.source,
    difficulty: q.difficulty,
  };
}

const DIGITS = '零一二三四五六七八九';
const digit = (n: number): string => DIGITS[n] ?? '';

/** 1–9999 in Chinese numerals as statutes number their articles (23 → 二十三, 1079 → 一千零七十九). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) return String(n);
  if (n < 10) return digit(n);
  if (n < 20) return `十${n % 10 ? digit(n % 10) : ''}`;
  if (n < 100) return `${digit(Math.floor(n / 10))}十${n % 10 ? digit(n % 10) : ''}`;
  const tail = (rest: number, unit: number): string => {
    if (rest === 0) return '';
    if (rest < unit / 10) return `零${rest < 20 && rest >= 10 ? '一' : ''}${chineseNumeral(rest)}`;
    return `${rest < 20 ? '一' : ''}${chineseNumeral(rest)}`;
  };
  if (n < 1000) return `${digit(Math.floor(n / 100))}百${tail(n % 100, 100)}`;
  return `${digit(Math.floor(n / 1000))}千${tail(n % 1000, 1000)}`;
}

/** "23" or "第23条第二款" → "第二十三条…": staff may type the number in digits. */
export function articleNumberOf(raw: string): string {
  const text = raw.trim();
  const m = /^第?\s*(\d{1,4})\s*条?(.*)$/.exec(text);
  if (!m) return text;
  return `第${chineseNumeral(Number(m[1]))}条${m[2] ?? ''}`;
}

const ARTICLE_RE = /^第[一二三四五六七八九十百千零]+条/;

/** The options a form sends: fixed for true/false, the filled letters otherwise. */
function optionsOf(form: QuestionForm): Array<{ key: string; text: string }> {
  if (form.type === 'judge') return JUDGE_OPTIONS.map((o) => ({ ...o }));
  return OPTION_KEYS.map((key) => ({ key, text: form.options[key].trim() })).filter((o) => o.text !== '');
}

/** The client's own checks (the same rules the server applies), per field, in Chinese. */
export function questionFormProblems(form: QuestionForm): Partial<Record<QuestionField, string[]>> {
  const out: Partial<Record<QuestionField, string[]>> = {};
  const add = (field: QuestionField, message: string) => (out[field] ??= []).push(message);
  if (!form.lawId) add('lawId', '请选择所属法律');
  const stem = form.stem.trim();
  if (stem.length < 4) add('stem', '题干至少 4 个字');
  if (stem.length > 300) add('stem', '题干不超过 300 字');
  const options = optionsOf(form);
  if (form.type !== 'judge') {
    const filled = options.map((o) => o.key).join('');
    if (options.length < 3) add('options', '选择题至少需要三个选项');
    if (!'ABCDE'.startsWith(filled)) add('options', '选项请从 A 开始连续填写');
    if (options.some((o) => o.text.length > 200)) add('options', '每个选项不超过 200 字');
  }
  const keys = options.map((o) => o.key);
  if (form.answer.length === 0) add('answer', '请选择正确答案');
  else if (form.type !== 'multiple' && form.answer.length !== 1) add('answer', '只能有一个正确答案');
  else if (form.type === 'multiple' && form.answer.length < 2) add('answer', '多选题至少有两个正确答案');
  for (const a of form.answer) if (!keys.includes(a)) add('answer', `答案 ${a} 的选项还没有填写`);
  const explanation = form.explanation.trim();
  if (explanation.length < 4) add('explanation', '解析至少 4 个字');
  if (explanation.length > 600) add('explanation', '解析不超过 600 字');
  if (!form.articleLaw.trim()) add('article.law', '请填写法条所属的法律名称');
  if (!ARTICLE_RE.test(articleNumberOf(form.articleNo))) add('article.article', '请写成“第X条”，如 第二十三条（也可只填数字 23）');
  if (form.articleText.trim().length < 4) add('article.text', '请粘贴现行法条原文');
  if (!form.articleSource.trim()) add('article.source', '请写明核对原文所用的出处');
  if (![1, 2, 3].includes(form.difficulty)) add('difficulty', '请选择难度');
  return out;
}

/** The question's check note and article as loaded: the note stays only while the article does. */
interface Provenance {
  lessonId?: string;
  checked?: string;
  article?: QuestionDraft['article'];
}

function draftOf(form: QuestionForm, id: string | null, from: Provenance): QuestionDraft {
  const article = { law: form.articleLaw.trim(), article: articleNumberOf(form.articleNo), text: form.articleText.trim(), source: form.articleSource.trim() };
  const sameArticle = from.article !== undefined && JSON.stringify(from.article) === JSON.stringify(article);
  return {
    ...(id ? { id } : {}),
    lawId: form.lawId,
    type: form.type,
    stem: form.stem.trim(),
    options: optionsOf(form),
    answer: [...form.answer].sort(),
    explanation: form.explanation.trim(),
    article,
    ...(from.lessonId ? { lessonId: from.lessonId } : {}),
    difficulty: form.difficulty,
    // An edited article must be checked again: without a note the server records a staff entry.
    ...(sameArticle && from.checked ? { checked: from.checked } : {}),
  };
}

/** Which form field a server issue path ("question.options.2.text") belongs to. */
function fieldOfPath(path: string): QuestionField | null {
  const parts = path.split('.');
  if (parts[0] === 'question') parts.shift();
  const [head, sub] = parts;
  if (head === 'article') return sub && ['law', 'article', 'text', 'source'].includes(sub) ? (`article.${sub}` as QuestionField) : 'article.text';
  if (head && head in QUESTION_FIELD_LABELS) return head as QuestionField;
  return null;
}

const FIND_PAGE_SIZE = 50;
const FIND_MAX_PAGES = 40;

/**
 * One question by id. The bank's search matches stems only, so this pages through the list (of
 * the law when known; bank ids are ordered) until it finds it.
 */
async function findQuestion(id: string, lawId: string | undefined): Promise<Result<AdminQuestion | null>> {
  for (let page = 1; page <= FIND_MAX_PAGES; page += 1) {
    const result = await call('learnAdmin', 'listQuestions', { ...(lawId ? { lawId } : {}), page, pageSize: FIND_PAGE_SIZE });
    if (!result.ok) return result;
    const hit = result.data.items.find((q) => q.id === id);
    if (hit) return { ok: true, data: hit };
    if (page * FIND_PAGE_SIZE >= result.data.total) break;
  }
  return { ok: true, data: null };
}

export interface QuestionFormState {
  /** Loading the question to edit (never for a new one). */
  loading: boolean;
  loadError: ResultError | null;
  retryLoad: () => void;
  /** The question's id once it exists (after the first save of a new one). */
  id: string | null;
  /** Status and origin of the question being edited; null for a new one. */
  meta: Pick<AdminQuestion, 'status' | 'origin' | 'updatedAt' | 'removedAt' | 'removedBy'> | null;
  form: QuestionForm | null;
  update: (patch: Partial<QuestionForm>) => void;
  setType: (type: QuestionType) => void;
  setLaw: (lawId: string) => void;
  setOption: (key: OptionKey, text: string) => void;
  toggleAnswer: (key: string) => void;
  /** Problems per field: the client's checks after a save was tried, and the server's issues. */
  fieldErrors: Partial<Record<QuestionField, string[]>>;
  /** The same problems as one list, each with its field's name. */
  problemList: string[];
  saving: boolean;
  saveError: ResultError | null;
  /** When the form was last saved; cleared by the next edit. */
  savedAt: Date | null;
  save: () => void;
}

/** The question form: loads the question (or starts a new one), checks it, saves it. */
export function useStaffQuestionForm(questionId: string | undefined, laws: readonly LawSummary[] | null, lawHint?: string): QuestionFormState {
  const [id, setId] = useState<string | null>(questionId ?? null);
  const [form, setForm] = useState<QuestionForm | null>(null);
  const [meta, setMeta] = useState<QuestionFormState['meta']>(null);
  const [provenance, setProvenance] = useState<Provenance>({});
  const [loading, setLoading] = useState(Boolean(questionId));
  const [loadError, setLoadError] = useState<ResultError | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [tried, setTried] = useState(false);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const saver = useStaffAction('learnAdmin', 'saveQuestion');

  const lawName = useCallback((lawId: string) => laws?.find((l) => l.id === lawId)?.name ?? '', [laws]);

  useEffect(() => {
    let live = true;
    const take = (q: AdminQuestion) => {
      setForm(formOf(q));
      setMeta({ status: q.status, origin: q.origin, updatedAt: q.updatedAt, removedAt: q.removedAt, removedBy: q.removedBy });
      setProvenance({ lessonId: q.lessonId, checked: q.checked, article: q.article });
      setLoading(false);
    };
    if (!questionId) {
      setLoading(false);
      return undefined;
    }
    const known = rememberedQuestion(questionId);
    if (known) {
      take(known);
      return undefined;
    }
    // Opened by address (say, from a 纠错 report): look for it page by page, within its law if known.
    setLoading(true);
    setLoadError(null);
    void findQuestion(questionId, lawHint).then((result) => {
      if (!live) return;
      if (!result.ok) {
        setLoading(false);
        setLoadError(result.error);
      } else if (result.data) {
        rememberQuestion(result.data);
        take(result.data);
      } else {
        setLoading(false);
        setLoadError({ code: 'NOT_FOUND', message: '没有找到这道题，请从题库列表打开' });
      }
    });
    return () => {
      live = false;
    };
  }, [questionId, lawHint, attempt]);

  // A new question starts once the laws are known, on the law the list was filtered by.
  useEffect(() => {
    if (questionId || form !== null || laws === null) return;
    const lawId = lawHint && laws.some((l) => l.id === lawHint) ? lawHint : '';
    setForm(emptyForm(lawId, lawName(lawId)));
  }, [questionId, form, laws, lawHint, lawName]);

  const edit = useCallback((change: (f: QuestionForm) => QuestionForm) => {
    setForm((f) => (f ? change(f) : f));
    setSavedAt(null);
  }, []);
  const update = useCallback((patch: Partial<QuestionForm>) => edit((f) => ({ ...f, ...patch })), [edit]);
  const setType = useCallback(
    (type: QuestionType) =>
      edit((f) => {
        if (f.type === type) return f;
        // Answers carry over only where they still make sense.
        const fromJudge = f.type === 'judge' || type === 'judge';
        const answer = fromJudge ? [] : type === 'single' ? f.answer.slice(0, 1) : f.answer;
        return { ...f, type, answer };
      }),
    [edit],
  );
  const setLaw = useCallback(
    (lawId: string) =>
      edit((f) => {
        const previous = lawName(f.lawId);
        const articleLaw = f.articleLaw.trim() === '' || f.articleLaw === previous ? lawName(lawId) : f.articleLaw;
        return { ...f, lawId, articleLaw };
      }),
    [edit, lawName],
  );
  const setOption = useCallback((key: OptionKey, text: string) => edit((f) => ({ ...f, options: { ...f.options, [key]: text } })), [edit]);
  const toggleAnswer = useCallback(
    (key: string) =>
      edit((f) => {
        if (f.type !== 'multiple') return { ...f, answer: [key] };
        const answer = f.answer.includes(key) ? f.answer.filter((k) => k !== key) : [...f.answer, key].sort();
        return { ...f, answer };
      }),
    [edit],
  );

  const clientProblems = useMemo(() => (form && tried ? questionFormProblems(form) : {}), [form, tried]);
  const { fieldErrors, problemList } = useMemo(
    () => mergeFormProblems<QuestionField>(clientProblems, saver.error?.issues ?? [], QUESTION_FIELD_LABELS, fieldOfPath),
    [clientProblems, saver.error],
  );

  const { run } = saver;
  const save = useCallback(() => {
    if (!form) return;
    setTried(true);
    const normalized = { ...form, articleNo: articleNumberOf(form.articleNo) };
    if (normalized.articleNo !== form.articleNo) setForm(normalized);
    if (Object.keys(questionFormProblems(normalized)).length > 0) return;
    const draft = draftOf(normalized, id, provenance);
    void run({ question: draft }).then((out) => {
      if (!out) return;
      setId(out.id);
      setSavedAt(new Date());
      const saved: AdminQuestion = {
        ...draft,
        id: out.id,
        checked: draft.checked ?? '',
        status: meta?.status ?? 'active',
        origin: meta?.origin ?? 'staff',
        updatedAt: new Date().toISOString(),
        removedAt: meta?.removedAt ?? null,
        removedBy: meta?.removedBy ?? null,
      };
      rememberQuestion(saved);
      setProvenance({ lessonId: draft.lessonId, checked: draft.checked, article: draft.article });
      setMeta({ status: saved.status, origin: saved.origin, updatedAt: saved.updatedAt, removedAt: saved.removedAt, removedBy: saved.removedBy });
      markStaffChanged('questions');
    });
  }, [form, id, provenance, meta, run]);

  const retryLoad = useCallback(() => setAttempt((n) => n + 1), []);
  return {
    loading,
    loadError,
    retryLoad,
    id,
    meta,
    form,
    update,
    setType,
    setLaw,
    setOption,
    toggleAnswer,
    fieldErrors,
    problemList,
    saving: saver.busy,
    saveError: saver.error,
    savedAt,
    save,
  };
}
