import type { ModuleContext } from '../../../server/host/types.js';
import type { ResourceDefinition, Row } from '../../../server/http/resource.js';
import { Invalid } from '../../../server/http/errors.js';
import { createChartSchema, updateChartSchema } from '../validation.js';

export function dentalChartsResource({ models }: ModuleContext): ResourceDefinition {
  const { DentalChart, DentalProcedure, Patient } = models;
  return {
    name: 'dental-charts',
    label: 'Dental charts',
    description: 'One chart per patient: the findings of each tooth (FDI numbering) and surface',
    model: DentalChart,
    createSchema: createChartSchema,
    updateSchema: updateChartSchema,
    sortable: ['createdAt', 'updatedAt'],
    defaultSort: ['updatedAt', 'DESC'],
    filters: { patientId: 'eq', dentition: 'eq' },
    operations: { delete: false },
    auditReads: true,

    async beforeCreate(_ctx, data) {
      if (!(await Patient.findByPk(data.patientId, { attributes: ['id'] }))) throw new Invalid('No such patient', { patientId: 'no patient with this id' });
    },

    /** The chart with the patient's dental procedures, so the odontogram shows plan and history. */
    async detail(ctx, row) {
      if (!ctx.services.access.can(ctx.user.roles, 'read', 'dental-procedures').granted) return row;
      const procedures = (await DentalProcedure.findAll({ where: { patientId: row.patientId }, order: [['createdAt', 'ASC']], raw: true })) as Row[];
      return { ...row, procedures };
    },
  };
}
