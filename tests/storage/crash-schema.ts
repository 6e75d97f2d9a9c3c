import type { RxJsonSchema } from 'rxdb';

export interface CrashDoc {
  id: string;
  run: number;
  batch: number;
  payload: string;
}

export const crashSchema: RxJsonSchema<CrashDoc> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    run: { type: 'integer', minimum: 0, maximum: 1000, multipleOf: 1 },
    batch: { type: 'integer', minimum: 0, maximum: 100000, multipleOf: 1 },
    payload: { type: 'string' },
  },
  required: ['id', 'run', 'batch', 'payload'],
  indexes: [['run', 'batch']],
};
