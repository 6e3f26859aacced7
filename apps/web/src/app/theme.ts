import { createTheme } from '@mui/material/styles';

/** One theme with light and dark colour schemes; MUI follows the system until the user picks. */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: { palette: { primary: { main: '#1565c0' } } },
    dark: { palette: { primary: { main: '#90caf9' } } },
  },
  shape: { borderRadius: 8 },
});
