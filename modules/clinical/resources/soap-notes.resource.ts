import { QueryTypes } from 'sequelize';
import type { ModuleContext } from '../../../server/host/types.js';
import type { HandlerContext, ResourceDefinition, Row } from '../../../server/http/resource.js';
import { Conflict, Forbidden, Invalid } from '../../../server/http/errors.js';
import { addendumSchema, createSoapNoteSchema, updateSoapNoteSchema } from '../validation.js';

const SECTIONS = ['subjective', 'objective', 'assessment', 'plan'] as const;

const signedMessage = (note: Row) =>
  `This note was signed on ${new Date(note.signedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC and can no longer be changed; add an addendum instead`;

/** Notes with their author's and signer's names and their addenda (author, time, text), oldest first. */
export async function noteDetails({ sequelize }: ModuleContext, notes: Row[]): Promise<Row[]> {
  if (!notes.length) return [];
  const ids = notes.map((n) => n.id);
  const userIds = [...new Set(notes.flatMap((n) => [n.authorId, n.signedBy]).filter(Boolean))];
  const [addenda, users] = await Promise.all([
    sequelize.query<Row>(
      `SELECT a.id, a.soap_note_id AS "soapNoteId", a.text, a.created_at AS "createdAt", a.author_id AS "authorId", u.name AS "authorName"
         FROM soap_note_addenda a JOIN users u ON u.id = a.author_id
        WHERE a.soap_note_id IN (:ids) ORDER BY a.created_at, a.id`,
      { type: QueryTypes.SELECT, replacements: { ids } },
    ),
    sequelize.query<Row>(`SELECT id, name FROM users WHERE id IN (:userIds)`, { type: QueryTypes.SELECT, replacements: { userIds } }),
  ]);
  const name = new Map(users.map((u) => [u.id, u.name]));
  return notes.map((n) => ({
    ...n,
    authorName: name.get(n.authorId) ?? null,
    signedByName: n.signedBy ? (name.get(n.signedBy) ?? null) : null,
    addenda: addenda.filter((a) => a.soapNoteId === n.id),
  }));
}

export function soapNotesResource(context: ModuleContext): ResourceDefinition {
  const { Encounter, SoapNote, SoapNoteAddendum } = context.models;

  const authorOnly = (ctx: HandlerContext, note: Row, what: string) => {
    if (note.authorId !== ctx.user.id) throw new Forbidden(`Only the author of a note may ${what} it`);
  };

  return {
    name: 'soap-notes',
    label: 'SOAP notes',
    description: 'Subjective, objective, assessment and plan of an encounter; immutable once signed',
    model: SoapNote,
    createSchema: createSoapNoteSchema,
    updateSchema: updateSoapNoteSchema,
    sortable: ['createdAt', 'updatedAt', 'signedAt'],
    defaultSort: ['createdAt', 'DESC'],
    filters: { encounterId: 'eq', authorId: 'eq', signedBy: 'eq', signedAt: 'range' },
    operations: { delete: false },
    // Who read a clinical note is part of the record.
    auditReads: true,

    async beforeCreate(ctx, data) {
      const encounter = (await Encounter.findByPk(data.encounterId, { raw: true })) as Row | null;
      if (!encounter) throw new Invalid('No such encounter', { encounterId: 'no encounter with this id' });
      if (encounter.status === 'closed') throw new Conflict('This encounter is closed; open a new encounter to write a note');
      return { ...data, authorId: ctx.user.id };
    },

    beforeUpdate(ctx, record) {
      const note = record.get({ plain: true }) as Row;
      if (note.signedAt) throw new Conflict(signedMessage(note));
      authorOnly(ctx, note, 'edit');
    },

    async detail(_ctx, row) {
      const [note] = await noteDetails(context, [row]);
      return note;
    },

    actions: [
      {
        name: 'sign',
        summary: 'Sign the note: from then on it is changed only by addenda',
        async handler(ctx, { record }) {
          const note = record!.get({ plain: true }) as Row;
          if (note.signedAt) throw new Conflict(`This note was already signed on ${new Date(note.signedAt).toISOString().slice(0, 16).replace('T', ' ')} UTC`);
          authorOnly(ctx, note, 'sign');
          if (!SECTIONS.some((s) => note[s]?.trim())) {
            throw new Invalid('An empty note cannot be signed', Object.fromEntries(SECTIONS.map((s) => [s, 'write at least one section'])));
          }
          record!.set({ signedAt: new Date(), signedBy: ctx.user.id, updatedBy: ctx.user.id });
          await record!.save();
          return record;
        },
      },
      {
        name: 'addenda',
        access: 'amend',
        summary: 'Add a correction or late entry under a signed note (kept with author and time)',
        schema: addendumSchema,
        async handler(ctx, { record, body }) {
          if (!record!.get('signedAt')) throw new Conflict('This note is not signed yet: edit the note itself');
          const addendum = (await SoapNoteAddendum.create({ soapNoteId: record!.get('id'), authorId: ctx.user.id, text: body.text })).get({ plain: true }) as Row;
          return { ...addendum, authorName: ctx.user.name };
        },
      },
    ],
  };
}
