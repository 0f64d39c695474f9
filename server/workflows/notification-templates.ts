/**
 * E-mail and in-app notification templates: handlebars files in `templates/` and
 * `modules/<id>/templates/` (named like documents: `notifications/approval-requested`,
 * `<module>/<file>`). The first line `{{!-- subject: ... --}}` gives the subject (itself a
 * template); the body is wrapped in `templates/layouts/email.hbs`. `{{value}}` escapes.
 */
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Config } from '../../config/index.js';

const SUBJECT = /^\s*\{\{!--\s*subject:\s*([\s\S]*?)\s*--\}\}\s*\n?/;

interface Compiled {
  subject: Handlebars.TemplateDelegate;
  body: Handlebars.TemplateDelegate;
}

export class NotificationTemplates {
  private hb = Handlebars.create();
  private templates = new Map<string, Compiled>();
  private layout: Handlebars.TemplateDelegate | null = null;

  constructor(private config: Readonly<Config>) {
    this.hb.registerHelper('datetime', (v: unknown) => (v ? new Date(String(v)).toISOString().slice(0, 16).replace('T', ' ') : ''));
    this.hb.registerHelper('date', (v: unknown) => (v ? new Date(String(v)).toISOString().slice(0, 10) : ''));
    this.load(path.join(config.rootDir, 'templates'), '');
  }

  load(dir: string, prefix: string) {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        this.load(file, `${prefix}${entry.name}/`);
        continue;
      }
      if (!entry.name.endsWith('.hbs')) continue;
      const name = `${prefix}${entry.name.slice(0, -4)}`;
      const source = fs.readFileSync(file, 'utf8');
      if (name === 'layouts/email') {
        this.layout = this.hb.compile(source);
        continue;
      }
      const m = SUBJECT.exec(source);
      // Only files that declare a subject are notifications; the rest are documents.
      if (m) this.templates.set(name, { subject: this.hb.compile(m[1], { noEscape: true }), body: this.hb.compile(source.slice(m[0].length)) });
    }
  }

  /** `modules/<id>/templates/**` as `<id>/...`. */
  loadModules(modulesDir: string) {
    if (!fs.existsSync(modulesDir)) return;
    for (const id of fs.readdirSync(modulesDir).sort()) this.load(path.join(modulesDir, id, 'templates'), `${id}/`);
  }

  has(name: string) {
    return this.templates.has(name);
  }

  names() {
    return [...this.templates.keys()].sort();
  }

  /** A module's own plain-text message, escaped into the e-mail layout. */
  renderText(subject: string, text: string): { subject: string; html: string } {
    const body = new Handlebars.SafeString(
      text
        .split(/\n{2,}/)
        .map((p) => `<p>${Handlebars.escapeExpression(p).replace(/\n/g, '<br>')}</p>`)
        .join('\n'),
    );
    const facility = this.config.facility;
    const clean = subject.replace(/\s+/g, ' ').trim().slice(0, 250);
    return { subject: clean, html: this.layout ? this.layout({ subject: clean, body, facility }) : body.toString() };
  }

  render(name: string, data: Record<string, unknown>): { subject: string; html: string } {
    const t = this.templates.get(name);
    if (!t) throw new Error(`No notification template "${name}" (known: ${this.names().join(', ')})`);
    const facility = this.config.facility;
    const subject = t.subject({ ...data, facility }).replace(/\s+/g, ' ').trim().slice(0, 250);
    const body = t.body({ ...data, facility });
    const html = this.layout ? this.layout({ subject, body: new Handlebars.SafeString(body), facility }) : body;
    return { subject, html };
  }
}
