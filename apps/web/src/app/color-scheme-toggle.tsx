import IconButton from '@mui/material/IconButton';
import { useColorScheme } from '@mui/material/styles';
import { useShortcut } from '@/lib/shortcuts';

export function ColorSchemeToggle() {
  const { mode, systemMode, setMode } = useColorScheme();
  const current = mode === 'system' ? systemMode : mode;
  const next = current === 'dark' ? 'light' : 'dark';
  useShortcut('t', 'Toggle light and dark mode', () => setMode(next));
  return (
    <IconButton color="inherit" aria-label={`Switch to ${next} mode`} onClick={() => setMode(next)}>
      <span aria-hidden="true">{current === 'dark' ? '☀' : '☾'}</span>
    </IconButton>
  );
}
