import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as api from './index.js';

describe('wire schemas', () => {
  it('accept exactly one of freight, freightAlias or origin when promoting', () => {
    expect(api.PromoteRequestSchema.safeParse({ freight: 'abc' }).success).toBe(true);
    expect(api.PromoteRequestSchema.safeParse({ origin: 'wh' }).success).toBe(true);
    expect(api.PromoteRequestSchema.safeParse({ freight: 'a', origin: 'b' }).success).toBe(false);
    expect(api.PromoteRequestSchema.safeParse({}).success).toBe(false);
  });

  it('reject an alias that is not a lower-case name', () => {
    expect(api.AliasRequestSchema.safeParse({ alias: 'Lucky Jaguar' }).success).toBe(false);
    expect(api.AliasRequestSchema.safeParse({ alias: 'lucky-jaguar' }).success).toBe(true);
  });

  it('tell ack successes from ack errors', () => {
    const ok = api.LeaveAckSchema.parse({ data: { left: true } });
    const bad = api.LeaveAckSchema.parse({ error: { name: 'ForbiddenError', message: 'no' } });
    expect('data' in ok).toBe(true);
    expect('error' in bad).toBe(true);
  });

  it('default paging to the first 50 items and cap the page size', () => {
    expect(api.PageQuerySchema.parse({})).toEqual({ offset: 0, limit: 50 });
    expect(api.PageQuerySchema.safeParse({ limit: '501' }).success).toBe(false);
  });

  it('all convert to JSON Schema, so the OpenAPI document can be generated from them', () => {
    const schemas: [string, z.ZodType][] = [];
    for (const [name, value] of Object.entries(api)) {
      if (value instanceof z.ZodType) schemas.push([name, value]);
    }
    expect(schemas.length).toBeGreaterThan(40);
    for (const [name, schema] of schemas) {
      expect(() => z.toJSONSchema(schema, { io: 'input' }), name).not.toThrow();
    }
  });
});
