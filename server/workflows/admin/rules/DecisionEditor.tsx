/**
 * The decision a rule makes, with fields for the built-in types (who approves and how fast,
 * service levels, routing, notifications, priority) and a JSON box for module-defined types.
 */
import { Box, MenuItem, TextField } from '@mui/material';
import { PRIORITIES } from '../../priorities.js';
import type { Catalog } from '../api.js';
import type { Rule } from './model.js';

type Params = Record<string, unknown>;
const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : typeof v === 'string' ? v : '');
const toList = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

interface Props {
  event: Rule['event'];
  catalog: Catalog;
  path: string;
  onChange(e: Rule['event']): void;
}

export function DecisionEditor({ event, catalog, path, onChange }: Props) {
  const p = (event.params ?? {}) as Params;
  const set = (patch: Params) => onChange({ ...event, params: Object.fromEntries(Object.entries({ ...p, ...patch }).filter(([, v]) => v !== undefined && v !== '')) });
  const approvers = catalog.roles.filter((r) => r.approves).map((r) => r.name).join(', ');
  const field = (name: string, label: string, value: unknown, onValue: (s: string) => void, helperText?: string) => (
    // Committed on blur (a list is typed with commas); the key remounts it when the value changes elsewhere.
    <TextField key={JSON.stringify(value ?? null)} size="small" label={label} name={`${path}.params.${name}`} defaultValue={list(value) || (value === undefined ? '' : String(value))} slotProps={{ inputLabel: { shrink: true } }} onBlur={(e) => onValue(e.target.value)} helperText={helperText} />
  );
  const select = (name: string, label: string, value: unknown, options: string[]) => (
    <TextField select size="small" label={label} name={`${path}.params.${name}`} value={(value as string) ?? ''} onChange={(e) => set({ [name]: e.target.value })} sx={{ minWidth: 160 }}>
      {options.map((o) => (
        <MenuItem key={o} value={o}>{o}</MenuItem>
      ))}
    </TextField>
  );
  const escalate = (p.escalate ?? {}) as Params;
  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'flex-start' }}>
      <TextField select size="small" label="Decision" name={`${path}.type`} value={event.type} onChange={(e) => onChange({ type: e.target.value, params: {} })} sx={{ minWidth: 190 }}>
        {[...new Set([...catalog.decisions.map((d) => d.type), event.type])].map((t) => (
          <MenuItem key={t} value={t}>{t}</MenuItem>
        ))}
      </TextField>
      {event.type === 'approval.required' && (
        <>
          {field('chain', 'Approvers, in order', p.chain, (s) => set({ chain: toList(s) }), `roles: ${approvers}`)}
          {field('slaHours', 'Hours per level', p.slaHours, (s) => set({ slaHours: num(s) }))}
          <TextField select size="small" label="When overdue" name={`${path}.params.escalate.action`} value={(escalate.action as string) ?? ''} sx={{ minWidth: 150 }}
            onChange={(e) => set({ escalate: e.target.value ? { ...escalate, action: e.target.value } : undefined })}>
            <MenuItem value="">notify the approver</MenuItem>
            <MenuItem value="notify">notify someone</MenuItem>
            <MenuItem value="reassign">move to another role</MenuItem>
          </TextField>
          {escalate.action && field('escalate.to', 'Escalate to', escalate.to, (s) => set({ escalate: { ...escalate, to: escalate.action === 'reassign' ? s.trim() : toList(s) } }))}
        </>
      )}
      {event.type === 'sla.set' && (
        <>
          {field('respondMin', 'Respond within (min)', p.respondMin, (s) => set({ respondMin: num(s) }))}
          {field('resolveMin', 'Resolve within (min)', p.resolveMin, (s) => set({ resolveMin: num(s) }))}
        </>
      )}
      {event.type === 'referral.route' && (
        <>
          {field('destination', 'Destination', p.destination, (s) => set({ destination: s.trim() }))}
          {select('priority', 'Priority', p.priority, [...PRIORITIES])}
        </>
      )}
      {event.type === 'priority.set' && select('priority', 'Priority', p.priority, [...PRIORITIES])}
      {event.type === 'notify' && (
        <>
          {select('template', 'Template', p.template, catalog.templates)}
          {field('to', 'To (roles, e-mails)', p.to, (s) => set({ to: toList(s) }))}
        </>
      )}
      {!['approval.required', 'sla.set', 'referral.route', 'priority.set', 'notify'].includes(event.type) && (
        <TextField key={JSON.stringify(p)} size="small" multiline minRows={2} label="Params (JSON)" name={`${path}.params`} defaultValue={JSON.stringify(p)} sx={{ minWidth: 320 }}
          onBlur={(e) => {
            try {
              onChange({ ...event, params: JSON.parse(e.target.value) });
            } catch {
              /* the server names what is wrong on save */
            }
          }} />
      )}
    </Box>
  );
}
