import { createContext, useContext } from 'react';
import type { ProjectState } from '@/lib/live/project-state';
import type { CapabilitiesStore } from './capabilities-store';

/** Things that rarely change; kept apart from the live state so 600 nodes don't re-render per delta. */
export interface ProjectContextValue {
  project: string;
  /** Read with useCapabilities or useDecision. */
  capabilities: CapabilitiesStore;
  /** Edge and marker colour of each warehouse's freight. */
  originColor: (warehouse: string) => string;
  /** Opens a drawer (kind: stages | freight | promotions | warehouses), keeping the view's query. */
  open: (kind: 'stages' | 'freight' | 'promotions' | 'warehouses', name: string) => void;
  /** Starts promoting into a stage, optionally with the freight already chosen. */
  startPromote: (stage: string, freight?: string) => void;
  /** Folds a stage's downstream subtree into it, or unfolds it. */
  toggleCollapse: (stage: string) => void;
}

export const ProjectContext = createContext<ProjectContextValue | null>(null);
export const ProjectStateContext = createContext<ProjectState | null>(null);

export function useProject(): ProjectContextValue {
  const value = useContext(ProjectContext);
  if (!value) throw new Error('useProject outside a project page');
  return value;
}

export function useProjectState(): ProjectState {
  const value = useContext(ProjectStateContext);
  if (!value) throw new Error('useProjectState outside a project page');
  return value;
}
