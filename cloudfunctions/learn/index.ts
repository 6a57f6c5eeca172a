import { learnContract } from '../../shared/contracts/learn';
import { createFunction } from '../_lib/handler';
import { lessonHandlers } from './lessons';
import { peopleHandlers } from './people';
import { quizHandlers } from './quiz';

export const main = createFunction('learn', learnContract, { ...lessonHandlers, ...quizHandlers, ...peopleHandlers });
