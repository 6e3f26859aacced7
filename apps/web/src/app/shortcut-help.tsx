import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import { useRegisteredShortcuts } from '@/lib/shortcuts';

/** The `?` cheat sheet: lists every shortcut the current screen has bound. */
export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const shortcuts = useRegisteredShortcuts();
  const unique = [...new Map(shortcuts.map((s) => [s.key, s])).values()];
  return (
    <Dialog open onClose={onClose} aria-labelledby="shortcut-help-title">
      <DialogTitle id="shortcut-help-title">Keyboard shortcuts</DialogTitle>
      <DialogContent>
        <Table size="small" aria-label="Keyboard shortcuts">
          <TableBody>
            {unique.map((s) => (
              <TableRow key={s.key}>
                <TableCell component="th" scope="row">
                  <kbd>{s.key}</kbd>
                </TableCell>
                <TableCell>{s.description}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell component="th" scope="row">
                <kbd>Esc</kbd>
              </TableCell>
              <TableCell>Close a drawer or dialog</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </DialogContent>
    </Dialog>
  );
}
