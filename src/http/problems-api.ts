import { Router, type RequestHandler, type Response } from 'express';
import { notFound } from '../domain/errors.js';
import { PROBLEM_TYPES, problemTypeUri, type ProblemType } from './problem-types.js';
import { preferredType } from './accept.js';

/**
 * The pages a problem's `type` resolves to (RFC 9457 §3.1.1): `GET /problems/{code}` describes one code, `GET
 * /problems` lists them all; a small HTML page, or JSON when the client prefers it (`Accept: application/json`).
 * Public, without a token, like the OpenAPI document, and rate-limited as the other public routes (`limited`).
 */
export function problemsApi(limited: RequestHandler = (_req, _res, next) => next()): Router {
  const router = Router();

  router.get('/problems', limited, (req, res) => {
    const items = Object.entries(PROBLEM_TYPES).map(([code, type]) => view(code, type));
    res.vary('Accept');
    if (preferredType(req, ['text/html', 'application/json']) === 'application/json') {
      res.json({ items });
      return;
    }
    const rows = items
      .map(
        (p) =>
          `<tr><td>${p.status}</td><td><a href="${escape(p.type)}"><code>${escape(p.code)}</code></a></td>` +
          `<td>${escape(p.title)}</td></tr>`,
      )
      .join('\n');
    html(res, 'Problem types', `<table>\n<tr><th>status</th><th>code</th><th>title</th></tr>\n${rows}\n</table>`);
  });

  router.get('/problems/:code', limited, (req, res) => {
    const code = String(req.params.code);
    const type = Object.hasOwn(PROBLEM_TYPES, code) ? PROBLEM_TYPES[code] : undefined;
    if (!type) throw notFound(`no problem type ${code}`);
    const p = view(code, type);
    res.vary('Accept');
    if (preferredType(req, ['text/html', 'application/json']) === 'application/json') {
      res.json(p);
      return;
    }
    html(
      res,
      p.title,
      `<p>HTTP status <strong>${p.status}</strong>, code <code>${escape(code)}</code></p>\n` +
        `<p>${escape(p.description)}</p>\n<p><a href="/problems">Every problem type</a></p>`,
    );
  });

  return router;
}

function view(code: string, type: ProblemType) {
  return { type: problemTypeUri(code), code, status: type.status, title: type.title, description: type.description };
}

function html(res: Response, title: string, body: string): void {
  res.type('text/html; charset=utf-8');
  res.send(
    `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>${escape(title)}</title></head>\n` +
      `<body>\n<h1>${escape(title)}</h1>\n${body}\n</body>\n</html>\n`,
  );
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
