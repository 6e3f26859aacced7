import { ApiErrorSchema } from '@wharf/shared/api';
import { ClusterStatusSchema } from '@wharf/shared';
import { z } from 'zod';
import type { RouteSpec } from '../routes/api-route.js';

type JsonSchema = Record<string, unknown>;

function schema(s: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(s, {
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

/** `name: schema` pairs of a zod object, as OpenAPI parameters. */
function parameters(s: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!s) return [];
  const json = schema(s, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, p]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: p,
  }));
}

const errorResponse = {
  description: 'Refused: `{error: {name, message}, request}`',
  content: { 'application/json': { schema: schema(ApiErrorSchema, 'output') } },
};

/** The OpenAPI 3.1 document of the REST API, generated from the same zod schemas that validate it. */
export function openApiDocument(routes: RouteSpec[], version: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const add = (path: string, method: string, op: JsonSchema) => {
    (paths[path] ??= {})[method] = op;
  };
  for (const r of routes) {
    const path = `/api/v1${r.path.replace(/:([a-zA-Z]+)/g, '{$1}')}`;
    add(path, r.method, {
      summary: r.summary,
      tags: [r.tag],
      parameters: [...parameters(r.params, 'path'), ...parameters(r.query, 'query')],
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schema(r.body, 'input') } },
            },
          }
        : {}),
      responses: {
        [String(r.status ?? 200)]: {
          description: 'OK',
          content: { 'application/json': { schema: schema(r.response, 'output') } },
        },
        '4XX': errorResponse,
        '5XX': errorResponse,
      },
    });
  }
  add('/api/v1/cluster', 'get', {
    summary: 'How the BFF reaches Kubernetes and whether Kargo is installed',
    tags: ['operations'],
    responses: {
      200: {
        description: 'OK',
        content: { 'application/json': { schema: schema(ClusterStatusSchema, 'output') } },
      },
    },
  });
  add('/api/v1/k8s/{path}', 'get', {
    summary: 'Read-only Kubernetes pass-through as the caller, Secret values redacted',
    tags: ['kubernetes'],
    parameters: [{ name: 'path', in: 'path', required: true, schema: { type: 'string' } }],
    responses: { 200: { description: 'The Kubernetes answer' }, '4XX': errorResponse },
  });
  for (const [p, summary] of [
    ['/healthz', 'Process is alive'],
    ['/readyz', 'Caches synced; ready for traffic'],
    ['/metrics', 'Prometheus metrics'],
  ] as const) {
    add(p, 'get', {
      summary,
      tags: ['operations'],
      responses: { 200: { description: 'OK' }, 503: { description: 'Not ready' } },
    });
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Wharf BFF',
      version,
      description:
        'REST API of the Wharf dashboard. Live updates use socket.io at /socket.io (events in @wharf/shared/api).',
    },
    paths,
  };
}
