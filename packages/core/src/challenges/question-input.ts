import { z } from 'zod';
import { text } from '../validation.js';

/** `askQuestion`'s argument besides the challenge: what the schema declares and the question service validates. */
export const askInput = z.object({ question: text('a question', 5000) });

/** `answerQuestion`'s argument besides the question. */
export const answerInput = z.object({ answer: text('an answer', 10_000) });
