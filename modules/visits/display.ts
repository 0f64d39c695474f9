/**
 * The public waiting-room display: `/display/<clinic code>` (HTML that reloads itself every
 * 10 seconds with a meta refresh, since the Content-Security-Policy blocks inline scripts) and
 * `/display/<clinic code>/tokens.json`. No sign-in, so they show token numbers only: never a
 * name, an MRN or any other identifier of a patient.
 */
import type { Router } from 'express';
import type { Sequelize } from 'sequelize';
import { asyncRoute } from '../../server/http/async-route.js';
import type { AppointmentsService } from '../appointments/service.js';
import { displayTokens } from './queue.js';

const REFRESH_SECONDS = 10;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(clinicName: string, t: { calling: string[]; waiting: string[] }) {
  const list = (tokens: string[], cls: string) =>
    tokens.length ? `<ul class="${cls}">${tokens.map((x) => `<li>${escape(x)}</li>`).join('')}</ul>` : '<p class="none">-</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="${REFRESH_SECONDS}">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(clinicName)} - queue</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#0d2538;color:#fff}
h1{margin:0;padding:1rem 2rem;background:#12476b;font-size:2.2rem}
main{display:grid;grid-template-columns:1fr 1fr;gap:2rem;padding:2rem}
h2{font-size:1.8rem;margin:0 0 1rem;color:#9fd3ff}
ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
li{font-size:2.6rem;font-weight:700;padding:.5rem 1.2rem;border-radius:.5rem;background:#1d5d88}
ul.calling li{font-size:4rem;background:#f0b429;color:#0d2538}
.none{font-size:2rem;opacity:.6}
</style></head>
<body><h1>${escape(clinicName)}</h1>
<main><section><h2>Now calling</h2>${list(t.calling, 'calling')}</section>
<section><h2>Waiting</h2>${list(t.waiting, 'waiting')}</section></main>
</body></html>`;
}

export function displayRoutes(root: Router, sequelize: Sequelize, appointments: () => AppointmentsService) {
  const load = async (code: string) => {
    const clinic = await appointments().clinicByCode(code.toUpperCase());
    return clinic && clinic.active ? { clinic, tokens: await displayTokens(sequelize, clinic.id, clinic.today) } : null;
  };
  root.get(
    '/display/:code/tokens.json',
    asyncRoute(async (req, res) => {
      const found = await load(req.params.code);
      res.set('Cache-Control', 'no-store');
      if (!found) return void res.status(404).json({ message: 'No such clinic' });
      res.json({ clinic: found.clinic.name, ...found.tokens });
    }),
  );
  root.get(
    '/display/:code',
    asyncRoute(async (req, res) => {
      const found = await load(req.params.code);
      res.set('Cache-Control', 'no-store');
      if (!found) return void res.status(404).type('html').send('<!doctype html><title>Not found</title><p>No such clinic.</p>');
      res.type('html').send(page(found.clinic.name, found.tokens));
    }),
  );
}
