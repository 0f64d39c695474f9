import { DataTypes, type Sequelize } from 'sequelize';
import { defineModel } from '../db/model.js';

export function workflowModels(sequelize: Sequelize) {
  const WorkflowRule = defineModel(sequelize, 'WorkflowRule', 'workflow_rules', {
    key: { type: DataTypes.TEXT, allowNull: false },
    event: { type: DataTypes.TEXT, allowNull: false },
    description: { type: DataTypes.TEXT },
    /** Facts the rule set may use beyond what its event declares (from the shipped default). */
    facts: { type: DataTypes.ARRAY(DataTypes.TEXT), allowNull: false, defaultValue: [] },
    module: { type: DataTypes.TEXT },
    activeVersionId: { type: DataTypes.UUID },
  });
  const WorkflowRuleVersion = defineModel(sequelize, 'WorkflowRuleVersion', 'workflow_rule_versions', {
    ruleSetId: { type: DataTypes.UUID, allowNull: false },
    number: { type: DataTypes.INTEGER, allowNull: false },
    rules: { type: DataTypes.JSONB, allowNull: false },
    comment: { type: DataTypes.TEXT },
    authorName: { type: DataTypes.TEXT },
  });
  const Approval = defineModel(sequelize, 'Approval', 'approvals', {
    resource: { type: DataTypes.TEXT, allowNull: false },
    recordId: { type: DataTypes.TEXT, allowNull: false },
    summary: { type: DataTypes.TEXT },
    level: { type: DataTypes.INTEGER, allowNull: false },
    chain: { type: DataTypes.JSONB, allowNull: false },
    role: { type: DataTypes.TEXT },
    userId: { type: DataTypes.UUID },
    dueAt: { type: DataTypes.DATE },
    slaHours: { type: DataTypes.DECIMAL, get() { const v = this.getDataValue('slaHours'); return v == null ? v : Number(v); } },
    escalation: { type: DataTypes.JSONB },
    escalatedFrom: { type: DataTypes.UUID },
    escalatedAt: { type: DataTypes.DATE },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'pending' },
    decision: { type: DataTypes.TEXT },
    comment: { type: DataTypes.TEXT },
    decidedBy: { type: DataTypes.UUID },
    decidedAt: { type: DataTypes.DATE },
    ruleSet: { type: DataTypes.TEXT },
  });
  const Notification = defineModel(sequelize, 'Notification', 'notifications', {
    userId: { type: DataTypes.UUID },
    email: { type: DataTypes.TEXT },
    template: { type: DataTypes.TEXT, allowNull: false },
    subject: { type: DataTypes.TEXT, allowNull: false },
    body: { type: DataTypes.TEXT, allowNull: false },
    resource: { type: DataTypes.TEXT },
    recordId: { type: DataTypes.TEXT },
    status: { type: DataTypes.TEXT, allowNull: false, defaultValue: 'stored' },
    error: { type: DataTypes.TEXT },
    sentAt: { type: DataTypes.DATE },
    readAt: { type: DataTypes.DATE },
  });
  return { WorkflowRule, WorkflowRuleVersion, Approval, Notification };
}
