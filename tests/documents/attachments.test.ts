import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { QueryTypes } from 'sequelize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, unique, type Api, type TestServer } from '../support/harness.js';

const LIMIT = 64 * 1024;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const DICOM = Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), Buffer.from([2, 0, 0, 0, 0x55, 0x4c, 4, 0])]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff])]);

let server: TestServer;
let uploadDir: string;
let clerk: Api;
let physician: Api;
let helpdesk: Api;
let cashier: Api;
let laboratory: Api;
let patientId: string;

function upload(api: Api, fields: Record<string, string>, file?: { bytes: Buffer; name: string; type?: string }) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  return fetch(`${api.base}/api/attachments`, { method: 'POST', headers: { authorization: `Bearer ${api.token}` }, body: form }).then(async (r) => ({
    status: r.status,
    body: await r.json().catch(() => undefined),
  }));
}

const download = (api: Api, id: string) => fetch(`${api.base}/api/attachments/${id}/download`, { headers: { authorization: `Bearer ${api.token}` } });

const attachmentsOf = async (recordId: string) =>
  server.host.db.sequelize.query<{ id: string; mime_type: string }>(`SELECT id, mime_type FROM attachments WHERE record_id = :recordId`, {
    type: QueryTypes.SELECT,
    replacements: { recordId },
  });

beforeAll(async () => {
  uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'his-uploads-'));
  server = await startServer({ only: ['patients'], env: { MAX_CONTENT_LENGTH: String(LIMIT), UPLOAD_DIR: uploadDir } });
  [clerk, physician, helpdesk, cashier, laboratory] = await Promise.all(
    ['registration', 'physician', 'helpdesk', 'cashier', 'laboratory'].map((r) => server.login(`${r}@healthcare.com`)),
  );
  const p = await clerk.post('/api/patients', { givenName: 'Wanjiru', familyName: `Attach${unique()}`, sex: 'female', birthDate: '1988-03-01' });
  patientId = p.body.id;
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(uploadDir, { recursive: true, force: true });
});

describe('attachments', () => {
  it('a clerk attaches a scanned PDF to a patient; a physician downloads the same bytes', async () => {
    const res = await upload(clerk, { resource: 'patients', recordId: patientId, description: 'Referral letter from outside' }, { bytes: PDF, name: 'letter.pdf' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ resource: 'patients', recordId: patientId, fileName: 'letter.pdf', mimeType: 'application/pdf', sizeBytes: PDF.length });
    expect(res.body).not.toHaveProperty('storageKey');
    const got = await download(physician, res.body.id);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-disposition')).toContain('attachment');
    expect(Buffer.from(await got.arrayBuffer()).equals(PDF)).toBe(true);
    const [stored] = await server.host.db.sequelize.query<{ storage_key: string }>(`SELECT storage_key FROM attachments WHERE id = :id`, { type: QueryTypes.SELECT, replacements: { id: res.body.id } });
    expect(fs.readFileSync(path.join(uploadDir, stored!.storage_key)).equals(PDF)).toBe(true);
    const audit = await server.host.db.sequelize.query(`SELECT action, user_email FROM audit_logs WHERE resource = 'attachments' AND record_id = :id ORDER BY id`, {
      type: QueryTypes.SELECT,
      replacements: { id: res.body.id },
    });
    expect(audit).toEqual([
      { action: 'create', user_email: 'registration@healthcare.com' },
      { action: 'download', user_email: 'physician@healthcare.com' },
    ]);
  });

  it('the type is decided by the content, not by the name or the declared type', async () => {
    const png = await upload(clerk, { resource: 'patients', recordId: patientId }, { bytes: PNG, name: 'report.pdf', type: 'application/pdf' });
    expect(png.status).toBe(201);
    expect(png.body.mimeType).toBe('image/png');
    const dicom = await upload(clerk, { resource: 'patients', recordId: patientId }, { bytes: DICOM, name: 'xray' });
    expect(dicom.body.mimeType).toBe('application/dicom');
    const text = await upload(clerk, { resource: 'patients', recordId: patientId }, { bytes: Buffer.from('BP 120/80, café\n'), name: 'notes.exe' });
    expect(text.body.mimeType).toBe('text/plain');

    const before = (await attachmentsOf(patientId)).length;
    const exe = await upload(clerk, { resource: 'patients', recordId: patientId }, { bytes: EXE, name: 'scan.png', type: 'image/png' });
    expect(exe.status).toBe(400);
    expect(exe.body.errors.file).toMatch(/PDF, PNG, JPEG, DICOM, plain text/);
    expect(await attachmentsOf(patientId)).toHaveLength(before);
  });

  it('a file over MAX_CONTENT_LENGTH is a 413 that names the limit, and nothing is saved', async () => {
    const before = (await attachmentsOf(patientId)).length;
    const big = Buffer.concat([PDF, Buffer.alloc(LIMIT + 10, 0x20)]);
    const res = await upload(clerk, { resource: 'patients', recordId: patientId }, { bytes: big, name: 'big.pdf' });
    expect(res.status).toBe(413);
    expect(res.body.message).toMatch(/too large.*limit is 0\.1 MB/);
    expect(await attachmentsOf(patientId)).toHaveLength(before);
  });

  it('only roles that may read the whole patient record download or list its files', async () => {
    const res = await upload(clerk, { resource: 'patients', recordId: patientId }, { bytes: PDF, name: 'consent.pdf' });
    // helpdesk may not read patients at all; the cashier sees only part of a patient record.
    for (const api of [helpdesk, cashier]) {
      expect((await download(api, res.body.id)).status).toBe(403);
      expect((await api.get(`/api/attachments/${res.body.id}`)).status).toBe(403);
      const list = await api.list('attachments', { filter: { resource: 'patients', recordId: patientId } });
      expect(list.status).toBe(200);
      expect(list.body).toEqual([]);
    }
    const listed = await physician.list('attachments', { filter: { resource: 'patients', recordId: patientId } });
    expect(listed.body.map((a: any) => a.id)).toContain(res.body.id);
    expect(listed.headers.get('content-range')).toMatch(/^attachments 0-\d+\/\d+$/);
  });

  it('adding a file needs the right to change the record: the laboratory reads patients but cannot attach', async () => {
    const res = await upload(laboratory, { resource: 'patients', recordId: patientId }, { bytes: PDF, name: 'x.pdf' });
    expect(res.status).toBe(403);
  });

  it('bad uploads are 400 or 404 with field errors, never a 500', async () => {
    const empty = await clerk.post('/api/attachments', {});
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.body.errors)).toEqual(expect.arrayContaining(['resource', 'recordId', 'file']));
    const noResource = await upload(clerk, { resource: 'nothing-here', recordId: patientId }, { bytes: PDF, name: 'a.pdf' });
    expect(noResource.status).toBe(400);
    expect(noResource.body.errors.resource).toBeDefined();
    const noRecord = await upload(clerk, { resource: 'patients', recordId: '00000000-0000-4000-8000-000000000000' }, { bytes: PDF, name: 'a.pdf' });
    expect(noRecord.status).toBe(404);
    expect((await download(clerk, 'not-an-id')).status).toBe(404);
    expect((await clerk.put(`/api/attachments/${'00000000-0000-4000-8000-000000000000'}`, {})).status).toBe(403);
  });
});
