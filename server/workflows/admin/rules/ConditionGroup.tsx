/** An all/any group of conditions (fact, operator, value), nested groups included. */
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import { Box, Button, IconButton, MenuItem, Stack, TextField, ToggleButton, ToggleButtonGroup } from '@mui/material';
import { children, groupKind, isGroup, newCondition, parseValue, showValue, withChildren, type Condition, type Group, type Node } from './model.js';

interface Props {
  group: Group;
  facts: string[];
  operators: string[];
  onChange(g: Group): void;
  onRemove?(): void;
  /** Input names stay stable for browser tests: `rules.0.conditions.all.1.fact`. */
  path: string;
}

function ConditionRow({ c, facts, operators, onChange, onRemove, path }: { c: Condition; facts: string[]; operators: string[]; onChange(c: Condition): void; onRemove(): void; path: string }) {
  return (
    <Stack sx={{ alignItems: 'center' }} direction="row" spacing={1}>
      <TextField select size="small" label="Fact" name={`${path}.fact`} value={c.fact} onChange={(e) => onChange({ ...c, fact: e.target.value })} sx={{ minWidth: 160 }}>
        {[...new Set([...facts, c.fact].filter(Boolean))].map((f) => (
          <MenuItem key={f} value={f}>{f}</MenuItem>
        ))}
      </TextField>
      <TextField select size="small" label="Operator" name={`${path}.operator`} value={c.operator} onChange={(e) => onChange({ ...c, operator: e.target.value })} sx={{ minWidth: 170 }}>
        {[...new Set([...operators, c.operator])].map((o) => (
          <MenuItem key={o} value={o}>{o}</MenuItem>
        ))}
      </TextField>
      {/* Committed on blur; the key remounts it when the value changes from elsewhere (JSON, reload). */}
      <TextField key={showValue(c.value)} size="small" label="Value" name={`${path}.value`} defaultValue={showValue(c.value)} slotProps={{ inputLabel: { shrink: true } }} onBlur={(e) => onChange({ ...c, value: parseValue(e.target.value) })} />
      <IconButton aria-label="Remove condition" onClick={onRemove}><DeleteIcon /></IconButton>
    </Stack>
  );
}

export function ConditionGroup({ group, facts, operators, onChange, onRemove, path }: Props) {
  const kind = groupKind(group);
  const list = children(group);
  const set = (i: number, n: Node) => onChange(withChildren(kind, list.map((x, k) => (k === i ? n : x))));
  const remove = (i: number) => onChange(withChildren(kind, list.filter((_, k) => k !== i)));
  return (
    <Box sx={{ borderLeft: 3, borderColor: kind === 'all' ? 'primary.main' : 'secondary.main', pl: 1.5, py: 0.5 }}>
      <Stack direction="row" spacing={1} sx={{ mb: 1, alignItems: 'center' }}>
        <ToggleButtonGroup size="small" exclusive value={kind} onChange={(_e, k) => k && onChange(withChildren(k, list))}>
          <ToggleButton value="all">all of</ToggleButton>
          <ToggleButton value="any">any of</ToggleButton>
        </ToggleButtonGroup>
        <Button size="small" startIcon={<AddIcon />} onClick={() => onChange(withChildren(kind, [...list, newCondition(facts[0])]))}>Condition</Button>
        <Button size="small" startIcon={<AddIcon />} onClick={() => onChange(withChildren(kind, [...list, { any: [newCondition(facts[0])] }]))}>Group</Button>
        {onRemove && <IconButton aria-label="Remove group" onClick={onRemove}><DeleteIcon /></IconButton>}
      </Stack>
      <Stack spacing={1}>
        {list.map((n, i) =>
          isGroup(n) ? (
            <ConditionGroup key={i} group={n} facts={facts} operators={operators} path={`${path}.${kind}.${i}`} onChange={(g) => set(i, g)} onRemove={() => remove(i)} />
          ) : (
            <ConditionRow key={i} c={n as Condition} facts={facts} operators={operators} path={`${path}.${kind}.${i}`} onChange={(c) => set(i, c)} onRemove={() => remove(i)} />
          ),
        )}
      </Stack>
    </Box>
  );
}
