import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tooltip from '@mui/material/Tooltip';
import type { KargoRole } from '@wharf/shared/api';
import { Link as RouterLink, useNavigate } from 'react-router';
import type { Decision } from '@/lib/api/capabilities';
import { rolePath } from './access-paths';
import { ClaimChips } from './claim-chips';
import { summarizeRules } from './rule-summary';
import { roleDecision } from './use-manage-decision';

interface Props {
  project: string;
  roles: KargoRole[];
  manage: Decision;
  onGrant: (role: string) => void;
}

export function RolesTable({ project, roles, manage, onGrant }: Props) {
  const navigate = useNavigate();
  return (
    <Table size="small" aria-label="Roles">
      <TableHead>
        <TableRow>
          <TableCell>Name</TableCell>
          <TableCell>Description</TableCell>
          <TableCell>Mapped claims</TableCell>
          <TableCell>Permissions</TableCell>
          <TableCell>Managed</TableCell>
          <TableCell>Actions</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {roles.map((r) => {
          const d = roleDecision(manage, r);
          return (
            <TableRow
              key={r.name}
              hover
              onClick={() => void navigate(rolePath(project, r.name))}
              sx={{ cursor: 'pointer', verticalAlign: 'top' }}
            >
              <TableCell>
                <Link
                  component={RouterLink}
                  to={rolePath(project, r.name)}
                  onClick={(e) => e.stopPropagation()}
                >
                  {r.name}
                </Link>
              </TableCell>
              <TableCell>{r.description ?? ''}</TableCell>
              <TableCell>
                <ClaimChips claims={r.claims} />
              </TableCell>
              <TableCell>
                {r.rules.length === 0 && (
                  <span>
                    {r.kargoManaged ? 'none' : 'none in a Role of its own (see read-only)'}
                  </span>
                )}
                {summarizeRules(r.rules).map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </TableCell>
              <TableCell>
                {r.kargoManaged ? (
                  <Chip size="small" label="managed" color="success" variant="outlined" />
                ) : (
                  <Tooltip title={r.readOnlyReason ?? ''}>
                    <Chip
                      size="small"
                      label="read-only"
                      variant="outlined"
                      tabIndex={0}
                      aria-label={`read-only: ${r.readOnlyReason ?? ''}`}
                      onClick={(e) => e.stopPropagation()}
                    />
                  </Tooltip>
                )}
              </TableCell>
              <TableCell onClick={(e) => e.stopPropagation()}>
                <Tooltip title={d.allowed ? '' : d.reason}>
                  <span>
                    <Button
                      size="small"
                      sx={{ whiteSpace: 'nowrap' }}
                      disabled={!d.allowed}
                      aria-label={`Grant or revoke ${r.name}`}
                      onClick={() => onGrant(r.name)}
                    >
                      Grant / revoke
                    </Button>
                  </span>
                </Tooltip>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
