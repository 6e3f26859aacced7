// GET /metrics: kube-apiserver's apiserver_request_total counter, in Prometheus text, and a count
// of connections. They show what clients ask of the server (how many LISTs of which resource, how
// many new connections), for operators, benchmarks and tests that check a controller reads from
// caches and keeps its connections alive.
import type { ServerResponse } from 'node:http';
import type { Verb } from './request-info.js';

/** The verb label as kube-apiserver spells it (create is POST, update PUT). */
const VERB_LABEL: Record<Verb, string> = {
  get: 'GET',
  list: 'LIST',
  watch: 'WATCH',
  create: 'POST',
  update: 'PUT',
  patch: 'PATCH',
  delete: 'DELETE',
  deletecollection: 'DELETECOLLECTION',
};

export interface RequestLabels {
  verb: Verb;
  group: string;
  version: string;
  resource: string;
  subresource?: string;
  /** As kube-apiserver labels it: one object, a namespace's collection, or all of them. */
  scope: 'resource' | 'namespace' | 'cluster';
}

export class RequestMetrics {
  private readonly counts = new Map<string, number>();
  private connections = 0;

  /** A client opened a connection (a TLS handshake follows): kept-alive clients open few. */
  connection(): void {
    this.connections++;
  }

  /** Counts the request once its answer is sent, by verb, resource and status code. */
  track(labels: RequestLabels, res: ServerResponse): void {
    res.once('finish', () => {
      const text = [
        `code="${res.statusCode}"`,
        `group="${labels.group}"`,
        `resource="${labels.resource}"`,
        `scope="${labels.scope}"`,
        `subresource="${labels.subresource ?? ''}"`,
        `verb="${VERB_LABEL[labels.verb]}"`,
        `version="${labels.version}"`,
      ].join(',');
      this.counts.set(text, (this.counts.get(text) ?? 0) + 1);
    });
  }

  prometheusText(): string {
    const lines = [
      '# HELP apiserver_request_total Counter of apiserver requests broken out for each verb, group, version, resource, scope, subresource and HTTP response code.',
      '# TYPE apiserver_request_total counter',
      ...[...this.counts].sort().map(([labels, n]) => `apiserver_request_total{${labels}} ${n}`),
      '# HELP wharf_apiserver_connections_total Connections clients have opened (Wharf only; not a kube-apiserver metric).',
      '# TYPE wharf_apiserver_connections_total counter',
      `wharf_apiserver_connections_total ${this.connections}`,
    ];
    return `${lines.join('\n')}\n`;
  }
}

export function sendMetrics(metrics: RequestMetrics, res: ServerResponse): void {
  const text = metrics.prometheusText();
  res.writeHead(200, {
    'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}
