import { Text, View } from '@tarojs/components';
import type { Article } from '@shared/contracts/content';
import type { QuizQuestion } from '@shared/contracts/quiz';
import { optionLetter } from '../../components/quiz-format';
import './graded.scss';

/** What an option was in this answer, in words (the colour only repeats it). */
function optionMark(isAnswer: boolean, isChosen: boolean): string {
  if (isAnswer && isChosen) return '✓ 你选的，正确';
  if (isAnswer) return '✓ 正确答案';
  if (isChosen) return '✗ 你选的，错误';
  return '';
}

/** 答对了 / 答错了, in words and colour. */
export function Verdict({ correct }: { correct: boolean }) {
  return correct ? (
    <Text className='verdict verdict--right' data-testid='result-item-correct'>
      ✓ 答对了
    </Text>
  ) : (
    <Text className='verdict verdict--wrong' data-testid='result-item-wrong'>
      ✗ 答错了
    </Text>
  );
}

/** The options of a graded question, each marked: the right answer, and what she chose. */
export function GradedOptions({ options, answer, chosen }: { options: QuizQuestion['options']; answer: readonly string[]; chosen: readonly string[] }) {
  return (
    <View className='graded-options'>
      {options.map((option, i) => {
        const isAnswer = answer.includes(option.key);
        const isChosen = chosen.includes(option.key);
        const mark = optionMark(isAnswer, isChosen);
        return (
          <View
            key={option.key}
            className={`graded-option${isAnswer ? ' graded-option--answer' : ''}${isChosen && !isAnswer ? ' graded-option--wrong' : ''}`}
            data-testid={`result-option-${option.key}`}
          >
            <Text className='graded-option__letter'>{optionLetter(i)}</Text>
            <View className='graded-option__body'>
              <Text className='graded-option__text'>{option.text}</Text>
              {mark && <Text className='graded-option__mark'>{mark}</Text>}
            </View>
          </View>
        );
      })}
    </View>
  );
}

/** 解析 and the article the question rests on, quoted. */
export function Explanation({ explanation, article }: { explanation: string; article: Article }) {
  return (
    <View data-testid='explanation'>
      <Text className='explain__title'>解析</Text>
      <Text className='explain__text'>{explanation}</Text>
      <View className='article' data-testid='article-block'>
        <Text className='article__cite'>
          《{article.law}》{article.article}
        </Text>
        <Text className='article__text'>{article.text}</Text>
      </View>
    </View>
  );
}
