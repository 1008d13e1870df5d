// A lab (实训) as an instructor writes it: a JSON file in data/labs/. Strict objects, so a
// misspelt key ("feild") is an error `lab check` names, not a condition silently ignored.
// What the fields and values mean is checked against the entity schemas by check.ts.
import { z } from 'zod';
import { ENTITY_NAMES } from '../entities.js';

export const LAB_TAGS = ['normal', 'urgent', 'violation', 'error'] as const;
/** a lab's id is a folder name and part of a submission's file name: nothing a path could abuse */
export const LAB_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export const Bilingual = z.strictObject({ zh: z.string().min(1).max(4000), en: z.string().min(1).max(4000) });
export type Bilingual = z.infer<typeof Bilingual>;

const Scalar = z.union([z.string().max(400), z.number(), z.boolean()]);
const Ordered = z.union([z.string().max(40), z.number()]);

/** One condition on one field: exactly one operator. `some` looks into a field that holds a
 *  list (a customer's stage history, a ticket's steps or recovery measures). */
export interface Condition {
  field: string;
  eq?: string | number | boolean;
  ne?: string | number | boolean;
  in?: (string | number | boolean)[];
  contains?: string;
  gte?: string | number;
  lte?: string | number;
  exists?: boolean;
  some?: Condition[];
}
export const OPERATORS = ['eq', 'ne', 'in', 'contains', 'gte', 'lte', 'exists', 'some'] as const;

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z
    .strictObject({
      field: z.string().min(1).max(80),
      eq: Scalar.optional(),
      ne: Scalar.optional(),
      in: z.array(Scalar).min(1).max(100).optional(),
      contains: z.string().min(1).max(400).optional(),
      gte: Ordered.optional(),
      lte: Ordered.optional(),
      exists: z.boolean().optional(),
      some: z.array(Condition).min(1).max(20).optional(),
    })
    .refine((c) => OPERATORS.filter((op) => c[op] !== undefined).length === 1, { message: 'oneOperator' }),
);

export const Count = z
  .strictObject({
    atLeast: z.number().int().min(0).max(100000).optional(),
    atMost: z.number().int().min(0).max(100000).optional(),
    exactly: z.number().int().min(0).max(100000).optional(),
  })
  .refine((c) => c.exactly === undefined || (c.atLeast === undefined && c.atMost === undefined), { message: 'exactlyAlone' });
export type Count = z.infer<typeof Count>;

/** Records of `entity` whose reference `via` names the record being checked (a customer's
 *  contacts: entity contacts, via customerId), meeting `where`, as many as `count` says. */
export interface Has {
  entity: (typeof ENTITY_NAMES)[number];
  via: string;
  where?: Condition[];
  has?: Has[];
  count?: Count;
}
export const Has: z.ZodType<Has> = z.lazy(() =>
  z.strictObject({
    entity: z.enum(ENTITY_NAMES),
    via: z.string().min(1).max(80),
    where: z.array(Condition).max(30).optional(),
    has: z.array(Has).max(10).optional(),
    count: Count.optional(),
  }),
);

/** A task's check: records of `entity` meeting every condition of `where` and every `has`;
 *  `count` says how many are needed (default at least one); `every` must then hold for each of them. */
export const Check = z.strictObject({
  entity: z.enum(ENTITY_NAMES),
  where: z.array(Condition).max(30).optional(),
  has: z.array(Has).max(10).optional(),
  count: Count.optional(),
  every: z.array(Condition).min(1).max(30).optional(),
});
export type Check = z.infer<typeof Check>;

export const LabTask = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,20}$/),
  description: Bilingual,
  points: z.number().positive().max(1000),
  check: Check,
});
export type LabTask = z.infer<typeof LabTask>;

/** The workspace a student starts from: the demo hotel (dated today) or an empty one, with
 *  records added (as `add ENTITY` takes them: codes or labels, references by id or name) and
 *  records removed by id. */
export const LabStart = z.strictObject({
  base: z.enum(['demo', 'empty']).default('demo'),
  add: z.partialRecord(z.enum(ENTITY_NAMES), z.array(z.record(z.string(), z.unknown())).max(500)).optional(),
  remove: z.partialRecord(z.enum(ENTITY_NAMES), z.array(z.string().min(1).max(40)).max(500)).optional(),
});
export type LabStart = z.infer<typeof LabStart>;

export const Lab = z
  .strictObject({
    id: z.string().regex(LAB_ID),
    chapter: z.number().int().min(1).max(30),
    tags: z.array(z.enum(LAB_TAGS)).max(4).default([]),
    title: Bilingual,
    scenario: Bilingual,
    start: LabStart.default({ base: 'demo' }),
    tasks: z.array(LabTask).min(1).max(50),
  })
  .refine((l) => new Set(l.tasks.map((t) => t.id)).size === l.tasks.length, { message: 'duplicateTask', path: ['tasks'] });
export type Lab = z.infer<typeof Lab>;

export const totalPoints = (lab: Lab): number => lab.tasks.reduce((a, t) => a + t.points, 0);
