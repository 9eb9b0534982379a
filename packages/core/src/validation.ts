import { z } from 'zod';
import { badInput } from './errors.js';

/**
 * Validates input before any write. The first problem becomes BAD_USER_INPUT
 * naming the field as the client sent it and saying what to fix: under `root`,
 * the mutation's argument that holds the input (`input.email`, `input.roles.1`),
 * or with `root` '' for a mutation whose arguments are the input itself
 * (`question`, `winners.0.submissionId`).
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, root = 'input'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = [...(root ? [root] : []), ...issue.path.map(String)].join('.');
  throw badInput(field, `\`${field}\`: ${issue.message}`);
}

export const text = (label: string, max: number) =>
  z.string().trim().min(1, `${label} must not be empty`).max(max, `${label} must be at most ${max} characters`);

export const optionalText = (label: string, max: number) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters`);

export const slug = z
  .string()
  .min(2, 'a slug must have at least 2 characters')
  .max(64, 'a slug must be at most 64 characters')
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'use lowercase letters, digits and single hyphens, e.g. "digital-government-bureau"',
  );

export const email = z
  .string()
  .trim()
  .max(254, 'an email address must be at most 254 characters')
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an email address such as "name@agency.go.kr"')
  .transform((value) => value.toLowerCase());

export const futureDate = (label: string) =>
  z
    .string()
    .refine(
      (value) => !Number.isNaN(Date.parse(value)),
      `${label} must be an ISO-8601 date-time such as "2027-01-31T00:00:00Z"`,
    )
    .transform((value) => new Date(value).toISOString())
    .refine((value) => Date.parse(value) > Date.now(), `${label} must be in the future`);
